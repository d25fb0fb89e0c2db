/**
 * The money side of the monitor: every project of the budget tables (the rows the budget engine flags: items and
 * categories that are lines of spending) and the department's 合计, each with the formula expressions that read its
 * adjusted budget and its spending from the budget sheet, so the monitor follows that sheet when an amount changes.
 * The adjusted budget is the column itself when it holds the total, 年初 + the column when it holds the change
 * (the budget engine's decision), 年初预算数 when the table has no adjusted column. Amounts typed as text
 * ("6,266.31") are read through VALUE(SUBSTITUTE(…)) as the rate formulas do.
 */
import type { SheetSnapshot } from '../snapshot';
import { cellAddress } from '../snapshot';
import type { Settings } from '../settings';
import { SheetGrid } from '../grid';
import { amountValue, type Amount } from '../cells/parseAmount';
import { findBudgetTables } from '../budget/findTables';
import { readTable, type ReadRow, type ReadTable } from '../budget/readTable';
import { amountExpression } from '../budget/rates';
import { quoteSheet } from '../indicators/execution';

export interface FundingSource {
  sheet: string;
  row: number;
  name: string;
  /** The project's name cell ("表1-2!B5"): the monitor's 来源. */
  key: string;
  /** The table's unit (万元 unless its 单位 row says otherwise). */
  unit: string;
  /** Expressions (no leading "=") that read the adjusted budget and the spending on the budget sheet. */
  budgetExpr: string;
  actualExpr: string;
  /** The cells read, quoted ("'表1-2'!D5"), for the report. */
  budgetCells: string[];
  actualCell: string;
  /** What those expressions give now: null for "--" (not applicable) or unreadable; an empty cell reads 0. */
  adjusted: number | null;
  actual: number | null;
  executionRate: number | null;
}

export interface FundingRead {
  projects: FundingSource[];
  /** The department's 合计: among the tables' 合计 rows, the one with the largest adjusted budget (表1-2, not a project table). */
  total: FundingSource | null;
}

/** What a formula reading the cell sees: a number (empty is 0), or null when it is not one. */
function operand(a: Amount): number | null {
  if (a.kind === 'empty') return 0;
  return amountValue(a);
}

/** The rate expression reading one cell on the budget sheet. */
function linked(sheet: string, row: number, col: number, amount: Amount): { expr: string; cell: string } {
  const local = cellAddress(row, col);
  const cell = `${quoteSheet(sheet)}!${local}`;
  return { expr: amountExpression(row, col, amount).replace(local, cell), cell };
}

function sourceOf(sheet: string, t: ReadTable, r: ReadRow): FundingSource | null {
  const { columns } = t.layout;
  if (columns.actual === undefined) return null;
  const parts: { expr: string; cell: string; value: number | null }[] = [];
  const add = (col: number, a: Amount) => parts.push({ ...linked(sheet, r.row, col, a), value: operand(a) });
  if (columns.adjusted !== undefined) {
    if (t.means === 'delta' && columns.initial !== undefined) add(columns.initial, r.initial);
    add(columns.adjusted, r.adjusted);
  } else if (columns.initial !== undefined) add(columns.initial, r.initial);
  else return null;
  // Read once: ReadRow parses its cell on every access.
  const actualAmount = r.actual;
  const actual = linked(sheet, r.row, columns.actual, actualAmount);
  const adjusted = parts.some((p) => p.value === null) ? null : parts.reduce((s, p) => s + p.value!, 0);
  const spent = operand(actualAmount);
  const nameCol = t.layout.labelCols.filter((c) => c !== columns.serial).pop() ?? t.layout.firstCol;
  return {
    sheet,
    row: r.row,
    name: r.name,
    key: `${sheet}!${cellAddress(r.row, nameCol)}`,
    unit: t.layout.unit ?? '万元',
    budgetExpr: parts.map((p) => p.expr).join('+'),
    actualExpr: actual.expr,
    budgetCells: parts.map((p) => p.cell),
    actualCell: actual.cell,
    adjusted,
    actual: spent,
    executionRate: adjusted === null || adjusted === 0 || spent === null ? null : spent / adjusted,
  };
}

/**
 * A line of the department's overview (表1-2) that adds up projects listed in detail elsewhere: 行政事业类项目,
 * 基本建设类项目, 项目支出. Listed beside those projects it counted them twice (39 lights for 40 "projects").
 */
const PROJECT_CATEGORY = /类项目$|^项目支出|^[一二三四五六七八九十]+、/;

interface TableLines {
  sheet: string;
  lines: { source: FundingSource; kind: ReadRow['kind'] }[];
  total: FundingSource | null;
}

export function readFunding(snapshots: SheetSnapshot[], settings: Settings): FundingRead {
  const tables: TableLines[] = [];
  for (const snapshot of snapshots) {
    const grid = new SheetGrid(snapshot);
    for (const layout of findBudgetTables(grid)) {
      const t = readTable(grid, layout, settings);
      const table: TableLines = { sheet: snapshot.name, lines: [], total: null };
      for (const r of t.rows) {
        if (!r.flaggable && r.kind !== 'total') continue;
        const source = sourceOf(snapshot.name, t, r);
        if (!source) continue;
        if (r.flaggable) table.lines.push({ source, kind: r.kind });
        else if (source.adjusted !== null && (table.total === null || source.adjusted > (table.total.adjusted ?? -Infinity))) table.total = source;
      }
      tables.push(table);
    }
  }
  // The department's 合计: the largest 合计 of all tables (表1-2's, not a project table's).
  const overview = tables.reduce<TableLines | null>((best, t) => (t.total && (!best?.total || (t.total.adjusted ?? -Infinity) > (best.total.adjusted ?? -Infinity)) ? t : best), null);
  const detailElsewhere = tables.some((t) => t !== overview && t.sheet !== overview?.sheet && t.lines.length > 0);
  const projects = tables.flatMap((t) =>
    t.lines.filter((l) => !(t === overview && detailElsewhere && (l.kind === 'category' || PROJECT_CATEGORY.test(l.source.name)))).map((l) => l.source),
  );
  return { projects, total: overview?.total ?? null };
}
