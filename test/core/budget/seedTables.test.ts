import { describe, expect, it } from 'vitest';
import { analyzeSheet, withDefaults } from '../../../src/core';
import { sheet } from '../../helpers/snapshot';
import { table12 as table12Sheet } from '../../helpers/seedSheet';

/** Seed 000 (Liwan 2021) 表1-2, laid out as a finance sheet: title, unit, two-row merged header, merged categories. */
const table12 = table12Sheet();

describe('seed 000 表1-2', () => {
  const { report, plan } = analyzeSheet(table12, withDefaults());
  const t = report.tables[0];

  it('finds one table with a two-row header and maps the columns', () => {
    expect(report.tables).toHaveLength(1);
    expect(t.headerRows).toEqual([3, 4]);
    expect(t.columns).toMatchObject({ initial: 'C', adjusted: 'D', actual: 'E', executionRate: 'F', adjustmentRate: 'G' });
    expect(t.title).toBe('2021年部门整体支出资金执行情况');
    expect(t.unit).toBe('万元');
    expect(t.adjustedMeans).toBe('total');
  });

  it('classifies rows', () => {
    expect(t.rows.map((r) => [r.row, r.kind, r.name])).toEqual([
      [5, 'item', '人员经费'],
      [6, 'item', '日常公用经费'],
      [7, 'subtotal', '小计'],
      [8, 'item', '基本建设类项目'],
      [9, 'item', '行政事业类项目'],
      [10, 'subtotal', '小计'],
      [11, 'total', '合计'],
      [12, 'note', '注：数据来源于2021年部门决算。'],
    ]);
  });

  it('reproduces every printed rate', () => {
    const printed: Record<number, [string | null, string | null]> = {
      5: ['98.82%', '-3.61%'],
      6: ['91.98%', '1.92%'],
      7: ['98.43%', '-3.31%'],
      8: [null, null],
      9: ['98.13%', '182.06%'],
      10: ['98.13%', '182.06%'],
      11: ['98.15%', '141.87%'],
    };
    const fmt = (x: number | null) => (x === null ? null : `${(x * 100).toFixed(2)}%`);
    for (const r of t.rows.filter((r) => r.kind !== 'note')) {
      expect([fmt(r.executionRate), fmt(r.adjustmentRate)], `row ${r.row}`).toEqual(printed[r.row]);
    }
  });

  it('checks 小计 and 合计 against their rows', () => {
    const bad = t.totalsCheck.filter((c) => !c.ok);
    expect(t.totalsCheck.length).toBeGreaterThanOrEqual(9);
    // The seed itself: 5,968.79 + 336.98 = 6,305.77 and 66,249.86 + 6,305.77 = 72,555.63; no differences.
    expect(bad).toEqual([]);
  });

  it('writes formulas that convert text amounts, into the existing rate columns', () => {
    const execWrites = plan.writes.filter((w) => w.col === 6);
    const formulas = execWrites.flatMap((w) => w.inputs.map((r, i) => [w.row + i, r[0]]));
    expect(formulas).toContainEqual([5, '=IFERROR(VALUE(SUBSTITUTE(E5,",",""))/VALUE(SUBSTITUTE(D5,",","")),"--")']);
    expect(formulas).toContainEqual([11, '=IFERROR(E11/D11,"--")']);
    expect(execWrites.every((w) => w.numberFormat === '0.00%')).toBe(true);
    expect(t.formulasWritten).toBe(14);
    expect(t.addedColumns).toEqual([]);
  });

  it('flags nothing at 90% (all items above), and the large adjustment of 行政事业类项目', () => {
    expect(report.flags.map((f) => [f.row, f.rule])).toEqual([[9, 'large-adjustment']]);
    expect(report.flags[0].cell).toBe('G9');
    expect(report.flags[0].message).toContain('182.06%');
  });
});

/** Seed 004 (Foshan 2020) 部门预算支出明细表: no rate columns, categories with amounts. */
const foshan = sheet('部门预算支出明细表', [
  ['部门预算支出明细表'],
  [null, null, null, '单位：万元'],
  ['支出类别', '年初预算数', '调整预算数', '决算数'],
  ['一、基本支出', 15102.61, 16113.02, 16113.47],
  ['人员经费', 13983.71, 15051.22, 15051.22],
  ['日常公用经费', 1118.9, 1061.8, 1062.25],
  ['二、项目支出', 82663.52, 33957.82, 35821.59],
  ['三、上缴上级支出', null, null, null],
  ['四、经营支出', null, null, null],
  ['五、对附属单位补助支出', null, null, null],
  ['合计', 97766.13, 50070.84, 51935.06],
]);

describe('seed 004 部门预算支出明细表', () => {
  const { report, plan } = analyzeSheet(foshan, withDefaults());
  const t = report.tables[0];

  it('adds the two rate columns after the table, with headers', () => {
    expect(t.columns).toMatchObject({ initial: 'B', adjusted: 'C', actual: 'D', executionRate: 'E', adjustmentRate: 'F' });
    expect(t.addedColumns).toEqual(['E', 'F']);
    const headers = plan.writes.filter((w) => w.purpose === 'header').map((w) => [w.row, w.col, w.inputs[0][0]]);
    expect(headers).toEqual([
      [3, 5, '预算执行率'],
      [3, 6, '预算调整率'],
    ]);
  });

  it('classifies categories, items and the total', () => {
    expect(t.rows.map((r) => r.kind)).toEqual(['category', 'item', 'item', 'category', 'category', 'category', 'category', 'total']);
    expect(t.counts).toMatchObject({ category: 5, item: 2, total: 1 });
  });

  it('computes the rates of DOMAIN.md: 项目支出 105.49% over budget and −58.92% adjusted', () => {
    const project = t.rows.find((r) => r.name === '二、项目支出')!;
    expect(project.executionRate!).toBeCloseTo(35821.59 / 33957.82, 10);
    expect((project.adjustmentRate! * 100).toFixed(2)).toBe('-58.92');
    expect(project.flags).toEqual(['over-execution', 'large-adjustment']);
    expect(t.rows.find((r) => r.name === '人员经费')!.executionRate).toBe(1);
  });

  it('checks the categories and the total', () => {
    const total = t.totalsCheck.filter((c) => c.kind === 'total');
    expect(total.map((c) => [c.column, c.ok])).toEqual([
      ['initial', true],
      ['adjusted', true],
      ['actual', true],
    ]);
    expect(t.totalsCheck.filter((c) => c.kind === 'category').every((c) => c.ok)).toBe(true);
  });
});
