/**
 * Header spellings of budget tables (DOMAIN.md §1) and how a header cell is recognised.
 * Order matters: rate headers are tested before amount headers ("预算执行率" contains "预算执行").
 */
import { normalizeLabel } from '../cells/text';

export type ColumnRole = 'initial' | 'adjusted' | 'actual' | 'executionRate' | 'adjustmentRate' | 'name' | 'serial';

/** Amount and rate roles: the ones that carry numbers. */
export const AMOUNT_ROLES = ['initial', 'adjusted', 'actual'] as const;
export type AmountRole = (typeof AMOUNT_ROLES)[number];
export const RATE_ROLES = ['executionRate', 'adjustmentRate'] as const;
export type RateRole = (typeof RATE_ROLES)[number];

/** Exact spellings (after normalizeLabel), per role, most specific first. */
const SPELLINGS: [ColumnRole, string[]][] = [
  ['executionRate', ['预算执行率', '执行率', '支出率', '预算支出率', '预算完成率', '完成率', '执行进度']],
  ['adjustmentRate', ['预算调整率', '调整率']],
  ['initial', ['年初预算数', '年初预算', '年初预算金额', '年初数', '年初批复预算', '年初预算安排', '预算数年初', '年初预算数合计']],
  [
    'adjusted',
    [
      '预算调整数', '调整预算数', '调整后预算数', '全年预算数', '调整后预算', '调整后预算金额', '全年预算', '预算数调整后', '调整数', '预算调整',
      // 部门整体支出绩效自评表: 全年（调整）预算数.
      '全年(调整)预算数', '全年调整预算数', '调整后全年预算数',
    ],
  ],
  ['actual', ['实际支出', '实际支出数', '决算数', '执行数', '全年执行数', '预算执行数', '实际执行数', '支出数', '实际支出金额', '全年支出数']],
  ['serial', ['序号', '编号', '行次']],
  [
    'name',
    ['项目名称', '项目', '支出类别', '财政拨款支出', '科目名称', '名称', '支出项目', '资金名称', '预算项目', '项目(资金)名称', '功能分类科目名称', '支出功能分类科目'],
  ],
];

const LOOKUP = new Map<string, ColumnRole>();
for (const [role, words] of SPELLINGS) for (const w of words) if (!LOOKUP.has(w)) LOOKUP.set(w, role);

/** The role a header label names, or null. Accepts units and line breaks in the label. */
export function headerRole(label: string): ColumnRole | null {
  const n = normalizeLabel(label);
  if (n === '') return null;
  const exact = LOOKUP.get(n);
  if (exact) return exact;
  // "2021年年初预算数", "预算执行率(%)" with odd brackets: accept a known spelling at the end of the label.
  const stripped = n.replace(/^\d{4}年(度)?/, '').replace(/[(（].*[)）]$/, '');
  return LOOKUP.get(stripped) ?? null;
}

/** Header texts the engine writes when it adds rate columns. */
export const ADDED_HEADER: Record<RateRole, string> = {
  executionRate: '预算执行率',
  adjustmentRate: '预算调整率',
};
