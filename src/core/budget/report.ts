/**
 * The report of a budget analysis: what was found and what was flagged. Its JSON form is the command line's
 * `--json` contract (field names must not change; fields may be added).
 */
import type { AdjustedMeans } from '../settings';
import type { FormKind, FormReport } from '../forms/types';

export type RowKind = 'item' | 'category' | 'subtotal' | 'total' | 'part-of' | 'blank' | 'note';

export type FlagRule = 'low-execution' | 'over-execution' | 'large-adjustment' | 'behind-schedule';

export interface Flag {
  sheet: string;
  row: number;
  /** The cell that shows the flag (A1), usually the execution-rate cell. */
  cell: string;
  /** Project (row) name. */
  name: string;
  kind: RowKind;
  rule: FlagRule;
  /** The number the rule looked at (a fraction: execution rate, adjustment rate, or progress ratio). */
  value: number;
  /** One line in Chinese. */
  message: string;
  /** 'red' | 'yellow' for behind-schedule; 'red' otherwise. */
  level?: 'red' | 'yellow';
}

export interface BudgetRowReport {
  row: number;
  kind: RowKind;
  name: string;
  /** Parsed amounts (null = not applicable or empty). */
  initial: number | null;
  adjusted: number | null;
  actual: number | null;
  /** Fractions; null where there is no rate (no denominator). */
  executionRate: number | null;
  adjustmentRate: number | null;
  /** Rule names flagged on this row. */
  flags: FlagRule[];
}

export interface TotalsCheck {
  row: number;
  name: string;
  kind: 'subtotal' | 'total' | 'category';
  column: 'initial' | 'adjusted' | 'actual';
  cell: string;
  /** The amount typed in the total row. */
  stated: number;
  /** The sum of the rows it covers. */
  computed: number;
  difference: number;
  /** Worksheet rows summed. */
  rows: number[];
  ok: boolean;
}

export interface ColumnMap {
  initial: string | null;
  adjusted: string | null;
  actual: string | null;
  executionRate: string | null;
  adjustmentRate: string | null;
  /** Extra (additions to the contract): the name column and the 序号 column. */
  name?: string | null;
  serial?: string | null;
}

export interface TableReport {
  sheet: string;
  /** Worksheet rows of the header (one or two). */
  headerRows: number[];
  /** Column letters. */
  columns: ColumnMap;
  adjustedMeans: AdjustedMeans;
  /** Why adjustedMeans was chosen: 'override' or the evidence from the numbers. */
  adjustedEvidence: string;
  rows: BudgetRowReport[];
  totalsCheck: TotalsCheck[];
  /** Added: title above the table, unit, first and last row, counts by kind, where rate columns were added. */
  title: string | null;
  unit: string | null;
  firstRow: number;
  lastRow: number;
  counts: Record<RowKind, number>;
  addedColumns: string[];
  /** Formulas the plan writes for this table. */
  formulasWritten: number;
  /** Set when the table is the budget block of a standard form (the form itself is in BudgetReport.forms). */
  form?: FormKind;
}

export interface OverwriteEntry {
  sheet: string;
  cell: string;
  /** What the user had there. */
  previous: string | number | boolean;
}

export interface BudgetReport {
  tables: TableReport[];
  flags: Flag[];
  /** Cells typed by the user that were replaced (only with overwrite). */
  overwritten: OverwriteEntry[];
  /** Cells typed by the user that would have been written and were left alone (without overwrite). */
  skipped: OverwriteEntry[];
  /** Sheets looked at, with the number of tables on each (and the kind of form, when the sheet is one). */
  sheets: { name: string; tables: number; form?: FormKind }[];
  /** The standard forms found and filled in place (one per sheet that is a form). */
  forms?: FormReport[];
}

/**
 * True when the report's tables on `sheet` show spending (a project with an 实际支出): a next-year sheet fresh from
 * `next-year` shows none, and is a template the monitor and the indicators leave alone.
 */
export function showsSpending(report: Pick<BudgetReport, 'tables'>, sheet: string): boolean {
  return report.tables.some((t) => t.sheet === sheet && t.rows.some((r) => r.kind === 'item' && (r.actual ?? 0) !== 0));
}
