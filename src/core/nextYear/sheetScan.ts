/**
 * What next year's template needs to know about a sheet before planning anything: its budget tables, its indicator
 * tables (the engine's own 绩效指标完成情况 is not one), which cells are the tables' data (project names,
 * indicators: kept word for word, years included), and the latest year its titles, headers and notes name.
 */
import type { SheetSnapshot } from '../snapshot';
import { SheetGrid } from '../grid';
import { findBudgetTables, type TableLayout } from '../budget/findTables';
import { findIndicatorTables, type IndicatorTableLayout } from '../indicators/findTables';
import { readIndicatorTable, type ReadIndicatorTable } from '../indicators/readTable';
import { latestYear, yearsInName, yearsInText } from './years';

export interface IndicatorTableScan {
  layout: IndicatorTableLayout;
  read: ReadIndicatorTable;
}

export interface SheetScan {
  snapshot: SheetSnapshot;
  grid: SheetGrid;
  budget: TableLayout[];
  indicators: IndicatorTableScan[];
  /** True for a cell of a table's data row: a project or indicator, whose text (years included) is kept as is. */
  isData: (row: number, col: number) => boolean;
  /** The latest year in the sheet's name and in its titles, headers and notes; null when none. */
  year: number | null;
}

/** Data rows of budget tables: every row but blanks and note lines (注：…, which read as text to move). */
const KEPT_KINDS = new Set(['item', 'category', 'subtotal', 'total', 'part-of']);

export function scanSheet(snapshot: SheetSnapshot): SheetScan {
  const grid = new SheetGrid(snapshot);
  const budget = findBudgetTables(grid);
  const indicators = findIndicatorTables(grid)
    .filter((t) => t.kind !== 'own')
    .map((layout) => ({ layout, read: readIndicatorTable(grid, snapshot.name, layout) }));

  const spans = new Map<number, [number, number][]>();
  const protect = (row: number, first: number, last: number) => spans.set(row, [...(spans.get(row) ?? []), [first, last]]);
  for (const t of budget) {
    (t.classified ?? []).forEach((c, i) => {
      if (KEPT_KINDS.has(c.kind)) protect(t.firstDataRow + i, t.firstCol, t.lastCol);
    });
  }
  for (const t of indicators) for (const ind of t.read.indicators) protect(ind.row, t.layout.firstCol, t.layout.lastCol);
  const isData = (row: number, col: number) => (spans.get(row) ?? []).some(([a, b]) => col >= a && col <= b);

  const years = [...yearsInName(snapshot.name)];
  for (let r = grid.firstRow; r <= grid.lastRow; r++)
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      const v = grid.rawValue(r, c);
      if (typeof v === 'string' && !isData(r, c) && !grid.formula(r, c)) years.push(...yearsInText(v));
    }
  return { snapshot, grid, budget, indicators, isData, year: latestYear(years) };
}

/** True when the sheet holds something next year's template is made from. */
export function hasTemplateTables(s: SheetScan): boolean {
  return s.budget.length > 0 || s.indicators.length > 0;
}
