/**
 * The .xlsx reader keeps a sheet's values column by column (ValueColumns): the engine reads cells through them, and
 * `values` rows are made only when something reads them, the same rows a row-by-row reader makes.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSheet, snapshotSize, snapshotValue, ValueColumns, withDefaults, withValueColumns, type CellValue, type SheetSnapshot } from '../../src/core';
import { SheetGrid } from '../../src/core/grid';

const ROWS: CellValue[][] = [
  ['项目名称', '年初预算数', '调整后预算数', '实际支出', null],
  ['项目甲', 100, 120, 60, null],
  ['项目乙', 50, 50, '55', null],
  [null, null, null, null, null],
  ['合计', 150, 170, 115, true],
];

function columnsOf(rows: CellValue[][]): ValueColumns {
  const columns = new ValueColumns();
  rows.forEach((row, r) => row.forEach((v, c) => columns.set(r, c, v)));
  columns.finish(rows.length, rows[0].length);
  return columns;
}

function snapshotOver(columns: ValueColumns): SheetSnapshot {
  return withValueColumns({ name: '明细', originRow: 1, originCol: 1, formulas: ROWS.map((r) => r.map(() => null)), merges: [], notes: [] }, columns);
}

const isLazy = (o: object, key: string) => typeof Object.getOwnPropertyDescriptor(o, key)?.get === 'function';

describe('value columns', () => {
  it('give back every cell as set, numbers raw, nothing outside the used range', () => {
    const columns = columnsOf(ROWS);
    expect(columns.rows()).toEqual(ROWS);
    expect(columns.number(1, 1)).toBe(100);
    expect(columns.number(2, 3)).toBeNaN();
    expect(columns.value(9, 0)).toBeNull();
    expect(columns.value(0, 9)).toBeNull();
    columns.clear(1, 0);
    expect(columns.value(1, 0)).toBeNull();
  });

  it('grow past their first room and keep every row', () => {
    const columns = new ValueColumns();
    for (let r = 0; r < 5000; r++) columns.set(r, r % 3 === 0 ? 2 : 0, r % 2 ? `行${r}` : r + 0.5);
    columns.finish(5000, 3);
    expect(columns.value(4999, 0)).toBe('行4999');
    expect(columns.value(4996, 0)).toBe(4996.5);
    expect(columns.value(4998, 2)).toBe(4998.5);
    expect(columns.value(3, 2)).toBe('行3');
    expect(columns.value(3, 0)).toBeNull();
    expect(columns.rows()[4996]).toEqual([4996.5, null, null]);
  });

  it('make a snapshot whose rows are made only when read, and which the engine reads the same', () => {
    const snapshot = snapshotOver(columnsOf(ROWS));
    const plain: SheetSnapshot = { ...snapshotOver(columnsOf(ROWS)) };
    expect(isLazy(snapshot, 'values')).toBe(true);
    expect(snapshotValue(snapshot, 3, 4)).toBe('55');
    expect(snapshotSize(snapshot)).toEqual({ rows: 5, cols: 5 });
    expect(new SheetGrid(snapshot).rawNumber(2, 2)).toBe(100);
    const fromColumns = analyzeSheet(snapshot, withDefaults());
    expect(isLazy(snapshot, 'values')).toBe(true);
    // The copy read `values` (a spread reads every enumerable property): a plain snapshot, as before.
    expect(plain.valueColumns).toBeUndefined();
    expect(plain.values).toEqual(ROWS);
    expect(JSON.stringify(fromColumns)).toBe(JSON.stringify(analyzeSheet(plain, withDefaults())));
    expect(snapshot.values).toEqual(ROWS);
    expect(isLazy(snapshot, 'values')).toBe(false);
  });
});
