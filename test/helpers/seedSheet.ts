/** Lays a seed table out as a sheet: title, unit row, header, rows (rates left empty for the engine). */
import type { CellValue, SheetSnapshot } from '../../src/core';
import type { SeedBudgetTable } from '../fixtures/seedBudget';
import { sheet } from './snapshot';

export interface SeedSheetRow {
  /** Worksheet row of each seed row, in order. */
  rows: number[];
}

export function seedTablesSheet(name: string, tables: readonly SeedBudgetTable[]): { snapshot: SheetSnapshot; rowsOf: Map<string, number[]> } {
  const out: CellValue[][] = [];
  const rowsOf = new Map<string, number[]>();
  for (const t of tables) {
    out.push([t.title], ['单位：万元']);
    const hasSerial = t.headers[0] === '序号';
    const amountHeaders = t.headers.slice(hasSerial ? 2 : 1).filter((h) => /预算数|调整|支出$|决算/.test(h) && !/率/.test(h)).slice(0, 3);
    out.push(hasSerial ? ['序号', '项目名称', ...amountHeaders] : [t.headers[0], ...amountHeaders]);
    const rows: number[] = [];
    for (const r of t.rows) {
      const label = r.category && r.kind !== 'total' ? [`${r.name}`] : [r.name];
      const amounts = [r.initial, r.adjusted, r.actual].map((v) => (v === null ? (r.printed?.executionRate === '--' ? '--' : null) : v));
      out.push(hasSerial ? [r.serial ?? null, ...label, ...amounts] : [...label, ...amounts]);
      rows.push(out.length);
    }
    rowsOf.set(t.id, rows);
    out.push([null], [null]);
  }
  return { snapshot: sheet(name, out), rowsOf };
}
