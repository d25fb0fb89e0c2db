/**
 * Next year's template made from seed 000's tables, applied with copyFrom (test/helpers/copySheet.ts), filled with
 * numbers by the test as a user would, and computed by HyperFormula: the SUM totals and the rate formulas give the
 * figures the seed printed (表1-2: 30,561.77 → 73,920.34 → 72,555.63, 98.15 %, 141.87 %).
 */
import { describe, expect, it } from 'vitest';
import { withDefaults, type CellValue, type SheetSnapshot } from '../../../src/core';
import { planNextYear, CARRIED_HEADER } from '../../../src/core/nextYear';
import { SEED000_TABLE_1_2, SEED000_PROJECT_TABLES, SEED004_EXPENDITURE_DETAIL, type SeedBudgetTable } from '../../fixtures/seedBudget';
import { SEED000_INDICATOR_TABLES } from '../../fixtures/seedIndicators';
import { applyPlansWithCopies } from '../../helpers/copySheet';
import { fillCells } from '../../helpers/fillCells';
import { seedTablesSheet } from '../../helpers/seedSheet';
import type { Workbook } from '../../helpers/computeSheets';
import { table12 } from '../indicators/seedSheets';
import { seedWorkbook } from './seedWorkbook';

const settings = withDefaults();

/** Amount and rate columns of a sheet laid out by seedSheet.ts (表1-2 has no 序号 column; rates are added after the amounts). */
function columnsOf(t: SeedBudgetTable) {
  const serial = t.headers[0] === '序号';
  return serial
    ? { name: 'B', initial: 'C', adjusted: 'D', actual: 'E', exec: 'F', adj: 'G' }
    : { name: 'A', initial: 'B', adjusted: 'C', actual: 'D', exec: 'E', adj: 'F' };
}

/** Types this year's amounts into the item rows of next year's sheet, as a user would. */
function fillItems(wb: Workbook, sheet: string, t: SeedBudgetTable, rows: number[]): Workbook {
  const c = columnsOf(t);
  const entries: [string, CellValue][] = [];
  t.rows.forEach((r, i) => {
    if (r.kind !== 'item' && r.kind !== 'part-of' && !(r.kind === 'category' && t === SEED004_EXPENDITURE_DETAIL)) return;
    for (const role of ['initial', 'adjusted', 'actual'] as const) if (r[role] !== null) entries.push([`${c[role]}${rows[i]}`, r[role]]);
  });
  return fillCells(wb, sheet, entries);
}

describe('next year from seed 000: the template', () => {
  const seed = seedWorkbook();
  const { report, plans } = planNextYear(seed.sheets, settings);
  const wb = applyPlansWithCopies(seed.sheets, plans);

  it('adds one sheet beside each sheet with tables, named for 2022', () => {
    expect(report.sheets.map((s) => [s.from, s.to, s.tables])).toEqual([
      ['表1-2', '表1-2（2022年）', 1],
      ['2021年项目表', '2022年项目表', 4],
      ['绩效指标', '绩效指标（2022年）', 5],
      ['绩效指标完成情况', '绩效指标完成情况（2023年）', 5],
    ]);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      '表1-2', '表1-2（2022年）', '2021年项目表', '2022年项目表', '绩效指标', '绩效指标（2022年）', '绩效指标完成情况', '绩效指标完成情况（2023年）',
    ]);
    for (const p of plans) {
      const from = report.sheets.find((s) => s.to === p.sheet)!.from;
      expect(p).toMatchObject({ createSheet: true, copyFrom: from, createAfter: from });
    }
  });

  it('reports rows kept and cells cleared in the JSON contract', () => {
    const json = JSON.parse(JSON.stringify(report)) as { sheets: Record<string, unknown>[] };
    for (const s of json.sheets) for (const key of ['from', 'to', 'tables', 'rowsKept', 'cellsCleared']) expect(s).toHaveProperty(key);
    // 表1-2: 7 rows; 4 items × 3 amounts emptied (基本建设类项目's "--" included).
    expect(report.sheets[0]).toMatchObject({ rowsKept: 7, cellsCleared: 12, sums: 9, rates: 14, year: 2022, yearSource: 'sheet' });
    // The project tables: 36 projects + 4 合计; 36 × 3 amounts.
    expect(report.sheets[1]).toMatchObject({ rowsKept: 40, cellsCleared: 108, sums: 12 });
    // Indicators: every 实际值 emptied.
    expect(report.sheets[2]).toMatchObject({ rowsKept: 38, cellsCleared: 38 });
    expect(report.sheets[3]).toMatchObject({ rowsKept: 26, cellsCleared: 26 });
  });

  it('keeps names and 序号, empties the amounts, and writes SUM totals and rate formulas', () => {
    const rows = seed.rowsOf.get(SEED000_TABLE_1_2.id)!;
    const v = (a: string) => wb.value('表1-2（2022年）', a);
    expect(rows.map((r) => v(`A${r}`))).toEqual(SEED000_TABLE_1_2.rows.map((r) => r.name));
    for (const r of [rows[0], rows[1], rows[3], rows[4]]) expect(['B', 'C', 'D'].map((c) => v(`${c}${r}`))).toEqual([null, null, null]);
    const sheet = wb.sheets.find((s) => s.name === '表1-2（2022年）')!;
    const f = (a: string) => sheet.formulas[Number(a.slice(1)) - 1]![a.charCodeAt(0) - 65];
    expect(f(`B${rows[2]}`)).toBe(`=SUM(B${rows[0]}:B${rows[1]})`);
    expect(f(`B${rows[6]}`)).toBe(`=SUM(B${rows[2]},B${rows[5]})`);
    expect(f(`E${rows[0]}`)).toBe(`=IFERROR(D${rows[0]}/C${rows[0]},"--")`);
    expect(f(`F${rows[0]}`)).toBe(`=IFERROR((C${rows[0]}-B${rows[0]})/B${rows[0]},"--")`);
    // Empty, the totals read 0 and the rates "--" (never #DIV/0!).
    expect([v(`B${rows[6]}`), v(`E${rows[6]}`), v(`E${rows[0]}`)]).toEqual([0, '--', '--']);
    const projects = seed.rowsOf.get(SEED000_PROJECT_TABLES[0].id)!;
    expect(wb.value('2022年项目表', `A${projects[0]}`)).toBe('1');
    expect(wb.value('2022年项目表', `B${projects[0]}`)).toBe('吸纳建档立卡贫困劳动力补贴');
    expect(wb.value('2022年项目表', `F${projects[0] - 1}`)).toBe('预算执行率');
  });

  it('filled with this year\'s amounts, 表1-2 computes the printed totals and rates', () => {
    const rows = seed.rowsOf.get(SEED000_TABLE_1_2.id)!;
    const filled = fillItems(wb, '表1-2（2022年）', SEED000_TABLE_1_2, rows);
    const v = (a: string) => filled.value('表1-2（2022年）', a) as number;
    const total = rows[6];
    expect(v(`B${total}`)).toBeCloseTo(30561.77, 2);
    expect(v(`C${total}`)).toBeCloseTo(73920.34, 2);
    expect(v(`D${total}`)).toBeCloseTo(72555.63, 2);
    expect(v(`E${total}`)).toBeCloseTo(0.9815, 4);
    expect(v(`F${total}`)).toBeCloseTo(1.4187, 4);
    expect(v(`D${rows[2]}`)).toBeCloseTo(6305.77, 2);
    expect(v(`E${rows[2]}`)).toBeCloseTo(0.9843, 4);
    expect(filled.value('表1-2（2022年）', `E${rows[3]}`)).toBe('--');
  });

  it.each(SEED000_PROJECT_TABLES.map((t) => [t.section!, t] as const))('filled, the project table %s adds up and rates as printed', (_s, t) => {
    const rows = seed.rowsOf.get(t.id)!;
    const filled = fillItems(wb, '2022年项目表', t, rows);
    const c = columnsOf(t);
    const v = (col: string, i: number) => filled.value('2022年项目表', `${col}${rows[i]}`);
    t.rows.forEach((r, i) => {
      if (r.kind === 'total') {
        // Printed totals, within a cent (the seed's 15,430.19 is 15,430.18 by its own items).
        expect(v(c.initial, i) as number).toBeCloseTo(r.initial!, 1);
        expect(v(c.adjusted, i) as number).toBeCloseTo(r.adjusted!, 1);
        expect(Math.abs((v(c.actual, i) as number) - r.actual!)).toBeLessThanOrEqual(0.011);
      }
      // Printed rates, within their rounding (half a hundredth of a percent) and the seed's own slips
      // (SEED_BUDGET_DEVIATIONS: one hundredth of a percent more).
      if (r.executionRate !== null) expect(Math.abs((v(c.exec, i) as number) - r.executionRate)).toBeLessThanOrEqual(0.00016);
      if (r.adjustmentRate !== null) expect(Math.abs((v(c.adj, i) as number) - r.adjustmentRate)).toBeLessThanOrEqual(0.00016);
    });
  });

  it('carries the indicators and their targets, empties the actuals, moves the title\'s year', () => {
    const src = seed.sheets.find((s) => s.name === '绩效指标')!;
    const out = wb.sheets.find((s) => s.name === '绩效指标（2022年）')!;
    expect(out.values[0]![0]).toBe('2022年部门整体支出绩效关键性指标及完成情况');
    let indicators = 0;
    src.values.forEach((row, r) => {
      const isIndicator = typeof row[4] === 'string' && row[4] !== '预期值' && typeof row[1] === 'string' && row[1] !== '';
      if (!isIndicator) return;
      indicators++;
      expect(out.values[r]!.slice(0, 5)).toEqual(row.slice(0, 5)); // 指标类型, 指标, 解释, 公式, 预期值
      expect(out.values[r]![5]).toBeNull(); // 实际值
    });
    expect(indicators).toBe(SEED000_INDICATOR_TABLES.reduce((n, t) => n + t.rows.length, 0));
  });

  it('keeps the copied layout: merges of the indicator sheet come with the copy', () => {
    const src = seed.sheets.find((s) => s.name === '绩效指标')!;
    expect(wb.sheets.find((s) => s.name === '绩效指标（2022年）')!.merges).toEqual(src.merges);
  });

  it('adds no 上年实际支出 column unless asked', () => {
    expect(wb.sheets.some((s) => s.values.some((r) => r.includes(CARRIED_HEADER)))).toBe(false);
  });
});

describe('next year: 上年实际支出 (carryActuals)', () => {
  const seed = seedWorkbook();
  const { report, plans } = planNextYear(seed.sheets, settings, { carryActuals: true });
  const wb = applyPlansWithCopies(seed.sheets, plans);

  it('puts this year\'s actuals right of the table, after the rate columns, as values', () => {
    const rows = seed.rowsOf.get(SEED000_TABLE_1_2.id)!;
    expect(report.sheets[0]!.carriedActuals).toEqual(['G']);
    expect(wb.value('表1-2（2022年）', `G${rows[0] - 1}`)).toBe(CARRIED_HEADER);
    expect(SEED000_TABLE_1_2.rows.map((_, i) => wb.value('表1-2（2022年）', `G${rows[i]}`))).toEqual(SEED000_TABLE_1_2.rows.map((r) => r.actual));
    expect(report.sheets[1]!.carriedActuals).toEqual(['H', 'H', 'H', 'H']);
  });
});

describe('next year: seed 000 表1-2 as a finance sheet lays it out', () => {
  // Two-row merged header, categories merged down, amounts typed as text ("6,266.31"), a note row.
  const src = table12();
  const { report, plans } = planNextYear([src], settings);
  const wb = applyPlansWithCopies([src], plans);
  const out = wb.sheets[1]!;
  const f = (row: number, col: number) => out.formulas[row - 1]![col - 1];

  it('moves the year of the title and of the note, keeps the merges, reads the emptied cells as numbers', () => {
    expect(out.name).toBe('表1-2（2022年）');
    expect(out.values[0]![0]).toBe('2022年部门整体支出资金执行情况');
    expect(out.values[11]![0]).toBe('注：数据来源于2022年部门决算。');
    expect(out.merges).toEqual(src.merges);
    expect(report.sheets[0]).toMatchObject({ yearsMoved: 2, cellsCleared: 12 });
    expect(f(5, 6)).toBe('=IFERROR(E5/D5,"--")'); // no VALUE(SUBSTITUTE()) left from this year's text
    expect(f(11, 3)).toBe('=SUM(C7,C10)');
  });

  it('filled, computes 98.15 % and 141.87 % on 合计', () => {
    const filled = fillCells(wb, out.name, [
      ['C5', 6266.31], ['D5', 6039.87], ['E5', 5968.79],
      ['C6', 359.46], ['D6', 366.37], ['E6', 336.98],
      ['C9', 23936], ['D9', 67514.1], ['E9', 66249.86],
    ]);
    const v = (a: string) => filled.value(out.name, a) as number;
    expect([v('C11'), v('D11'), v('E11')].map((x) => Math.round(x * 100) / 100)).toEqual([30561.77, 73920.34, 72555.63]);
    expect(v('F11')).toBeCloseTo(0.9815, 4);
    expect(v('G11')).toBeCloseTo(1.4187, 4);
  });
});

describe('next year: seed 004 (categories carrying amounts, 其中 rows)', () => {
  const laid = seedTablesSheet('部门预算支出明细表', [SEED004_EXPENDITURE_DETAIL]);
  const rows = laid.rowsOf.get(SEED004_EXPENDITURE_DETAIL.id)!;
  const { plans } = planNextYear([laid.snapshot], settings, { year: 2021 });
  const wb = applyPlansWithCopies([laid.snapshot], plans);
  const name = plans[0]!.sheet;
  const total = rows[rows.length - 1]!;
  const formulaAt = (s: SheetSnapshot, row: number, col: number) => s.formulas[row - 1]![col - 1];

  it('sums the categories in 合计 and never adds the 其中 rows again', () => {
    expect(name).toBe('部门预算支出明细表（2021年）');
    const out = wb.sheets.find((s) => s.name === name)!;
    const categories = SEED004_EXPENDITURE_DETAIL.rows.flatMap((r, i) => (r.kind === 'category' ? [rows[i]!] : []));
    // 一、基本支出 (its two 其中 rows below it), then 二、项目支出 and 三、四、五 (empty this year: next year's inputs).
    expect(categories.map((r) => r - categories[0]!)).toEqual([0, 3, 4, 5, 6]);
    expect(formulaAt(out, total, 2)).toBe(`=SUM(B${categories[0]},B${categories[1]}:B${categories[4]})`);
    const filled = fillItems(wb, name, SEED004_EXPENDITURE_DETAIL, rows);
    expect(filled.value(name, `B${total}`) as number).toBeCloseTo(97766.13, 2);
    expect(filled.value(name, `C${total}`) as number).toBeCloseTo(50070.84, 2);
    expect(filled.value(name, `D${total}`) as number).toBeCloseTo(51935.06, 2);
    expect(filled.value(name, `E${total}`) as number).toBeCloseTo(51935.06 / 50070.84, 6);
  });
});
