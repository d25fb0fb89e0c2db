/**
 * Next year's side of one budget table, planned on the copy of its sheet: the names, 序号 and row kinds stay; the
 * amounts the user types (年初预算数, 预算调整数, 实际支出 of items, 其中 rows and leaf categories) are emptied;
 * every 小计, 合计 and category-with-items becomes a SUM over what it adds up (sumCoverage.ts), so a total can no
 * longer disagree with its items; the rate columns get the engine's own formulas (added beside the table when it
 * has none, as the budget engine does). Optionally a 上年实际支出 column carries this year's actuals as values.
 * A project below the execution threshold gets a note on its 年初预算数 cell: the budget deserves a second look.
 */
import type { SheetGrid } from '../grid';
import { cellAddress, columnLetter } from '../snapshot';
import type { Settings } from '../settings';
import type { Plan } from '../plan';
import type { Amount } from '../cells/parseAmount';
import { AMOUNT_ROLES, ADDED_HEADER } from '../budget/headers';
import { RATE_FORMAT, adjustmentRateFormula, executionRateFormula } from '../budget/rates';
import { NOTE_PREFIX, pct } from '../budget/flags';
import { contiguousRuns } from '../budget/columnWrites';
import type { ReadTable } from '../budget/readTable';
import type { SheetEdits } from './cellEdits';
import { inputRows, sumCoverage } from './sumCoverage';

export const CARRIED_HEADER = '上年实际支出';
const AMOUNT_FORMAT = '#,##0.00';
const EMPTY: Amount = { kind: 'empty' };

export interface NoteIntent {
  row: number;
  col: number;
  rule: 'low-execution' | 'over-achievement';
  name: string;
  value: number;
  text: string;
}

export interface BudgetTemplateOutcome {
  rowsKept: number;
  cellsCleared: number;
  sums: number;
  rates: number;
  notes: NoteIntent[];
  /** Column letter of the 上年实际支出 column, or null (not asked for, or the column was not free). */
  carried: string | null;
}

/** =SUM(C5:C6,C8) over the rows, in runs of consecutive rows. */
export function sumFormula(col: number, rows: number[]): string {
  const runs = contiguousRuns([...rows].sort((a, b) => a - b));
  const areas = runs.map(([a, b]) => (a === b ? cellAddress(a, col) : `${cellAddress(a, col)}:${cellAddress(b, col)}`));
  return `=SUM(${areas.join(',')})`;
}

export function lowExecutionNote(rate: number, threshold: number): string {
  return `${NOTE_PREFIX}上年预算执行率 ${pct(rate)}，低于 ${pct(threshold, 0)}，建议复核预算安排。`;
}

export interface BudgetTemplateContext {
  settings: Settings;
  carryActuals: boolean;
  plan: Plan;
}

export function planBudgetTemplate(grid: SheetGrid, t: ReadTable, edits: SheetEdits, ctx: BudgetTemplateContext): BudgetTemplateOutcome {
  const { layout } = t;
  const out: BudgetTemplateOutcome = { rowsKept: 0, cellsCleared: 0, sums: 0, rates: 0, notes: [], carried: null };
  const roles = AMOUNT_ROLES.filter((role) => layout.columns[role] !== undefined);
  const coverage = sumCoverage(t);
  const inputs = inputRows(t);

  for (const r of t.rows) {
    if (r.kind === 'blank' || r.kind === 'note') continue;
    out.rowsKept++;
    const sums = coverage.get(r.row) ?? {};
    for (const role of roles) {
      const col = layout.columns[role]!;
      if (grid.isCoveredByMerge(r.row, col)) continue;
      const covered = sums[role];
      if (covered) {
        edits.set({ row: r.row, col, input: sumFormula(col, covered), purpose: 'sum' });
        out.sums++;
      } else if (inputs.has(r.row) || r.kind === 'subtotal' || r.kind === 'total') {
        // An input, or a stated total with nothing under it to add: this year's number goes.
        if (edits.clearConstant(r.row, col)) out.cellsCleared++;
      }
    }
    if (inputs.has(r.row) || coverage.has(r.row)) out.rates += planRates(grid, t, r.row, edits, out);
    if (ctx.settings.notes && r.flaggable && r.report.executionRate !== null && r.report.executionRate < ctx.settings.executionThreshold) {
      const col = layout.columns.initial ?? layout.columns.adjusted ?? nameColumn(t);
      out.notes.push({ row: r.row, col, rule: 'low-execution', name: r.name, value: r.report.executionRate, text: lowExecutionNote(r.report.executionRate, ctx.settings.executionThreshold) });
    }
  }
  planAddedRateHeaders(grid, t, edits, ctx.plan);
  if (ctx.carryActuals) out.carried = planCarriedActuals(grid, t, edits, ctx.plan);
  return out;
}

function nameColumn(t: ReadTable): number {
  return t.layout.labelCols.filter((c) => c !== t.layout.columns.serial).pop() ?? t.layout.firstCol;
}

/** The rate formulas of one row, reading the (now empty) amount cells as numbers; a printed rate that cannot be a formula is emptied. */
function planRates(grid: SheetGrid, t: ReadTable, row: number, edits: SheetEdits, out: BudgetTemplateOutcome): number {
  const { columns } = t.layout;
  const cells = { row, initialCol: columns.initial, adjustedCol: columns.adjusted, actualCol: columns.actual, initial: EMPTY, adjusted: EMPTY, actual: EMPTY };
  let written = 0;
  const pairs: [number | null, string | null][] = [
    [t.execCol, executionRateFormula(cells, t.means)],
    [t.adjCol, adjustmentRateFormula(cells, t.means)],
  ];
  for (const [col, formula] of pairs) {
    if (col === null) continue; // a form's missing rate column is never added
    if (grid.isCoveredByMerge(row, col)) continue;
    // A column the engine adds beside the table is written only where it is empty: what is there is the user's.
    const added = (col === t.execCol && t.added.includes('executionRate')) || (col === t.adjCol && t.added.includes('adjustmentRate'));
    if (added && grid.input(row, col) !== null) continue;
    if (formula) {
      edits.set({ row, col, input: formula, purpose: 'rate', numberFormat: RATE_FORMAT });
      written++;
    } else if (edits.clearConstant(row, col)) out.cellsCleared++;
  }
  return written;
}

/** True when the column is empty and unmerged over the table's header and data rows. */
function columnFree(grid: SheetGrid, t: ReadTable, col: number): boolean {
  for (let r = t.layout.headerRows[0]; r <= t.layout.lastRow; r++) if (grid.input(r, col) !== null || grid.mergeOf(r, col)) return false;
  return true;
}

/** A header over a column the template adds, merged down a two-row header. */
function addHeader(t: ReadTable, col: number, text: string, edits: SheetEdits, plan: Plan) {
  const top = t.layout.headerRows[0];
  const bottom = t.layout.headerRows[t.layout.headerRows.length - 1];
  edits.set({ row: top, col, input: text, purpose: 'header', headerStyle: true });
  if (bottom > top) plan.merges.push({ top, left: col, bottom, right: col });
  plan.columnWidths.push({ col, width: 12 });
}

function planAddedRateHeaders(grid: SheetGrid, t: ReadTable, edits: SheetEdits, plan: Plan) {
  for (const role of t.added) {
    const col = role === 'executionRate' ? t.execCol : t.adjCol;
    if (col === null) continue;
    const top = t.layout.headerRows[0];
    if (t.layout.headerRows.every((r) => grid.input(r, col) === null && !grid.mergeOf(r, col)) && !edits.has(top, col)) addHeader(t, col, ADDED_HEADER[role], edits, plan);
  }
}

/** 上年实际支出 right of the table (after the rate columns), this year's actual of every row that has one. */
function planCarriedActuals(grid: SheetGrid, t: ReadTable, edits: SheetEdits, plan: Plan): string | null {
  const col = Math.max(t.layout.lastCol, t.execCol ?? 0, t.adjCol ?? 0) + 1;
  if (t.layout.columns.actual === undefined || !columnFree(grid, t, col)) return null;
  addHeader(t, col, CARRIED_HEADER, edits, plan);
  for (const r of t.rows) {
    const actual = r.report.actual;
    if (actual === null || r.kind === 'blank' || r.kind === 'note') continue;
    edits.set({ row: r.row, col, input: actual, purpose: 'value', numberFormat: AMOUNT_FORMAT });
  }
  return columnLetter(col);
}
