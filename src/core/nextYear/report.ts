/**
 * The report of next year's template. Its JSON form is the command line's `next-year --json` contract (issue 5):
 * `{"sheets":[{"from","to","tables","rowsKept","cellsCleared"}]}`. Field names must not change; fields may be
 * added (the ones after the contract's are additions).
 */
import type { SkippedSheet, YearSource } from './targets';

export interface NextYearNote {
  /** A1 of the note in the new sheet. */
  cell: string;
  rule: 'low-execution' | 'over-achievement';
  /** The project or indicator. */
  name: string;
  /** This year's execution rate or completion (a fraction). */
  value: number;
  text: string;
}

export interface NextYearSheetReport {
  /** This year's sheet. */
  from: string;
  /** Next year's sheet (made by the plan, or already there when `existing`). */
  to: string;
  /** Budget and indicator tables on the sheet. */
  tables: number;
  /** Rows carried over: projects, categories, 小计 / 合计, 其中 rows and indicators. */
  rowsKept: number;
  /** Cells that held this year's numbers and are emptied. */
  cellsCleared: number;
  // ── additions ──
  /** True when `to` already exists: nothing is planned for it (running twice adds no second set). */
  existing?: true;
  /** Next year, or null when no year is known ("（下一年度）"). */
  year: number | null;
  /** Where the year came from: --year, the sheet's own titles / name, the workbook's other sheets. */
  yearSource: YearSource | null;
  budgetTables: number;
  indicatorTables: number;
  /** SUM formulas of 小计 / 合计 / categories, and rate formulas. */
  sums: number;
  rates: number;
  /** Title, header and note cells whose year moved. */
  yearsMoved: number;
  /** Column letters of 上年实际支出 columns added (one per budget table that has room). */
  carriedActuals: string[];
  notes: NextYearNote[];
  /** The engine's notes about this year copied with the sheet and taken off the new one. */
  staleNotesRemoved: number;
}

export interface NextYearReport {
  sheets: NextYearSheetReport[];
  // ── additions ──
  /** Sheets with tables that get no next-year sheet, and why. */
  skipped: SkippedSheet[];
}
