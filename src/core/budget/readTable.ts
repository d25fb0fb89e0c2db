/**
 * Reads a found table into rows with parsed amounts, decides total-or-change, computes rates and flags.
 * Pure reading: what to write is decided in planTable.ts.
 */
import { EMPTY_GRID, type SheetGrid } from '../grid';
import { columnLetter, cellAddress } from '../snapshot';
import type { Settings, AdjustedMeans } from '../settings';
import { parseAmount, type Amount } from '../cells/parseAmount';
import { classifyRow } from './classifyRow';
import type { TableLayout } from './findTables';
import type { BudgetRowReport, Flag, RowKind, TableReport } from './report';
import { AdjustedVotes, decideAdjustedMeans } from './adjustedMeans';
import { adjustmentRateOfNumbers, budgetOfNumbers, executionRateOfNumbers, orNull } from './rates';
import { defineRows, RowReports } from './rowReports';
import { ACTUAL, ADJUSTED, INITIAL, TableAmounts } from './amountCells';
import { NO_FLAGS, flagsFor, type RowFlag, type RowNumbers } from './flags';
import { checkTotals } from './totalsCheck';
import { keepShape } from '../liveShapes';

/** Where a row's amounts are read from when someone asks for them as Amounts, and its report is kept. */
interface AmountSource {
  grid: SheetGrid;
  columns: TableLayout['columns'];
  reports: RowReports;
}

/**
 * A row of a table as read. Its amounts as Amounts (for a formula that converts text, for the monitor, for next
 * year) are made when asked: readTable itself reads the numbers without them (amountCells.ts).
 */
export class ReadRow {
  // Declared, assigned in the constructor: a field initializer would run as a separate step for each of the rows.
  declare readonly row: number;
  declare readonly kind: RowKind;
  declare readonly name: string;
  declare readonly hasAmounts: boolean;
  /** Every amount is read by its bare cell reference (none is a number typed as text). */
  declare readonly plain: boolean;
  /** A project, or a category that is itself a line of spending: flags and rules apply to it. */
  declare flaggable: boolean;
  declare rowFlags: RowFlag[];
  /** Position in the table's rows (and in its RowReports). */
  declare readonly index: number;
  declare private readonly source: AmountSource;

  constructor(row: number, kind: RowKind, name: string, hasAmounts: boolean, plain: boolean, source: AmountSource, index: number) {
    this.row = row;
    this.kind = kind;
    this.name = name;
    this.hasAmounts = hasAmounts;
    this.plain = plain;
    this.flaggable = false;
    this.rowFlags = NO_FLAGS;
    this.index = index;
    this.source = source;
  }

  /** The row's report (a new object each time: a loop over every row reads ReadTable.reports by index instead). */
  get report(): BudgetRowReport {
    return this.source.reports.rowAt(this.index);
  }

  get initial(): Amount {
    return amountAt(this.source.grid, this.row, this.source.columns.initial);
  }

  get adjusted(): Amount {
    return amountAt(this.source.grid, this.row, this.source.columns.adjusted);
  }

  get actual(): Amount {
    return amountAt(this.source.grid, this.row, this.source.columns.actual);
  }
}

keepShape(new ReadRow(0, 'blank', '', false, true, { grid: EMPTY_GRID, columns: {}, reports: new RowReports(0) }, 0));

export interface ReadTable {
  layout: TableLayout;
  means: AdjustedMeans;
  evidence: string;
  rows: ReadRow[];
  /** The rows' reports (amounts, rates, flags), by the same index. */
  reports: RowReports;
  /** Rate columns: existing or to be added (column numbers); null on a form without that column (a form is never widened). */
  execCol: number | null;
  adjCol: number | null;
  added: ('executionRate' | 'adjustmentRate')[];
}

const EMPTY: Amount = { kind: 'empty' };

function amountAt(grid: SheetGrid, row: number, col: number | undefined): Amount {
  return col === undefined ? EMPTY : parseAmount(grid.rawValue(row, col));
}

/** True when the rows after rows[i] (skipping blanks and 其中 lines) start with an item: rows[i] heads a group. */
export function followedByItems(rows: readonly { kind: RowKind }[], i: number): boolean {
  let j = i + 1;
  while (j < rows.length && (rows[j].kind === 'blank' || rows[j].kind === 'part-of')) j++;
  return j < rows.length && rows[j].kind === 'item';
}

/** A category row with amounts and no items under it is itself a line of spending (Foshan's 二、项目支出). */
function leafCategories(rows: ReadRow[]): Set<number> {
  const leaves = new Set<number>();
  rows.forEach((r, i) => {
    if (r.kind === 'category' && r.hasAmounts && !followedByItems(rows, i)) leaves.add(r.row);
  });
  return leaves;
}

/** How a table of a standard form differs: it is never widened, and its total row is the project. */
export interface FormShape {
  fixedWidth: true;
}

/** Over-execution is flagged on every row with amounts (categories, subtotals, totals too); the other rules on projects. */
function rowFlagsOf(r: ReadRow, numbers: Parameters<typeof flagsFor>[0], settings: Settings): RowFlag[] {
  if (r.flaggable) return flagsFor(numbers, settings);
  if (!r.hasAmounts || r.kind === 'blank' || r.kind === 'note') return NO_FLAGS;
  const all = flagsFor(numbers, settings);
  if (all === NO_FLAGS) return NO_FLAGS;
  const over = all.filter((f) => f.rule === 'over-execution');
  return over.length === 0 ? NO_FLAGS : over;
}

export function readTable(grid: SheetGrid, layout: TableLayout, settings: Settings, form?: FormShape): ReadTable {
  const { columns } = layout;
  // Made at its final size (one entry per row of the table), not grown by push. The votes for total-or-change
  // are counted in the same pass (no second walk, no intermediate arrays: this runs over every row of the table).
  const count = Math.max(0, layout.lastRow - layout.firstDataRow + 1);
  const rows = new Array<ReadRow>(count);
  const amounts = new TableAmounts(count);
  const amountCols = [columns.initial, columns.adjusted, columns.actual];
  const reports = new RowReports(count);
  const source: AmountSource = { grid, columns, reports };
  const votes = new AdjustedVotes();
  for (let i = 0; i < count; i++) {
    const r = layout.firstDataRow + i;
    const c = layout.classified?.[i] ?? classifyRow(grid, r, layout.shape);
    amounts.read(grid, i, r, amountCols);
    rows[i] = new ReadRow(r, c.kind, c.name, c.hasAmounts, amounts.isPlain(i), source, i);
    if (c.kind !== 'item' && c.kind !== 'category') continue;
    const initial = amounts.valueAt(i, INITIAL);
    const adjusted = amounts.valueAt(i, ADJUSTED);
    if (initial === initial && adjusted === adjusted) votes.add(initial, adjusted, amounts.valueAt(i, ACTUAL));
  }
  const { means, evidence } = decideAdjustedMeans(votes, layout.adjustedHeader, settings.adjustedMeans);

  const leaves = leafCategories(rows);
  // One numbers record for the whole table, refilled per row (flagsFor only reads it): the loop over every row works
  // on raw doubles, kept in the table's RowReports; nothing per row outlives the loop.
  const numbers: RowNumbers = { initial: null, adjustedBudget: null, actual: null, executionRate: null, adjustmentRate: null };
  for (let i = 0; i < count; i++) {
    const r = rows[i];
    const initial = amounts.operandAt(i, INITIAL);
    const adjusted = amounts.operandAt(i, ADJUSTED);
    const actual = amounts.operandAt(i, ACTUAL);
    const executionRate = r.hasAmounts ? executionRateOfNumbers(initial, adjusted, actual, means) : NaN;
    const adjustmentRate = r.hasAmounts ? adjustmentRateOfNumbers(initial, adjusted, means) : NaN;
    reports.set(i, r.row, r.kind, r.name);
    reports.setNumbers(i, amounts.valueAt(i, INITIAL), amounts.valueAt(i, ADJUSTED), amounts.valueAt(i, ACTUAL), executionRate, adjustmentRate);
    numbers.initial = reports.amount(i, 'initial');
    numbers.adjustedBudget = orNull(budgetOfNumbers(initial, adjusted, means));
    numbers.actual = reports.amount(i, 'actual');
    numbers.executionRate = orNull(executionRate);
    numbers.adjustmentRate = orNull(adjustmentRate);
    // On a form the project is the block's total row (年度资金总额, 总额): its parts are sources of money, not projects.
    r.flaggable = r.hasAmounts && (form ? r.kind === 'total' : r.kind === 'item' || leaves.has(r.row));
    r.rowFlags = rowFlagsOf(r, numbers, settings);
    if (r.rowFlags !== NO_FLAGS) reports.setFlags(i, r.rowFlags.map((f) => f.rule));
  }

  let next = layout.lastCol + 1;
  const added: ReadTable['added'] = [];
  const addable = (role: 'executionRate' | 'adjustmentRate') => (form ? null : (added.push(role), next++));
  const execCol = columns.executionRate ?? addable('executionRate');
  const adjCol = columns.adjustmentRate ?? addable('adjustmentRate');
  return { layout, means, evidence, rows, reports, execCol, adjCol, added };
}

export function tableReport(sheet: string, t: ReadTable, formulasWritten: number): TableReport {
  const { layout } = t;
  const letter = (c: number | undefined | null) => (c === undefined || c === null ? null : columnLetter(c));
  const counts = { item: 0, category: 0, subtotal: 0, total: 0, 'part-of': 0, blank: 0, note: 0 } as Record<RowKind, number>;
  for (const r of t.rows) counts[r.kind]++;
  const report = {
    sheet,
    headerRows: layout.headerRows,
    columns: {
      initial: letter(layout.columns.initial),
      adjusted: letter(layout.columns.adjusted),
      actual: letter(layout.columns.actual),
      executionRate: letter(t.execCol),
      adjustmentRate: letter(t.adjCol),
      name: letter(layout.labelCols.filter((c) => c !== layout.columns.serial).pop()),
      serial: letter(layout.columns.serial),
    },
    adjustedMeans: t.means,
    adjustedEvidence: t.evidence,
  } as TableReport;
  // The rows are made from the table's RowReports when first read; the totals check reads those by index.
  defineRows(report, t.reports);
  return Object.assign(report, {
    totalsCheck: checkTotals(t.reports, layout.columns),
    title: layout.title,
    unit: layout.unit,
    firstRow: layout.headerRows[0],
    lastRow: layout.lastRow,
    counts,
    addedColumns: t.added.map((role) => letter(role === 'executionRate' ? t.execCol : t.adjCol)!),
    formulasWritten,
  });
}

export function tableFlags(sheet: string, t: ReadTable): Flag[] {
  const out: Flag[] = [];
  for (const r of t.rows)
    for (const f of r.rowFlags)
      out.push({
        sheet,
        row: r.row,
        cell: cellAddress(r.row, flagColumn(t, f.on)),
        name: r.name,
        kind: r.kind,
        rule: f.rule,
        value: f.value,
        message: f.message,
        level: f.level,
      });
  return out;
}

/** The cell column a flag shows in: its rate column, else (a form without one) the adjusted or actual amount. */
export function flagColumn(t: ReadTable, on: 'executionRate' | 'adjustmentRate'): number {
  const col = on === 'executionRate' ? t.execCol : t.adjCol;
  const { columns } = t.layout;
  return col ?? columns.adjusted ?? columns.actual ?? columns.initial ?? t.layout.lastCol;
}
