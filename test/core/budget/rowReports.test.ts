/**
 * A table's row reports are kept column by column (RowReports): the report's `rows` are made when first read and
 * then kept; the totals check and the plan read the columns by index. JSON and copies see the rows as before.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSheet, type SheetSnapshot, withDefaults } from '../../../src/core';

const HEADER = ['项目名称', '年初预算数', '调整后预算数', '实际支出'];

function table(): SheetSnapshot {
  const values: (string | number | null)[][] = [
    HEADER,
    ['一、基本支出', null, null, null],
    ['项目甲', 100, 120, 60],
    ['项目乙', 50, 50, '55'],
    ['小计', 150, 170, 115],
    ['合计', 150, 171, 115],
  ];
  return { name: '明细', originRow: 1, originCol: 1, values, formulas: values.map((r) => r.map(() => null)), merges: [], notes: [] };
}

const isLazy = (o: object, key: string) => typeof Object.getOwnPropertyDescriptor(o, key)?.get === 'function';

describe('row reports kept by column', () => {
  it('are made only when read, and then kept', () => {
    const { report } = analyzeSheet(table(), withDefaults());
    const [t] = report.tables;
    expect(isLazy(t, 'rows')).toBe(true);
    // The totals check read them without making the rows: 合计 171 against 170 summed.
    expect(t.totalsCheck.find((c) => c.kind === 'total' && c.column === 'adjusted')).toMatchObject({ stated: 171, computed: 170, difference: 1, ok: false, rows: [5] });
    const rows = t.rows;
    expect(t.rows).toBe(rows);
    expect(isLazy(t, 'rows')).toBe(false);
    expect(rows.map((r) => [r.row, r.kind, r.name, r.initial, r.adjusted, r.actual, r.executionRate, r.flags])).toEqual([
      [2, 'category', '一、基本支出', null, null, null, null, []],
      [3, 'item', '项目甲', 100, 120, 60, 0.5, ['low-execution']],
      [4, 'item', '项目乙', 50, 50, 55, 1.1, ['over-execution']],
      [5, 'subtotal', '小计', 150, 170, 115, 115 / 170, []],
      [6, 'total', '合计', 150, 171, 115, 115 / 171, []],
    ]);
    expect(rows[1].adjustmentRate).toBeCloseTo(0.2, 12);
  });

  it('look as before to JSON and to a copy, in the same key order', () => {
    const { report } = analyzeSheet(table(), withDefaults());
    const [t] = report.tables;
    expect(Object.keys(t).slice(0, 8)).toEqual(['sheet', 'headerRows', 'columns', 'adjustedMeans', 'adjustedEvidence', 'rows', 'totalsCheck', 'title']);
    const json = JSON.parse(JSON.stringify(t));
    expect(json.rows).toEqual(t.rows);
    expect({ ...t }.rows).toBe(t.rows);
  });
});
