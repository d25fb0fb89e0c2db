/**
 * Header spellings of indicator tables, in one place (DOMAIN.md §4): seed 000's 关键性指标 tables, seed 002's
 * task tables, the national form (一级 / 二级 / 三级指标 … 分值 / 得分 / 偏差原因), and the sheet this engine
 * builds itself (绩效指标完成情况), whose header is recognised as a whole so it is never read as a user's table.
 */
import { normalizeLabel } from '../cells/text';
import { resolveUnit } from './units';
import type { QualitativeBand } from './completion';

export type IndicatorRole =
  | 'level1'
  | 'level2'
  | 'name'
  | 'task'
  | 'explanation'
  | 'formula'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reason'
  // The standard forms (DOMAIN.md §6): 指标性质 (≥ ≤ = 定量 定性), 度量单位 beside the value, 调整指标值 (scored when given).
  | 'nature'
  | 'unit'
  | 'adjustedTarget'
  // 部门整体支出绩效自评表: 得分系数（%） = 指标得分 / 指标权重, filled beside the score.
  | 'coefficient';

/** Exact spellings (after normalizeLabel and dropping a bracketed unit), per role. */
const SPELLINGS: [IndicatorRole, string[]][] = [
  ['level1', ['一级指标', '指标类型', '指标类别', '一级指标名称']],
  ['level2', ['二级指标', '二级指标名称']],
  ['name', ['三级指标', '三级指标名称', '关键性指标', '关键指标', '指标', '指标名称', '绩效指标', '具体指标']],
  ['nature', ['指标性质', '指标属性', '指标方向', '性质', '计算符号', '符号']],
  ['unit', ['度量单位', '计量单位', '单位', '指标单位']],
  ['adjustedTarget', ['调整指标值', '调整后指标值', '调整后目标值', '全年调整指标值']],
  ['coefficient', ['得分系数', '得分率', '得分比例']],
  ['task', ['任务', '工作任务', '重点任务', '年度任务', '主要任务', '任务名称']],
  ['explanation', ['指标解释', '指标说明', '指标内涵']],
  ['formula', ['说明及公式', '计算公式', '计算方法', '评分标准', '指标计算公式']],
  [
    'target',
    ['预期值', '年度指标值', '年度绩效指标值', '目标值', '指标值', '预期目标值', '年度目标值', '全年指标值', '预期目标', '年度目标', '绩效目标值', '预期实现值', '年初指标值', '年初目标值'],
  ],
  ['actual', ['实际值', '实际完成值', '实际完成情况', '完成值', '完成情况', '全年实际值', '实际完成', '全年完成值', '实际完成数', '全年实际完成值']],
  ['weight', ['分值', '权重', '权重分值', '指标分值', '分值(分)', '指标权重', '指标分值权重']],
  ['score', ['得分', '自评得分', '实际得分', '指标得分', '指标自评得分']],
  [
    'reason',
    [
      '偏差原因分析及改进措施', '偏差原因分析及改进', '偏差原因', '偏差原因分析', '未完成原因和改进措施', '未完成原因及改进措施', '原因分析',
      '未完成原因分析', '未完成原因', '偏差原因及改进措施', '原因',
    ],
  ],
];

const LOOKUP = new Map<string, IndicatorRole>();
for (const [role, words] of SPELLINGS) for (const w of words) if (!LOOKUP.has(w)) LOOKUP.set(w, role);

/** "年度指标值（万人）" → label 年度指标值, unit 万人 (kept when it is a unit the engine knows). */
export function splitHeaderUnit(label: string): { label: string; unit: string | null } {
  const n = normalizeLabel(label).replace(/\s+/g, '');
  const m = /^(.*?)[(（]([^()（）]*)[)）]$/.exec(n);
  if (!m) return { label: n, unit: null };
  const unit = m[2].replace(/^单位[:：]?/, '');
  return { label: m[1], unit: resolveUnit(unit) ? unit : null };
}

/** The role a header cell names, or null. Tolerates spaces inside ("指 标 类 型"), line breaks and units. */
export function indicatorHeaderRole(label: string): IndicatorRole | null {
  const { label: bare } = splitHeaderUnit(label);
  if (bare === '') return null;
  return LOOKUP.get(bare) ?? LOOKUP.get(bare.replace(/^\d{4}年(度)?/, '')) ?? null;
}

/** The sheet the engine builds and the columns it writes, left to right (one place: planSheet and readOwn use it). */
export const OUTPUT_SHEET = '绩效指标完成情况';
/** Used when a sheet of that name already holds the user's own tables (the seed 002 sample does). */
export const OUTPUT_SHEET_FALLBACK = '绩效指标完成情况（自评）';

export const OWN_COLUMNS = {
  level1: { col: 1, header: '一级指标', width: 12 },
  level2: { col: 2, header: '二级指标', width: 12 },
  level3: { col: 3, header: '三级指标', width: 26 },
  targetText: { col: 4, header: '年度指标值', width: 20 },
  actualText: { col: 5, header: '实际完成值', width: 20 },
  target: { col: 6, header: '目标值', width: 10 },
  actual: { col: 7, header: '实际值', width: 10 },
  unit: { col: 8, header: '单位', width: 7 },
  direction: { col: 9, header: '方向', width: 7 },
  completion: { col: 10, header: '完成率', width: 10 },
  band: { col: 11, header: '定性评级', width: 10 },
  weight: { col: 12, header: '分值', width: 7 },
  score: { col: 13, header: '得分', width: 8 },
  status: { col: 14, header: '状态', width: 9 },
  reason: { col: 15, header: '偏差原因分析及改进措施', width: 22 },
  source: { col: 16, header: '来源', width: 18 },
} as const;

export type OwnColumn = keyof typeof OWN_COLUMNS;
export const OWN_LAST_COL = OWN_COLUMNS.source.col;

/** Headers only this engine writes side by side: a header row holding all of them is our own sheet. */
const OWN_SIGNATURE: OwnColumn[] = ['targetText', 'actualText', 'target', 'actual', 'direction', 'completion', 'band', 'status'];

/** Column of each own header found in the row (by label, so a user who moved columns is still understood). */
export function ownHeaderColumns(labels: Map<number, string>): Partial<Record<OwnColumn, number>> | null {
  const byLabel = new Map<string, number>();
  for (const [col, text] of labels) {
    const bare = splitHeaderUnit(text).label;
    if (bare !== '' && !byLabel.has(bare)) byLabel.set(bare, col);
  }
  const found: Partial<Record<OwnColumn, number>> = {};
  for (const key of Object.keys(OWN_COLUMNS) as OwnColumn[]) {
    const col = byLabel.get(OWN_COLUMNS[key].header);
    if (col !== undefined) found[key] = col;
  }
  return OWN_SIGNATURE.every((k) => found[k] !== undefined) ? found : null;
}

/** Direction words of the 方向 column and the drop-down lists. */
/** 方向 as the forms say it: 正向 (higher is better), 反向 (lower is better). */
export const DIRECTION_WORD = { higher: '正向', lower: '反向', equal: '等于', qualitative: '定性' } as const;
/** Words of sheets built before (较高 / 较低): still read as the direction the user chose. */
export const FORMER_DIRECTION_WORD = { 较高: 'higher', 较低: 'lower' } as const;
export const BAND_WORDS = ['达成', '部分达成', '未达成'] as const;
/** The 定性评级 word of each band of completion.ts (achieved 80–100 %, partial 60–80 %, not 0–60 %). */
export const BAND_WORD: Record<QualitativeBand, (typeof BAND_WORDS)[number]> = { achieved: '达成', partial: '部分达成', not: '未达成' };
export const REASON_WORDS = ['人员原因', '制度原因', '经费原因', '其他原因'] as const;
/** Labels of the bottom rows (column A), also how a re-run finds where its own area ended. */
export const BOTTOM_LABELS = { weights: '分值合计', total: '自评得分', grade: '等级' } as const;
