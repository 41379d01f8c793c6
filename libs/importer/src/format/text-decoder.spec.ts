import * as iconv from 'iconv-lite';
import { decodeText, isPlausible } from './text-decoder';

describe('decodeText', () => {
  it('prefers strict UTF-8, then GB18030', () => {
    expect(decodeText(Buffer.from('存在的问题', 'utf8')).encoding).toBe('utf-8');
    expect(decodeText(iconv.encode('存在的问题：预算编制不规范。', 'gbk'))).toEqual({
      text: '存在的问题：预算编制不规范。',
      encoding: 'gb18030',
    });
  });

  it('uses a declared charset when it reads well, and falls back when it does not', () => {
    expect(decodeText(iconv.encode('相关建议', 'gbk'), 'GB2312').encoding).toBe('gb18030');
    expect(decodeText(Buffer.from('相关建议：加强管理。', 'utf8'), 'gbk').encoding).toBe('utf-8');
  });

  it('still reads UTF-8 damaged by a stray byte or a cut-off last character', () => {
    const utf8 = Buffer.from('存在的问题：预算编制不规范，资金拨付滞后。'.repeat(40), 'utf8');
    const damaged = Buffer.concat([
      utf8.subarray(0, 300),
      Buffer.from([0xff]),
      utf8.subarray(300, utf8.length - 1),
    ]);
    expect(decodeText(damaged).encoding).toBe('utf-8');
  });

  it('rejects text that only decodes into rare characters', () => {
    const big5 = iconv.encode(
      '景德镇市财政支出绩效评价结果反馈表，存在的问题和相关建议如下。'.repeat(3),
      'big5',
    );
    expect(() => decodeText(big5)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ENCODING' }));
  });
});

describe('isPlausible', () => {
  it('accepts ordinary Chinese documents and ASCII', () => {
    expect(isPlausible('一、存在的问题\n1. 预算编制不够细化（详见附表①）。')).toBe(true);
    expect(isPlausible('Budget execution rate: 96.62%')).toBe(true);
  });

  it('rejects replacement characters and rare-character soup', () => {
    expect(isPlausible('\ufffd'.repeat(10) + '问题')).toBe(false);
    expect(isPlausible('鐧鍛嗙鍥鐜濇鎹旈鍚庣鍙鍩鍐鐮鐑鍦鏂鍗鍜鎴'.repeat(2))).toBe(false);
  });
});
