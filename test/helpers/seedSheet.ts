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

/** Seed 000 表1-2 as the budget tests lay it out: two-row header, categories merged, 合计 on row 11, rates empty. */
export function table12(): SheetSnapshot {
  return sheet(
    '表1-2',
    [
      ['2021年部门整体支出资金执行情况'],
      ['单位：万元'],
      ['财政拨款支出', null, '年初预算数', '预算调整数', '实际支出', '预算\n执行率', '预算\n调整率'],
      [null, null, null, null, null, null, null],
      ['基本支出', '人员经费', '6,266.31', '6,039.87', '5,968.79', null, null],
      [null, '日常公用经费', 359.46, 366.37, 336.98, null, null],
      [null, '小计', 6625.77, 6406.24, 6305.77, null, null],
      ['项目支出', '基本建设类项目', '--', '--', '--', null, null],
      [null, '行政事业类项目', 23936.0, 67514.1, 66249.86, null, null],
      [null, '小计', 23936.0, 67514.1, 66249.86, null, null],
      ['合计', null, 30561.77, 73920.34, 72555.63, null, null],
      ['注：数据来源于2021年部门决算。'],
    ],
    ['A3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'A5:A7', 'A8:A10', 'A11:B11'],
  );
}
