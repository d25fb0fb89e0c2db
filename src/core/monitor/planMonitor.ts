/**
 * Entry point of the mid-year monitor (绩效运行监控, DOMAIN.md §5): snapshots and the month in, report and the plan
 * of one sheet out. Pure: no Office, DOM or Node. The sheet is built once and refreshed in place afterwards (the
 * plan clears what the earlier run wrote, keeping the user's answers); no other sheet is touched.
 *
 *   snapshots ─► (this year's sheets: not superseded by next year's) ─► readFunding ─► funding block
 *                                                                    ─► readIndicatorLines ─► indicator block
 *             ─► summary (lights counted by COUNTIF, the department's 合计 linked) ─► plan
 */
import type { SheetSnapshot } from '../snapshot';
import { cellAddress } from '../snapshot';
import type { Settings } from '../settings';
import { emptyPlan, type ConditionalFormatRule, type Plan } from '../plan';
import { SheetGrid } from '../grid';
import { RATE_FORMAT } from '../budget/rates';
import { REASON_WORDS } from '../indicators/headers';
import { SheetEdits } from '../nextYear/cellEdits';
import { planRollover } from '../nextYear/targets';
import { analyzeSheet } from '../budget/analyze';
import { showsSpending } from '../budget/report';
import { withDefaults } from '../settings';
import { readFunding, type FundingRead } from './funding';
import { readIndicatorLines } from './indicatorLines';
import { monitorSheetName, readExistingMonitor } from './existing';
import { AMOUNT_FORMAT, RATIO_FORMAT, planFundingRows, planHeader, planIndicatorRows } from './blocks';
import { LIGHT_STYLE, lightFormula, lightOf, progressFormula, progressRatio } from './light';
import {
  COLUMN_WIDTHS, LAST_COL, FUNDING_CAPTION, FUNDING_CAPTION_ROW, FUNDING_COLUMNS, INDICATOR_CAPTION, INDICATOR_COLUMNS, LIGHT_WORDS,
  LIKELIHOOD_WORDS, SUMMARY_NOTE_COL, SUMMARY_ROWS, SUMMARY_VALUE_COL, TITLE_ROW, blockRows, monitorTitle, type Light, type SummaryKey,
} from './layout';
import type { MonitorOverall, MonitorProject, MonitorReport } from './report';
import { monitorLook } from './sheetLook';
import { titleMerge } from '../builtSheetLook';

export interface MonitorPlan {
  report: MonitorReport;
  plan: Plan;
}

/** The month the monitor stands at; the monitor cannot be made without one. */
function monthOf(settings: Settings): number {
  const m = settings.asOfMonth;
  if (m === undefined || !(Number.isInteger(m) && m >= 1 && m <= 12))
    throw new Error(`绩效运行监控需要截至月份（1 到 12 的整数）/ the monitor needs the as-of month, a whole number from 1 to 12 (got ${m})`);
  return m;
}

const v = (key: SummaryKey) => cellAddress(SUMMARY_ROWS[key].row, SUMMARY_VALUE_COL);

function planSummary(edits: SheetEdits, funding: FundingRead, rows: ReturnType<typeof blockRows>, month: number) {
  const set = (key: SummaryKey, input: string | number, numberFormat?: string) =>
    edits.set({ row: SUMMARY_ROWS[key].row, col: SUMMARY_VALUE_COL, input, purpose: typeof input === 'string' ? 'rate' : 'value', ...(numberFormat ? { numberFormat } : {}) });
  const note = (key: SummaryKey, text: string) => edits.set({ row: SUMMARY_ROWS[key].row, col: SUMMARY_NOTE_COL, input: text, purpose: 'value' });
  edits.set({ row: TITLE_ROW, col: 1, input: monitorTitle(month), purpose: 'header', headerStyle: true });
  for (const s of Object.values(SUMMARY_ROWS)) edits.set({ row: s.row, col: 1, input: s.label, purpose: 'header', headerStyle: true });

  const lights = `${cellAddress(rows.fundingFirst, FUNDING_COLUMNS.light.col)}:${cellAddress(rows.fundingLast, FUNDING_COLUMNS.light.col)}`;
  const column = (key: 'adjusted' | 'actual') => `${cellAddress(rows.fundingFirst, FUNDING_COLUMNS[key].col)}:${cellAddress(rows.fundingLast, FUNDING_COLUMNS[key].col)}`;
  set('month', month);
  set('schedule', `=${v('month')}/12`, RATE_FORMAT);
  for (const light of ['red', 'yellow', 'green'] as const) set(light, `=COUNTIF(${lights},"${LIGHT_WORDS[light]}")`);
  const t = funding.total;
  set('adjusted', t ? `=IFERROR(${t.budgetExpr},"--")` : `=SUM(${column('adjusted')})`, AMOUNT_FORMAT);
  set('actual', t ? `=IFERROR(${t.actualExpr},"--")` : `=SUM(${column('actual')})`, AMOUNT_FORMAT);
  set('rate', `=IFERROR(${v('actual')}/${v('adjusted')},"--")`, RATE_FORMAT);
  set('progress', progressFormula(v('rate'), v('schedule')), RATIO_FORMAT);
  set('light', lightFormula(v('progress')));
  note('month', '改动月份，序时进度及各进度比随之更新');
  note('red', `进度比 = 执行率 ÷ 序时进度 × 100：低于 60 红灯，60–80 黄灯，80 及以上绿灯`);
  note('adjusted', t ? `链接 ${t.sheet} 合计行（${t.budgetCells.join('+')}）` : '各项目合计');
  note('actual', t ? `链接 ${t.sheet} 合计行（${t.actualCell}）` : '各项目合计');
}

function overallOf(funding: FundingRead, projects: MonitorProject[], month: number): MonitorOverall {
  const t = funding.total;
  const sum = (pick: (p: MonitorProject) => number | null) => projects.reduce((s, p) => s + (pick(p) ?? 0), 0);
  const adjusted = t ? t.adjusted : sum((p) => p.adjusted);
  const actual = t ? t.actual : sum((p) => p.actual);
  const executionRate = adjusted === null || adjusted === 0 || actual === null ? null : actual / adjusted;
  const progress = progressRatio(executionRate, month);
  const linkedTo = t ? { sheet: t.sheet, row: t.row, adjusted: t.budgetCells, actual: t.actualCell } : null;
  return { adjusted, actual, executionRate, progress, light: lightOf(progress), linkedTo };
}

/** Red / yellow / green fills on the light cells: the project lights and the department's. */
function lightRules(rows: ReturnType<typeof blockRows>): ConditionalFormatRule[] {
  const areas = [
    [`${cellAddress(rows.fundingFirst, FUNDING_COLUMNS.light.col)}:${cellAddress(rows.fundingLast, FUNDING_COLUMNS.light.col)}`, cellAddress(rows.fundingFirst, FUNDING_COLUMNS.light.col)],
    [v('light'), v('light')],
  ];
  const rules: ConditionalFormatRule[] = [];
  for (const [range, ref] of areas)
    (Object.keys(LIGHT_WORDS) as Light[]).forEach((light) =>
      rules.push({ rule: `monitor-${light}`, ranges: [range], formula: `=${ref}="${LIGHT_WORDS[light]}"`, style: LIGHT_STYLE[light], priority: rules.length + 1, stopIfTrue: true }),
    );
  return rules;
}

const hasSpending = (s: SheetSnapshot) => showsSpending(analyzeSheet(s, withDefaults()).report, s.name);

/**
 * Which year the monitor reads: this year's sheets give way to next year's only once next year's sheet has spending
 * in it. Right after `next-year` its sheets are empty templates: the monitor reads this year's and leaves those out.
 */
function yearInUse(snapshots: SheetSnapshot[]): { superseded: Set<string>; templates: Set<string> } {
  const byName = new Map(snapshots.map((s) => [s.name.toLowerCase(), s]));
  const superseded = new Set<string>();
  const templates = new Set<string>();
  for (const t of planRollover(snapshots).targets) {
    const next = t.existing ? byName.get(t.target.toLowerCase()) : undefined;
    if (!next) continue;
    if (hasSpending(next)) superseded.add(t.source);
    else templates.add(next.name);
  }
  return { superseded, templates };
}

const CAPTION_COL = FUNDING_COLUMNS.name.col;


export function planMonitor(snapshots: SheetSnapshot[], settings: Settings): MonitorPlan {
  const month = monthOf(settings);
  const sheet = monitorSheetName(snapshots);
  const existing = snapshots.find((s) => s.name === sheet);
  const previous = existing ? readExistingMonitor(existing) : null;
  const { superseded, templates } = yearInUse(snapshots.filter((s) => s.name !== sheet));
  const sources = snapshots.filter((s) => s.name !== sheet && !superseded.has(s.name) && !templates.has(s.name));

  const funding = readFunding(sources, settings);
  const lines = readIndicatorLines(sources);
  const rows = blockRows(funding.projects.length, lines.length);
  const edits = new SheetEdits(existing ? new SheetGrid(existing) : null);

  planSummary(edits, funding, rows, month);
  // Captions sit over the wide 项目名称 column (column A is 序号-wide: a caption there wrapped into a narrow stack).
  edits.set({ row: FUNDING_CAPTION_ROW, col: CAPTION_COL, input: FUNDING_CAPTION, purpose: 'header', headerStyle: true });
  planHeader(edits, rows.fundingHeader, FUNDING_COLUMNS);
  const projects = planFundingRows(edits, rows.fundingFirst, funding.projects, month);
  if (projects.length === 0) edits.set({ row: rows.fundingFirst, col: FUNDING_COLUMNS.name.col, input: '未找到预算执行表（需有 调整后预算数、实际支出 等列）', purpose: 'value' });
  edits.set({ row: rows.indicatorCaption, col: CAPTION_COL, input: INDICATOR_CAPTION, purpose: 'header', headerStyle: true });
  planHeader(edits, rows.indicatorHeader, INDICATOR_COLUMNS);
  const indicators = planIndicatorRows(edits, rows.indicatorFirst, lines, previous?.answers ?? new Map(), month);
  if (indicators.length === 0) edits.set({ row: rows.indicatorFirst, col: INDICATOR_COLUMNS.name.col, input: '未找到绩效指标表（需有 指标、年度指标值/预期值、实际完成值/实际值 列）', purpose: 'value' });

  const plan: Plan = { ...emptyPlan(sheet), createSheet: true, writes: edits.toWrites(), conditionalFormats: lightRules(rows) };
  // The title across the sheet's width.
  plan.merges = titleMerge(existing, { top: TITLE_ROW, left: 1, bottom: TITLE_ROW, right: LAST_COL });
  if (previous) plan.clear = [previous.area];
  if (indicators.length > 0) {
    const column = (col: number) => `${cellAddress(rows.indicatorFirst, col)}:${cellAddress(rows.indicatorLast, col)}`;
    plan.validations = [
      { ranges: [column(INDICATOR_COLUMNS.likelihood.col)], items: [...LIKELIHOOD_WORDS] },
      { ranges: [column(INDICATOR_COLUMNS.reason.col)], items: [...REASON_WORDS] },
    ];
  }
  plan.columnWidths = COLUMN_WIDTHS.map((width, i) => ({ col: i + 1, width }));
  Object.assign(plan, monitorLook(rows));

  const summary = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const p of projects) summary[p.light ?? 'none']++;
  const report: MonitorReport = {
    sheet,
    asOfMonth: month,
    schedule: month / 12,
    refreshed: previous !== null,
    projects,
    summary,
    overall: overallOf(funding, projects, month),
    indicators,
    superseded: [...superseded],
  };
  return { report, plan };
}
