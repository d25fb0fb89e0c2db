/**
 * The seed workbook the next-year tests start from (not a test file): seed 000's 表1-2 and its four project tables
 * laid out by test/helpers/seedSheet.ts, seed 000's key-indicator tables and seed 002's task tables laid out as in
 * test/core/indicators/seedSheets.ts.
 */
import type { SheetSnapshot } from '../../../src/core';
import { SEED000_PROJECT_TABLES, SEED000_TABLE_1_2, type SeedBudgetTable } from '../../fixtures/seedBudget';
import { SEED000_INDICATOR_TABLES, SEED002_INDICATOR_TABLES } from '../../fixtures/seedIndicators';
import { seedTablesSheet } from '../../helpers/seedSheet';
import { guangzhouIndicatorSheet, liwanIndicatorSheet } from '../indicators/seedSheets';

export interface SeedWorkbook {
  sheets: SheetSnapshot[];
  /** Worksheet rows of each seed table's rows, by table id. */
  rowsOf: Map<string, number[]>;
  /** Sheet of each budget table, by table id. */
  sheetOf: Map<string, string>;
}

export const BUDGET_SHEETS: [string, readonly SeedBudgetTable[]][] = [
  ['表1-2', [SEED000_TABLE_1_2]],
  ['2021年项目表', SEED000_PROJECT_TABLES],
];

export function seedWorkbook(): SeedWorkbook {
  const sheets: SheetSnapshot[] = [];
  const rowsOf = new Map<string, number[]>();
  const sheetOf = new Map<string, string>();
  for (const [name, tables] of BUDGET_SHEETS) {
    const laid = seedTablesSheet(name, tables);
    sheets.push(laid.snapshot);
    for (const [id, rows] of laid.rowsOf) {
      rowsOf.set(id, rows);
      sheetOf.set(id, name);
    }
  }
  sheets.push(liwanIndicatorSheet(SEED000_INDICATOR_TABLES).snapshot, guangzhouIndicatorSheet(SEED002_INDICATOR_TABLES).snapshot);
  return { sheets, rowsOf, sheetOf };
}

/** A deep copy, to compare the inputs before and after. */
export function frozenCopy(sheets: SheetSnapshot[]): SheetSnapshot[] {
  return JSON.parse(JSON.stringify(sheets)) as SheetSnapshot[];
}
