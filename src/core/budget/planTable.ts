/**
 * What to write for one table: rate formulas (only where the cell is empty, already ours, or overwrite is on),
 * headers of added rate columns, conditional-format rules over the flagged rows' rate cells, and notes.
 */
import type { SheetGrid } from '../grid';
import { cellAddress, columnLetter } from '../snapshot';
import type { Settings } from '../settings';
import type { CellInput, ConditionalFormatRule, Plan } from '../plan';
import type { OverwriteEntry } from './report';
import type { Amount } from '../cells/parseAmount';
import { followedByItems, type ReadTable } from './readTable';
import { ADDED_HEADER } from './headers';
import { RATE_FORMAT, type RateCells, rateFormulaPieces, adjustmentRateFormula, executionRateFormula, isOwnRateFormula } from './rates';
import { FLAG_STYLE, ruleFormulas } from './flags';
import { planNotes } from './planNotes';
import { ColumnCells, columnWrites, contiguousRuns } from './columnWrites';

export interface TablePlanResult {
  formulasWritten: number;
  overwritten: OverwriteEntry[];
  skipped: OverwriteEntry[];
}

const WRITES_RATES = new Set(['item', 'category', 'subtotal', 'total', 'part-of']);
const EMPTY_AMOUNT: Amount = { kind: 'empty' };

/**
 * Decides, for one target cell, whether the engine may write there, and if so adds it to the column's cells.
 * `formula` undefined: the column's pieces make it (a row whose amounts are plain numbers); its text is only made
 * when the cell already holds something to compare it with. `result` is what the formula computes (the report's
 * rate, same rule), stored as the cell's cached result.
 */
function planCell(grid: SheetGrid, sheet: string, cells: ColumnCells, row: number, col: number, formula: string | undefined, result: number | null, s: Settings, res: TablePlanResult): void {
  if (grid.isCoveredByMerge(row, col)) return;
  const existing = grid.input(row, col);
  const format = grid.numberFormat(row, col);
  const formatOk = format === null || format === RATE_FORMAT;
  if (existing !== null && existing === (formula ?? cells.formulaFor(row)) && formatOk) return;
  const ours = existing === null || (typeof existing === 'string' && isOwnRateFormula(existing));
  if (!ours) {
    const entry = { sheet, cell: cellAddress(row, col), previous: existing! };
    if (!s.overwrite) {
      res.skipped.push(entry);
      return;
    }
    res.overwritten.push(entry);
  }
  cells.add(row, formula, existing, format, result ?? '--');
}

export function planTable(grid: SheetGrid, sheet: string, t: ReadTable, s: Settings, plan: Plan): TablePlanResult {
  const res: TablePlanResult = { formulasWritten: 0, overwritten: [], skipped: [] };
  const { layout, means, execCol, adjCol } = t;
  // One cells record for the whole table, refilled per row: this loop runs for every row.
  const cells: RateCells = {
    row: 0,
    initialCol: layout.columns.initial,
    adjustedCol: layout.columns.adjusted,
    actualCol: layout.columns.actual,
    initial: EMPTY_AMOUNT,
    adjusted: EMPTY_AMOUNT,
    actual: EMPTY_AMOUNT,
  };
  const execPieces = rateFormulaPieces(executionRateFormula, cells, means);
  const adjPieces = rateFormulaPieces(adjustmentRateFormula, cells, means);
  const execCells = new ColumnCells(t.rows.length, execPieces);
  const adjCells = new ColumnCells(t.rows.length, adjPieces);
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i];
    if (!r.hasAmounts || !WRITES_RATES.has(r.kind)) continue;
    // undefined: made from the column's pieces (rows whose amounts are plain numbers; no string per row here).
    let exec: string | null | undefined;
    let adj: string | null | undefined;
    if (r.plain) {
      exec = execPieces ? undefined : null;
      adj = adjPieces ? undefined : null;
    } else {
      cells.row = r.row;
      cells.initial = r.initial;
      cells.adjusted = r.adjusted;
      cells.actual = r.actual;
      exec = executionRateFormula(cells, means);
      adj = adjustmentRateFormula(cells, means);
    }
    // The report's rates follow the formulas' rule (rates.ts): they are the cached results a file writer stores.
    if (exec !== null && execCol !== null) planCell(grid, sheet, execCells, r.row, execCol, exec, t.reports.executionRate(i), s, res);
    if (adj !== null && adjCol !== null) planCell(grid, sheet, adjCells, r.row, adjCol, adj, t.reports.adjustmentRate(i), s, res);
  }
  res.formulasWritten = execCells.length + adjCells.length;
  if (execCol !== null) plan.writes.push(...columnWrites(execCol, execCells, RATE_FORMAT, 'rate'));
  if (adjCol !== null) plan.writes.push(...columnWrites(adjCol, adjCells, RATE_FORMAT, 'rate'));
  planAddedHeaders(grid, t, plan);
  planRules(grid, t, s, plan);
  if (s.notes) planNotes(grid, t, plan);
  return res;
}

/** Headers of the rate columns the engine adds, over both header rows when the header has two. */
function planAddedHeaders(grid: SheetGrid, t: ReadTable, plan: Plan) {
  const top = t.layout.headerRows[0];
  const bottom = t.layout.headerRows[t.layout.headerRows.length - 1];
  for (const role of t.added) {
    const col = role === 'executionRate' ? t.execCol : t.adjCol;
    if (col === null) continue;
    const free = t.layout.headerRows.every((r) => grid.input(r, col) === null && !grid.mergeOf(r, col));
    if (!free) continue;
    const before: CellInput[][] = [[null]];
    plan.writes.push({ row: top, col, inputs: [[ADDED_HEADER[role]]], before, purpose: 'header', headerStyle: true });
    if (bottom > top) plan.merges.push({ top, left: col, bottom, right: col });
    plan.columnWidths.push({ col, width: 12 });
  }
}

/** A1 areas of a column over runs of rows. */
function areasOf(rows: number[], col: number): string[] {
  return contiguousRuns(rows).map(([a, b]) => (a === b ? cellAddress(a, col) : `${cellAddress(a, col)}:${cellAddress(b, col)}`));
}

/**
 * The flag rules as conditional formats: low execution, 序时进度 and large adjustments over the projects' rate cells;
 * spending above budget over every row with a rate (categories, subtotals and totals too: DOMAIN.md §1).
 */
function planRules(grid: SheetGrid, t: ReadTable, s: Settings, plan: Plan) {
  // A row still waiting for its amounts (next year's template) keeps its rules when its rate cell holds our formula:
  // the rules are live formulas, so they must be there when the amounts are typed, and a re-run must not drop them.
  const awaiting = (r: ReadTable['rows'][number]) => t.execCol !== null && isOwnRateFormula(grid.formula(r.row, t.execCol));
  // One pass over the rows, straight into the two row lists (no filtered copies).
  const projects: number[] = [];
  const withRates: number[] = [];
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i];
    const waits = !r.hasAmounts && awaiting(r);
    if (r.flaggable || (waits && (r.kind === 'item' || (r.kind === 'category' && !followedByItems(t.rows, i))))) projects.push(r.row);
    if ((r.hasAmounts || waits) && WRITES_RATES.has(r.kind)) withRates.push(r.row);
  }
  const desired: ConditionalFormatRule[] = [];
  const push = (rule: Omit<ConditionalFormatRule, 'priority' | 'stopIfTrue'>) => desired.push({ ...rule, priority: desired.length + 1, stopIfTrue: true });
  if (t.execCol !== null && projects.length > 0) {
    const formulas = ruleFormulas(cellAddress(projects[0], t.execCol), s);
    for (const f of formulas.exec) if (f.rule !== 'over-execution') push({ rule: f.rule, ranges: areasOf(projects, t.execCol), formula: f.formula, style: f.style });
  }
  if (t.execCol !== null && withRates.length > 0) {
    const over = ruleFormulas(cellAddress(withRates[0], t.execCol), s).exec.find((f) => f.rule === 'over-execution')!;
    push({ rule: over.rule, ranges: areasOf(withRates, t.execCol), formula: over.formula, style: over.style });
  }
  if (t.adjCol !== null && projects.length > 0) {
    const adjRef = cellAddress(projects[0], t.adjCol);
    push({ rule: 'large-adjustment', ranges: areasOf(projects, t.adjCol), formula: ruleFormulas(adjRef, s).adj(adjRef), style: FLAG_STYLE['large-adjustment'] });
  }
  reconcileRules(grid, t, desired, plan);
}

const sameAreas = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/** Keeps rules already on the sheet that match, removes our out-of-date ones in this table's rate columns. */
function reconcileRules(grid: SheetGrid, t: ReadTable, desired: ConditionalFormatRule[], plan: Plan) {
  const existing = grid.snapshot.conditionalFormats ?? [];
  const rateCols = new Set([t.execCol, t.adjCol].filter((c): c is number => c !== null).map(columnLetter));
  const inTable = (ranges: string[]) => {
    const m = /^\$?([A-Z]+)\$?(\d+)/.exec(ranges[0] ?? '');
    return !!m && rateCols.has(m[1]) && Number(m[2]) >= t.layout.firstDataRow && Number(m[2]) <= t.layout.lastRow;
  };
  const kept = new Set<number>();
  for (const rule of desired) {
    const i = existing.findIndex((e, idx) => !kept.has(idx) && e.formula === rule.formula && sameAreas(e.ranges, rule.ranges));
    if (i >= 0) kept.add(i);
    else plan.conditionalFormats.push(rule);
  }
  existing.forEach((e, idx) => {
    if (!kept.has(idx) && inTable(e.ranges) && /^=AND\(ISNUMBER\(/.test(e.formula)) plan.removeConditionalFormats.push({ ranges: e.ranges, formula: e.formula });
  });
}

