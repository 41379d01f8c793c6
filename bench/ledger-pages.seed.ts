/**
 * Test data for bench/ledger-pages.bench.ts: a bureau with 40 departments of 3 project units each, N/10
 * evaluations of 10 findings, and N rectification rows written straight into the read model in multi-row
 * INSERTs — with the columns the projection writes (statusRank, searchText from the same bigram encoder) and a
 * stub state (the list never reads it). Deterministic (seeded PRNG): every run sees the same ledger.
 */
import type { DataSource } from 'typeorm';
import { searchText } from '../libs/common/src/search-bigrams';
import { RECTIFICATION_STATUSES, RectificationStatus } from '../libs/contracts/src';

export const DEPARTMENTS = 40;
export const PROJECT_UNITS_PER_DEPARTMENT = 3;
const ROWS_PER_INSERT = 1000;

const ASPECTS = [
  '预算绩效管理',
  '绩效目标设置',
  '项目立项论证',
  '资金分配',
  '资金拨付',
  '政府采购',
  '合同管理',
  '资产管理',
  '财务核算',
  '项目验收',
  '绩效自评',
  '信息公开',
  '内部控制',
  '专项资金使用',
  '配套资金',
  '预算执行',
  '项目库管理',
  '绩效运行监控',
  '档案管理',
  '招投标程序',
];
const PROBLEMS = [
  '待完善',
  '依据不充分',
  '不够细化量化',
  '执行进度缓慢',
  '存在超范围支出',
  '审批手续不全',
  '未及时办理',
  '管理不规范',
  '核算不准确',
  '流于形式',
  '未按规定公开',
  '制度不健全',
  '缺少佐证材料',
  '结余资金未及时清理',
  '指标设置不合理',
  '未开展跟踪问效',
];
const DETAILS = [
  '预算编制依据不全面',
  '部分子项目未细化测算',
  '产出指标难以衡量',
  '效益指标缺失',
  '未建立动态调整机制',
  '资金使用效益不高',
  '项目实施方案不完整',
  '验收资料归档不全',
  '监督检查不到位',
  '责任落实不到位',
];
const SECTORS = [
  '工业发展',
  '农业产业化',
  '文化旅游',
  '陶瓷产业',
  '科技创新',
  '乡村振兴',
  '城市更新',
  '教育发展',
  '医疗卫生',
  '生态环保',
];

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The status mix of a ledger a few years in: a third closed, a third being worked on. */
const STATUS_WEIGHTS: [RectificationStatus, number][] = [
  ['issued', 8],
  ['acknowledged', 8],
  ['plan_submitted', 5],
  ['in_progress', 30],
  ['submitted', 6],
  ['ongoing', 5],
  ['closed', 33],
  ['cancelled', 5],
];

export interface SeededLedger {
  bureauId: number;
  departmentIds: number[];
  /** project unit ids of each department, in the same order */
  projectUnitIds: number[][];
  /** a project name that occurs once (its evaluation's 10 findings) */
  rareProjectName: string;
}

/** A UUID-shaped id whose first digits are scattered like a real UUID v4's (the token sample reads by id order). */
export const evaluationIdOf = (e: number): string => {
  const h = (Math.imul(e + 1, 2654435761) >>> 0).toString(16).padStart(8, '0');
  return `${h}-0000-4000-8000-${String(e).padStart(12, '0')}`;
};

/** A word that occurs in one finding of 20,000: the realistic rare keyword. */
export const RARE_WORD = '高岭土尾矿';
export const projectNameOf = (e: number): string =>
  `2024年${SECTORS[e % SECTORS.length]}专项资金项目（第${e}号）`;

export async function seedLedgerPages(
  ds: DataSource,
  n: number,
  progress: (done: number) => void = () => undefined,
): Promise<SeededLedger> {
  const bureauId = await insertUnit(ds, 'bench-bureau', '景德镇市财政局', 'bureau', null);
  const departmentIds: number[] = [];
  const projectUnitIds: number[][] = [];
  for (let d = 0; d < DEPARTMENTS; d++) {
    const dept = await insertUnit(ds, `bench-d${d}`, `景德镇市第${d + 1}局`, 'department', bureauId);
    departmentIds.push(dept);
    const children: number[] = [];
    for (let p = 0; p < PROJECT_UNITS_PER_DEPARTMENT; p++)
      children.push(
        await insertUnit(ds, `bench-d${d}-p${p}`, `第${d + 1}局第${p + 1}项目单位`, 'project_unit', dept),
      );
    projectUnitIds.push(children);
  }
  // Half of a department's items are its own, half its project units'.
  const unitOf = (rand: number, d: number): number =>
    rand < 0.5
      ? departmentIds[d]
      : projectUnitIds[d][Math.floor(((rand - 0.5) / 0.5) * PROJECT_UNITS_PER_DEPARTMENT)];
  const unitNames = new Map<number, string>(
    ((await ds.query('SELECT id, name FROM unit')) as { id: number; name: string }[]).map((u) => [
      Number(u.id),
      u.name,
    ]),
  );

  const evaluations = Math.ceil(n / 10);
  for (let from = 0; from < evaluations; from += ROWS_PER_INSERT) {
    const chunk = Array.from({ length: Math.min(ROWS_PER_INSERT, evaluations - from) }, (_, k) => from + k);
    await ds.query(
      `INSERT INTO evaluation (id, status, title, projectName, score, grade, warnings) VALUES ${chunk.map(() => `(?, 'issued', ?, ?, ?, ?, '[]')`).join(',')}`,
      chunk.flatMap((e) => [
        evaluationIdOf(e),
        '景德镇市财政支出绩效评价结果反馈表',
        projectNameOf(e),
        70 + (e % 30),
        e % 30 >= 20 ? '优' : e % 30 >= 10 ? '良' : '中',
      ]),
    );
  }

  const rand = prng(20261202);
  const totalWeight = STATUS_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const pickStatus = (): RectificationStatus => {
    let x = rand() * totalWeight;
    for (const [s, w] of STATUS_WEIGHTS) if ((x -= w) < 0) return s;
    return 'closed';
  };
  const day0 = Date.UTC(2025, 0, 1);
  const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (let from = 0; from < n; from += ROWS_PER_INSERT) {
    const values: unknown[] = [];
    const count = Math.min(ROWS_PER_INSERT, n - from);
    for (let k = 0; k < count; k++) {
      const i = from + k;
      const e = Math.floor(i / 10);
      const seq = (i % 10) + 1;
      // every finding of an evaluation goes to the same department
      const d = e % DEPARTMENTS;
      const unitId = unitOf(rand(), d);
      const status = pickStatus();
      const final = status === 'closed' || status === 'cancelled';
      const issued = day0 + Math.floor(rand() * 700) * 86400000;
      const deadline = issued + (30 + Math.floor(rand() * 180)) * 86400000;
      const extended = rand() < 0.1;
      const current = extended ? deadline + 60 * 86400000 : deadline;
      const overdue = !final && current < Date.UTC(2026, 11, 2) && rand() < 0.6;
      const level = overdue ? 1 + Math.floor(rand() * 4) : 0;
      const title = `${ASPECTS[Math.floor(rand() * ASPECTS.length)]}${PROBLEMS[Math.floor(rand() * PROBLEMS.length)]}，${i % 20_000 === 7 ? `${RARE_WORD}综合利用项目` : DETAILS[Math.floor(rand() * DETAILS.length)]}`;
      const updated = issued + Math.floor(rand() * 200) * 86400000 + Math.floor(rand() * 86400000);
      values.push(
        `rectification-${evaluationIdOf(e)}-${seq}`,
        evaluationIdOf(e),
        seq,
        title,
        status,
        RECTIFICATION_STATUSES.indexOf(status) + 1,
        ['immediate', 'deadline', 'phased', 'continuous'][i % 4],
        unitId,
        ymd(deadline),
        ymd(current),
        new Date(current + 57599999),
        extended ? 1 : 0,
        level,
        overdue ? 1 : 0,
        status === 'issued' || status === 'acknowledged' ? null : '张三',
        status === 'in_progress' || status === 'submitted' || status === 'closed' ? 2 : 0,
        status === 'closed' ? 'rectified' : null,
        new Date(issued),
        status === 'closed' ? new Date(updated) : null,
        status === 'cancelled' ? new Date(updated) : null,
        new Date(updated),
        searchText(title, unitNames.get(unitId), projectNameOf(e)),
      );
    }
    await ds.query(
      `INSERT INTO rectification (id, evaluationId, findingSeq, findingTitle, status, statusRank, type, unitId,
         originalDeadline, currentDeadline, currentDeadlineAt, extensionCount, escalationLevel, overdue,
         responsiblePerson, evidenceCount, lastReviewResult, issuedAt, closedAt, cancelledAt, updatedAt, searchText,
         state, lastEventSeq)
       VALUES ${Array.from({ length: count }, () => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', 5)").join(',')}`,
      values,
    );
    progress(from + count);
  }
  return {
    bureauId,
    departmentIds,
    projectUnitIds,
    rareProjectName: projectNameOf(Math.floor(evaluations / 2)),
  };
}

async function insertUnit(
  ds: DataSource,
  code: string,
  name: string,
  kind: string,
  parentId: number | null,
): Promise<number> {
  const res = (await ds.query(
    `INSERT INTO unit (code, name, kind, parentId, contactEmails) VALUES (?, ?, ?, ?, '[]')`,
    [code, name, kind, parentId],
  )) as { insertId: number };
  return Number(res.insertId);
}
