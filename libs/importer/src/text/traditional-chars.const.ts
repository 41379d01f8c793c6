/**
 * Traditional → simplified for the characters that carry meaning in evaluation documents (headings,
 * header labels, grades, common administrative words). One character for one, so offsets into the
 * text never move. Only traditional-only forms are listed: each left character is never written in
 * simplified text, so converting is safe on any input. `opencc-js` would be complete but converts
 * phrases (lengths may change) and ships ~2 MB of dictionaries for a rare input.
 */
const PAIRS =
  '評评價价問问題题議议項项機机構构門门單单區区縣县鎮镇時时間间結结論论報报內内實实際际預预決决撥拨執执' +
  '績绩效效財财務务資资產产專专業业發发展展規规範范標标準准設设據据編编製制審审計计檢检查查' +
  '範范圍围組组織织關关於于個个這这為为與与對对應应會会經经濟济農农業业鄉乡村村環环衛卫' +
  '醫医療疗養养敎教學学校校體体廣广電电聞闻遊游歷历導导領领權权財财稅税務务務务員员職职' +
  '責责級级優优劣劣較较差差態态況况狀状進进過过還还運运達达選选遲迟適适邊边遠远連连總总' +
  '額额費费貨货貼贴賬账購购買买賣卖貸贷質质負负責责帳帐幣币變变輛辆輸输轉转軟软陸陆陳陈' +
  '隊队階阶際际隨随險险雜杂難难雙双顯显頭头類类須须顧顾風风飛飞館馆馬马驗验騎骑體体' +
  '麼么黨党齊齐龍龙衆众眾众專专兩两嚴严覽览覺觉觀观訂订計计認认討讨讓让記记許许設设訪访' +
  '診诊證证評评詢询試试詳详語语誤误說说請请調调談谈論论諮咨謀谋講讲識识譯译護护讀读變变' +
  '貢贡財财貧贫販贩責责貫贯貴贵費费貼贴賀贺資资賓宾賠赔賦赋賬账質质賴赖贈赠趕赶跡迹' +
  '鄉乡鄰邻釋释鋼钢錄录錢钱錯错鍵键長长門门閉闭開开閑闲閒闲間间閱阅闊阔隱隐雲云電电' +
  '億亿僅仅價价傳传傷伤備备優优儲储兒儿內内冊册凈净凍冻劃划則则剛刚創创劉刘務务動动勞劳' +
  '勢势匯汇區区協协厲厉參参叢丛吳吴員员問问啓启喪丧嗎吗團团園园圖图場场壞坏壓压墊垫' +
  '夠够奪夺婦妇媽妈孫孙寧宁寫写對对尋寻將将專专屆届屬属嶺岭層层島岛幫帮幹干廠厂廳厅' +
  '廢废弒弑張张彈弹徑径從从復复徵征憑凭應应懷怀戶户擇择擔担據据擴扩擁拥損损換换揮挥' +
  '搶抢撫抚數数斷断於于無无舊旧時时曉晓書书會会條条東东極极構构樣样橋桥機机檔档櫃柜' +
  '歸归歲岁殘残氣气決决沒没滯滞滿满漁渔潔洁濟济灣湾災灾為为烏乌無无燈灯營营爭争' +
  '獎奖獨独現现瑣琐產产畫画異异當当療疗發发盡尽監监盤盘眾众礎础確确種种穩稳稱称' +
  '積积競竞筆笔築筑節节範范簡简糧粮約约紅红紀纪純纯紙纸級级細细組组終终經经綜综綠绿' +
  '維维網网緊紧線线練练縮缩績绩織织繫系續续罰罚聯联聽听職职脅胁腦脑舉举與与興兴艱艰' +
  '華华萬万葉叶蓋盖蘇苏處处虧亏號号補补裝装複复製制襲袭規规視视親亲覆覆' +
  '訊讯託托訓训記记設设詞词該该誌志認认說说誰谁課课調调賞赏質质齡龄慮虑懲惩擬拟' +
  '臺台銷销鏈链鑒鉴鍋锅閥阀隻只雖虽雞鸡離离頁页頂顶項项順顺預预領领頻频題题顏颜額额' +
  '饋馈飯饭飲饮餘余馬马駐驻髮发鬥斗魚鱼鳥鸟點点齊齐' +
  '師师辦办術术讚赞遞递鎖锁聲声灑洒紛纷絕绝給给統统絡络繳缴纖纤義义習习聖圣膚肤臨临藝艺藥药衝冲' +
  '裡里覈核觸触詐诈詩诗誠诚諾诺謂谓賃赁趨趋輔辅輕轻遷迁鄭郑釐厘鍛锻鐵铁閣阁陽阳陰阴靈灵響响' +
  '頒颁頗颇顆颗願愿飼饲驅驱鬆松麥麦';

export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const [from, to] = [chars[i], chars[i + 1]];
    if (from !== to) map.set(from, to);
  }
  return map;
})();
