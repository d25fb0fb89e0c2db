/**
 * The sheet 绩效运行监控, in one place (the planner writes it, a re-run reads it back):
 *
 *   1      绩效运行监控（截至N月）
 *   2–11   summary: 截至月份 N · 序时进度 =N/12 · 红灯 / 黄灯 / 绿灯项目数 (COUNTIF over the light column) ·
 *          部门调整后预算数 · 部门累计执行数 (linked to the department's 合计 row) · 部门执行率 · 部门进度比 · 部门进度灯
 *   13     一、资金执行监控, 14 its header, then one row per project
 *   …      二、绩效指标监控, its header, then one row per indicator (one per part of "2000、8000 人")
 *
 * Header words are chosen so that no other engine reads the sheet as a table of its own: "累计执行数" is not one
 * of the budget engine's spellings (with 调整后预算数 alone a header names one amount column, a table needs two),
 * and "当前完成值" is not an indicator-actual spelling.
 */
export const MONITOR_SHEET = '绩效运行监控';
/** Used when a sheet named 绩效运行监控 holds something that is not ours. */
export const MONITOR_SHEET_FALLBACK = '绩效运行监控（预算执行助手）';

export const TITLE_ROW = 1;
/** Summary labels in column A, values in column B, explanations in column C. */
export const SUMMARY_ROWS = {
  month: { row: 2, label: '截至月份' },
  schedule: { row: 3, label: '序时进度' },
  red: { row: 4, label: '红灯项目数' },
  yellow: { row: 5, label: '黄灯项目数' },
  green: { row: 6, label: '绿灯项目数' },
  adjusted: { row: 7, label: '部门调整后预算数' },
  actual: { row: 8, label: '部门累计执行数' },
  rate: { row: 9, label: '部门执行率' },
  progress: { row: 10, label: '部门进度比' },
  light: { row: 11, label: '部门进度灯' },
} as const;
export type SummaryKey = keyof typeof SUMMARY_ROWS;
export const SUMMARY_VALUE_COL = 2;
export const SUMMARY_NOTE_COL = 3;

export const FUNDING_CAPTION_ROW = 13;
export const FUNDING_CAPTION = '一、资金执行监控';
export const INDICATOR_CAPTION = '二、绩效指标监控';

export const FUNDING_COLUMNS = {
  serial: { col: 1, header: '序号' },
  name: { col: 2, header: '项目名称' },
  unit: { col: 3, header: '单位' },
  adjusted: { col: 4, header: '调整后预算数' },
  actual: { col: 5, header: '累计执行数' },
  rate: { col: 6, header: '执行率' },
  schedule: { col: 7, header: '序时进度' },
  progress: { col: 8, header: '进度比' },
  light: { col: 9, header: '灯' },
  source: { col: 10, header: '来源' },
} as const;

export const INDICATOR_COLUMNS = {
  serial: { col: 1, header: '序号' },
  name: { col: 2, header: '指标名称' },
  unit: { col: 3, header: '单位' },
  target: { col: 4, header: '年度指标值' },
  current: { col: 5, header: '当前完成值' },
  projected: { col: 6, header: '全年预计完成情况' },
  deviation: { col: 7, header: '偏离度' },
  likelihood: { col: 8, header: '完成可能性' },
  reason: { col: 9, header: '偏差原因' },
  source: { col: 10, header: '来源' },
} as const;
export type FundingColumn = keyof typeof FUNDING_COLUMNS;
export type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

export const LAST_COL = 10;
/** Column A holds 序号 and, above the blocks, the summary labels (部门调整后预算数 …): wide enough for those. */
export const COLUMN_WIDTHS = [18, 40, 8, 14, 14, 16, 12, 12, 12, 22];

/** DOMAIN.md §5. */
export const LIKELIHOOD_WORDS = ['确定能', '有可能', '完全不可能'] as const;
export const LIGHT_WORDS = { red: '红灯', yellow: '黄灯', green: '绿灯' } as const;
export type Light = keyof typeof LIGHT_WORDS;

/** Rows of the blocks for `projects` funding rows and `indicators` indicator rows (each block keeps one row when empty). */
export function blockRows(projects: number, indicators: number) {
  const fundingHeader = FUNDING_CAPTION_ROW + 1;
  const fundingFirst = fundingHeader + 1;
  const fundingLast = fundingFirst + Math.max(projects, 1) - 1;
  const indicatorCaption = fundingLast + 2;
  const indicatorHeader = indicatorCaption + 1;
  const indicatorFirst = indicatorHeader + 1;
  const indicatorLast = indicatorFirst + Math.max(indicators, 1) - 1;
  return { fundingHeader, fundingFirst, fundingLast, indicatorCaption, indicatorHeader, indicatorFirst, indicatorLast };
}

export function monitorTitle(month: number): string {
  return `${MONITOR_SHEET}（截至${month}月）`;
}
