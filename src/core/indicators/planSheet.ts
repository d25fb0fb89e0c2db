/**
 * The plan that builds (or refreshes) the sheet 绩效指标完成情况: title, header, the 预算执行率 row, one row per
 * indicator (plus one row per part of a several-part value, so every pair of numbers is a cell the user can
 * correct and the formulas read), then 分值合计, 自评得分 and 等级. On a re-run the area the sheet held is cleared
 * first and written again; no other sheet and nothing outside that area is touched.
 */
import type { SheetGrid } from '../grid';
import { cellAddress, columnLetter, type CellRect } from '../snapshot';
import type { Settings } from '../settings';
import { emptyPlan, type CellInput, type ConditionalFormatRule, type Fill, type Plan } from '../plan';
import { NOTE_PREFIX } from '../budget/flags';
import { BAND_WORD, BAND_WORDS, BOTTOM_LABELS, DIRECTION_WORD, OWN_COLUMNS, REASON_WORDS, type OwnColumn } from './headers';
import { directionWord, type IndicatorModel } from './model';
import { EXECUTION_KEY } from './ownSheet';
import { quoteSheet } from './execution';
import * as F from './formulas';
import { sourceText } from './sourceText';
import { sheetLook } from './sheetLook';

export const TITLE = '绩效指标完成情况表';
const NOT_APPLICABLE = '—';
export const HEADER_ROW = 2;
export const FIRST_ROW = 3;

export interface RowLayout {
  main: number;
  /** Rows of the parts of a several-part value (empty otherwise). */
  parts: number[];
}

export interface SheetLayout {
  rows: Map<IndicatorModel, RowLayout>;
  /** Last indicator (or part) row. */
  lastRow: number;
  weightsRow: number;
  totalRow: number;
  gradeRow: number;
}

export function layoutRows(models: IndicatorModel[]): SheetLayout {
  const rows = new Map<IndicatorModel, RowLayout>();
  let r = FIRST_ROW;
  for (const m of models) {
    const main = r++;
    const parts = m.parts.length > 1 ? m.parts.map(() => r++) : [];
    rows.set(m, { main, parts });
  }
  const lastRow = r - 1;
  return { rows, lastRow, weightsRow: lastRow + 1, totalRow: lastRow + 2, gradeRow: lastRow + 3 };
}

export const STYLE: Record<'red' | 'orange' | 'grey', Fill> = {
  red: { fill: '#FFC7CE', font: '#9C0006' },
  orange: { fill: '#F8CBAD', font: '#833C0B' },
  grey: { fill: '#D9D9D9', font: '#595959' },
};

const COLS = Object.keys(OWN_COLUMNS) as OwnColumn[];
type Row = Partial<Record<OwnColumn, CellInput>>;

function mainRow(m: IndicatorModel, at: RowLayout, s: Settings): Row {
  const r = at.main;
  const single = at.parts.length === 0;
  const src = m.source;
  const row: Row = {
    level1: src.level1,
    level2: src.level2,
    level3: src.name,
    targetText: src.targetText,
    actualText: src.actualText,
    target: single ? (m.parts[0]?.target ?? null) : null,
    actual: single ? (m.parts[0]?.actual ?? null) : null,
    unit: m.unitLabel,
    direction: directionWord(m.direction),
    completion: single ? F.completionFormula(r) : F.partsCompletionFormula(at.parts[0]!, at.parts[at.parts.length - 1]!),
    band: m.band ? BAND_WORD[m.band] : null,
    weight: m.weight,
    score: single ? F.scoreFormula(r, [r], s.scoring.lowerIsBetter) : F.scoreFormula(r, at.parts, s.scoring.lowerIsBetter),
    status: single ? F.statusFormula(r) : F.partsStatusFormula(r, at.parts[0]!, at.parts[at.parts.length - 1]!),
    reason: m.deviationReason,
    source: sourceText(src.key),
  };
  // A score typed in the form's own 得分 cell is the user's: the built sheet shows it, linked.
  if (m.enteredScore != null && src.scoreCell) row.score = `=${quoteSheet(src.sheet)}!${src.scoreCell}`;
  if (m.kind === 'execution') {
    row.score = F.executionScoreFormula(r, s.scoring.executionRule);
    if (m.linkedCell) row.actual = F.linkedRateFormula(m.linkedCell);
    row.source = m.linkedCell ? `${EXECUTION_KEY}：${m.linkedCell}` : EXECUTION_KEY;
  }
  return row;
}

function partRow(m: IndicatorModel, at: RowLayout, i: number): Row {
  const r = at.parts[i]!;
  return {
    level3: `${m.source.name}（第${i + 1}项）`,
    target: m.parts[i]!.target,
    actual: m.parts[i]!.actual,
    unit: m.unitLabel,
    // The parts follow the indicator's 方向: correct it once, on the indicator's row.
    direction: `=${cellAddress(at.main, OWN_COLUMNS.direction.col)}`,
    completion: F.completionFormula(r),
    status: F.statusFormula(r),
    source: sourceText(`${m.source.key}#${i + 1}`),
  };
}

/** Blocks of columns written together, each with its number format. */
const BLOCKS: Array<{ from: OwnColumn; to: OwnColumn; format?: string }> = [
  { from: 'level1', to: 'direction' },
  { from: 'completion', to: 'completion', format: '0.00%' },
  { from: 'band', to: 'weight' },
  { from: 'score', to: 'score', format: '0.00' },
  { from: 'status', to: 'source' },
];

function pushRows(plan: Plan, grid: SheetGrid | null, top: number, rows: Row[], purpose: 'value' | 'sum') {
  for (const b of BLOCKS) {
    const keys = COLS.filter((k) => OWN_COLUMNS[k].col >= OWN_COLUMNS[b.from].col && OWN_COLUMNS[k].col <= OWN_COLUMNS[b.to].col);
    const inputs = rows.map((row) => keys.map((k) => row[k] ?? null));
    const before = rows.map((_, i) => keys.map((k) => (grid ? grid.input(top + i, OWN_COLUMNS[k].col) : null)));
    plan.writes.push({ row: top, col: OWN_COLUMNS[b.from].col, inputs, before, purpose, ...(b.format ? { numberFormat: b.format } : {}) });
  }
}

export interface SheetPlanInput {
  sheet: string;
  /** The existing sheet of that name (ours, or empty), when there is one. */
  existing: SheetGrid | null;
  /** The area our previous run wrote, cleared before the rewrite. */
  clear: CellRect | null;
  createAfter?: string;
  models: IndicatorModel[];
  layout: SheetLayout;
  /** What the weights must add up to (100, or the total the form printed). */
  expectedTotal: number;
  /** Why cells could not be read: one note per cell of the built sheet. */
  notes: { row: number; col: OwnColumn; text: string }[];
  settings: Settings;
}

/** Two indicators read from the same table (the execution line is a table of its own). */
function sameSourceTable(a: IndicatorModel, b: IndicatorModel): boolean {
  if (a.kind === 'execution' || b.kind === 'execution') return false;
  return a.source.sheet === b.source.sheet && a.source.headerRow === b.source.headerRow;
}

export function planIndicatorSheet(p: SheetPlanInput): Plan {
  const plan = emptyPlan(p.sheet);
  plan.createSheet = true;
  if (p.createAfter) plan.createAfter = p.createAfter;
  if (p.clear) plan.clear = [p.clear];
  const grid = p.existing;
  const header: Row = Object.fromEntries(COLS.map((k) => [k, OWN_COLUMNS[k].header]));
  plan.writes.push({ row: 1, col: 1, inputs: [[TITLE]], before: [[grid ? grid.input(1, 1) : null]], purpose: 'header', headerStyle: true });
  plan.writes.push({
    row: HEADER_ROW,
    col: 1,
    inputs: [COLS.map((k) => header[k]!)],
    before: [COLS.map((k) => (grid ? grid.input(HEADER_ROW, OWN_COLUMNS[k].col) : null))],
    purpose: 'header',
    headerStyle: true,
  });

  const rows: Row[] = [];
  let above: Row | null = null;
  let aboveModel: IndicatorModel | null = null;
  for (const m of p.models) {
    const at = p.layout.rows.get(m)!;
    const row = mainRow(m, at, p.settings);
    // A form merges 一级 / 二级指标 down over their indicators; the reader sees them on the first row only. Every
    // row says them here, as a printed form reads (a new 一级指标 starts its 二级指标 afresh). Only within one
    // source table, and never from the 预算执行率 line: a table without 一级指标 (seed 002's 任务 table) must not
    // read "预算执行率" on every row.
    if (aboveModel && !sameSourceTable(aboveModel, m)) above = null;
    if (above && !row.level1) row.level1 = above.level1;
    if (above && !row.level2 && row.level1 === above.level1) row.level2 = above.level2;
    // A source without 二级指标 (seed 000's key-indicator tables): "—", as forms mark what does not apply.
    if (!row.level2) row.level2 = NOT_APPLICABLE;
    rows.push(row);
    above = row;
    aboveModel = m;
    at.parts.forEach((_, i) => rows.push(partRow(m, at, i)));
  }
  if (rows.length > 0) pushRows(plan, grid, FIRST_ROW, rows, 'value');

  const { lastRow, weightsRow, totalRow } = p.layout;
  const last = Math.max(lastRow, FIRST_ROW);
  const totalCell = cellAddress(totalRow, OWN_COLUMNS.score.col);
  pushRows(plan, grid, weightsRow, [
    { level1: BOTTOM_LABELS.weights, weight: F.sumFormula('weight', FIRST_ROW, last) },
    { level1: BOTTOM_LABELS.total, score: F.sumFormula('score', FIRST_ROW, last) },
    { level1: BOTTOM_LABELS.grade, score: F.gradeFormula(totalCell) },
  ], 'sum');

  const area = (key: OwnColumn) => `${cellAddress(FIRST_ROW, OWN_COLUMNS[key].col)}:${cellAddress(last, OWN_COLUMNS[key].col)}`;
  plan.validations = [
    { ranges: [area('band')], items: [...BAND_WORDS] },
    { ranges: [area('reason')], items: [...REASON_WORDS] },
    { ranges: [area('direction')], items: Object.values(DIRECTION_WORD) },
  ];
  plan.conditionalFormats.push(...rules(area, p.layout, p.expectedTotal));
  planNotes(p, grid, plan);
  plan.freeze = { rows: HEADER_ROW, cols: OWN_COLUMNS.level3.col };
  plan.columnWidths = COLS.map((k) => ({ col: OWN_COLUMNS[k].col, width: OWN_COLUMNS[k].width }));
  Object.assign(plan, sheetLook(p.layout, grid));
  return plan;
}

/** Flags as rules on 完成率 and 状态 (and the number cells for unparsed), read from 状态 so they follow edits. */
function rules(area: (key: OwnColumn) => string, layout: SheetLayout, expectedTotal: number): ConditionalFormatRule[] {
  const status = `$${columnLetter(OWN_COLUMNS.status.col)}${FIRST_ROW}`;
  const shown = [area('completion'), area('status')];
  const weights = cellAddress(layout.weightsRow, OWN_COLUMNS.weight.col);
  return [
    { rule: 'indicator-short', ranges: shown, formula: `=${status}="${F.STATUS_WORD.short}"`, style: STYLE.red, priority: 1, stopIfTrue: true },
    { rule: 'indicator-over', ranges: shown, formula: `=${status}="${F.STATUS_WORD.over}"`, style: STYLE.orange, priority: 2, stopIfTrue: true },
    {
      rule: 'indicator-unparsed',
      ranges: [...shown, `${area('target').split(':')[0]}:${area('actual').split(':')[1]}`],
      formula: `=${status}="${F.STATUS_WORD.unparsed}"`,
      style: STYLE.grey,
      priority: 3,
      stopIfTrue: true,
    },
    { rule: 'indicator-weights', ranges: [weights], formula: `=ABS(${weights}-${expectedTotal})>0.005`, style: STYLE.red, priority: 4, stopIfTrue: true },
  ];
}

/** Our notes (prefixed, so a re-run knows them); last run's notes that no longer apply are removed. */
function planNotes(p: SheetPlanInput, grid: SheetGrid | null, plan: Plan) {
  const existing = new Map((grid?.snapshot.notes ?? []).map((n) => [`${n.row}:${n.col}`, n.text]));
  const wanted = new Set<string>();
  for (const n of p.notes) {
    const col = OWN_COLUMNS[n.col].col;
    wanted.add(`${n.row}:${col}`);
    plan.notes.push({ row: n.row, col, text: `${NOTE_PREFIX}${n.text}`, before: existing.get(`${n.row}:${col}`) ?? null });
  }
  const area = p.clear;
  for (const n of grid?.snapshot.notes ?? []) {
    const inArea = area !== null && n.row >= area.top && n.row <= area.bottom && n.col >= area.left && n.col <= area.right;
    // A note the user wrote stays; only ours goes.
    if (inArea && n.text.startsWith(NOTE_PREFIX) && !wanted.has(`${n.row}:${n.col}`)) plan.removeNotes.push({ row: n.row, col: n.col, before: n.text });
  }
}
