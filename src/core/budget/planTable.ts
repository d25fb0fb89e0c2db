/**
 * What to write for one table: rate formulas (only where the cell is empty, already ours, or overwrite is on),
 * headers of added rate columns, conditional-format rules over the flagged rows' rate cells, and notes.
 */
import type { SheetGrid } from '../grid';
import { cellAddress, columnLetter } from '../snapshot';
import type { Settings } from '../settings';
import type { CellInput, ConditionalFormatRule, Plan } from '../plan';
import type { OverwriteEntry } from './report';
import type { ReadTable } from './readTable';
import { ADDED_HEADER } from './headers';
import { RATE_FORMAT, adjustmentRateFormula, executionRateFormula, isOwnRateFormula } from './rates';
import { FLAG_STYLE, ruleFormulas } from './flags';
import { planNotes } from './planNotes';
import { contiguousRuns, planColumnWrites, type CellIntent } from './columnWrites';

export interface TablePlanResult {
  formulasWritten: number;
  overwritten: OverwriteEntry[];
  skipped: OverwriteEntry[];
}

const WRITES_RATES = new Set(['item', 'category', 'subtotal', 'total', 'part-of']);

/** Decides, for one target cell, whether the engine may write there. */
function intentFor(grid: SheetGrid, sheet: string, row: number, col: number, desired: string, s: Settings, res: TablePlanResult): CellIntent | null {
  if (grid.isCoveredByMerge(row, col)) return null;
  const existing = grid.input(row, col);
  const format = grid.numberFormat(row, col);
  const formatOk = format === null || format === RATE_FORMAT;
  if (existing === desired && formatOk) return null;
  const ours = existing === null || (typeof existing === 'string' && isOwnRateFormula(existing));
  if (!ours) {
    const entry = { sheet, cell: cellAddress(row, col), previous: existing! };
    if (!s.overwrite) {
      res.skipped.push(entry);
      return null;
    }
    res.overwritten.push(entry);
  }
  return { row, input: desired, before: existing, beforeFormat: format };
}

export function planTable(grid: SheetGrid, sheet: string, t: ReadTable, s: Settings, plan: Plan): TablePlanResult {
  const res: TablePlanResult = { formulasWritten: 0, overwritten: [], skipped: [] };
  const { layout, means } = t;
  const execIntents: CellIntent[] = [];
  const adjIntents: CellIntent[] = [];
  for (const r of t.rows) {
    if (!WRITES_RATES.has(r.kind) || !r.hasAmounts) continue;
    const cells = {
      row: r.row,
      initialCol: layout.columns.initial,
      adjustedCol: layout.columns.adjusted,
      actualCol: layout.columns.actual,
      initial: r.initial,
      adjusted: r.adjusted,
      actual: r.actual,
    };
    const exec = executionRateFormula(cells, means);
    const adj = adjustmentRateFormula(cells, means);
    const ei = exec && intentFor(grid, sheet, r.row, t.execCol, exec, s, res);
    const ai = adj && intentFor(grid, sheet, r.row, t.adjCol, adj, s, res);
    if (ei) execIntents.push(ei);
    if (ai) adjIntents.push(ai);
  }
  res.formulasWritten = execIntents.length + adjIntents.length;
  plan.writes.push(...planColumnWrites(t.execCol, execIntents, RATE_FORMAT, 'rate'));
  plan.writes.push(...planColumnWrites(t.adjCol, adjIntents, RATE_FORMAT, 'rate'));
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
    const free = t.layout.headerRows.every((r) => grid.input(r, col) === null && !grid.mergeOf(r, col));
    if (!free) continue;
    const before: CellInput[][] = [[null]];
    plan.writes.push({ row: top, col, inputs: [[ADDED_HEADER[role]]], before, purpose: 'header', headerStyle: true });
    if (bottom > top) plan.merges.push({ top, left: col, bottom, right: col });
    plan.columnWidths.push({ col, width: 12 });
  }
}

function planRules(grid: SheetGrid, t: ReadTable, s: Settings, plan: Plan) {
  const rows = t.rows.filter((r) => r.flaggable).map((r) => r.row);
  if (rows.length === 0) return;
  const runs = contiguousRuns(rows);
  const areas = (col: number) => runs.map(([a, b]) => (a === b ? cellAddress(a, col) : `${cellAddress(a, col)}:${cellAddress(b, col)}`));
  const execRef = cellAddress(runs[0][0], t.execCol);
  const adjRef = cellAddress(runs[0][0], t.adjCol);
  const formulas = ruleFormulas(execRef, s);
  const desired: ConditionalFormatRule[] = formulas.exec.map((f, i) => ({
    rule: f.rule,
    ranges: areas(t.execCol),
    formula: f.formula,
    style: f.style,
    priority: i + 1,
    stopIfTrue: true,
  }));
  desired.push({
    rule: 'large-adjustment',
    ranges: areas(t.adjCol),
    formula: formulas.adj(adjRef),
    style: FLAG_STYLE['large-adjustment'],
    priority: desired.length + 1,
    stopIfTrue: true,
  });
  reconcileRules(grid, t, desired, plan);
}

const sameAreas = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/** Keeps rules already on the sheet that match, removes our out-of-date ones in this table's rate columns. */
function reconcileRules(grid: SheetGrid, t: ReadTable, desired: ConditionalFormatRule[], plan: Plan) {
  const existing = grid.snapshot.conditionalFormats ?? [];
  const rateCols = new Set([columnLetter(t.execCol), columnLetter(t.adjCol)]);
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

