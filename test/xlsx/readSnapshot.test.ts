/**
 * The package reader (src/xlsx/package) on a workbook exceljs wrote, and the same sheet as exceljs itself reads
 * it: two independent readers must agree.
 */
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SheetNotFoundError, WorkbookPackage } from '../../src/xlsx';
import { readSnapshot } from '../helpers/exceljsSnapshot';
import { buildMessyWorkbook, roundTrip, SHEET } from './messyWorkbook';

async function open(wb: ExcelJS.Workbook) {
  return WorkbookPackage.open(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), { source: 'messy.xlsx' });
}

async function snapshot() {
  const book = await open(buildMessyWorkbook());
  return (await book.readSnapshots(SHEET))[0];
}

/** values[row-1][col-1]: the snapshot starts at A1. */
const at = <T>(grid: T[][], row: number, col: number): T => grid[row - 1][col - 1];

describe('readSnapshots', () => {
  it('sees what exceljs sees', async () => {
    const wb = await roundTrip(buildMessyWorkbook());
    expect(await snapshot()).toEqual({ ...readSnapshot(wb.getWorksheet(SHEET)!), source: 'messy.xlsx' });
  });

  it('starts at A1 and is rectangular up to the last used row and column', async () => {
    const s = await snapshot();
    expect(s.name).toBe(SHEET);
    expect(s.source).toBe('messy.xlsx');
    expect([s.originRow, s.originCol]).toEqual([1, 1]);
    expect(s.values).toHaveLength(11);
    for (const grid of [s.values, s.formulas, s.numberFormats!]) {
      expect(grid).toHaveLength(11);
      for (const row of grid) expect(row).toHaveLength(6);
    }
    // Row 10 is empty: present, all null.
    expect(s.values[9]).toEqual([null, null, null, null, null, null]);
  });

  it('reads numbers, text amounts, rich text, booleans, dates and hyperlinks as displayed', async () => {
    const s = await snapshot();
    expect(at(s.values, 1, 1)).toBe('2021年部门整体支出资金执行情况');
    expect(at(s.values, 3, 4)).toBe('实际支出');
    expect(at(s.values, 3, 5)).toBe('预算\n执行率');
    expect(at(s.values, 5, 2)).toBe(6266.31);
    expect(at(s.values, 6, 2)).toBe('1,550.00');
    expect(at(s.values, 5, 6)).toBe(true);
    expect(at(s.values, 6, 6)).toBe(44561); // 2021-12-31 as Excel's serial number
    expect(at(s.values, 7, 6)).toBe('链接');
    expect(at(s.values, 11, 1)).toBe('注：本表数据来源于决算报表。');
  });

  it('shows merged areas empty except their top-left cell, and lists the merges', async () => {
    const s = await snapshot();
    expect(at(s.values, 1, 2)).toBeNull();
    expect(at(s.values, 4, 1)).toBeNull();
    const merges = [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    expect(merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 3, left: 1, bottom: 4, right: 1 },
      { top: 3, left: 2, bottom: 4, right: 2 },
      { top: 3, left: 3, bottom: 4, right: 3 },
      { top: 3, left: 4, bottom: 4, right: 4 },
      { top: 3, left: 5, bottom: 4, right: 5 },
      { top: 3, left: 6, bottom: 4, right: 6 },
    ]);
  });

  it('gives formulas with "=", resolving shared formulas, and cached results as values', async () => {
    const s = await snapshot();
    expect(at(s.formulas, 5, 5)).toBe('=D5/C5');
    expect(at(s.formulas, 6, 5)).toBe('=D6/C6');
    expect(at(s.formulas, 7, 5)).toBe('=D7/C7');
    expect(at(s.values, 7, 5)).toBeCloseTo(0.45895, 10);
    expect(at(s.formulas, 8, 5)).toBe('=D8/C8');
    expect(at(s.values, 8, 5)).toBe('#DIV/0!');
    expect(at(s.formulas, 9, 4)).toBe('=SUM(D5:D8)');
    expect(at(s.values, 9, 4)).toBeNull(); // no cached result
    expect(at(s.formulas, 5, 2)).toBeNull(); // constants have no formula
  });

  it('reads number formats, "General" where none', async () => {
    const s = await snapshot();
    expect(at(s.numberFormats!, 5, 5)).toBe('0.00%');
    expect(at(s.numberFormats!, 6, 6)).toBe('yyyy-mm-dd');
    expect(at(s.numberFormats!, 5, 2)).toBe('General');
  });

  it('reads expression conditional formats (space-separated areas, with their colours) and skips other rule types', async () => {
    const s = await snapshot();
    expect(s.conditionalFormats).toEqual([{ ranges: ['E5:E7', 'E9:E9'], formula: '=AND(ISNUMBER(E5),E5<0.9)', style: { fill: '#FFC7CE' } }]);
  });

  it('reads plain and formatted notes as text', async () => {
    const s = await snapshot();
    const notes = [...s.notes!].sort((a, b) => a.row - b.row);
    expect(notes).toEqual([
      { row: 7, col: 5, text: '执行率偏低' },
      { row: 9, col: 1, text: '合计含其他' },
    ]);
  });
});

describe('readSnapshots of a workbook', () => {
  it('reads every sheet, or only the one named', async () => {
    const book = await open(buildMessyWorkbook());
    expect((await book.readSnapshots()).map((s) => s.name)).toEqual([SHEET, '说明']);
    expect((await book.readSnapshots('说明')).map((s) => s.name)).toEqual(['说明']);
  });

  it('names the sheets there are when the one asked for is missing', async () => {
    const book = await open(buildMessyWorkbook());
    const e = await book.readSnapshots('Sheet9').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SheetNotFoundError);
    expect((e as SheetNotFoundError).available).toEqual([SHEET, '说明']);
  });

  it('gives an empty sheet an empty snapshot', async () => {
    const wb = buildMessyWorkbook();
    wb.addWorksheet('空');
    const [s] = await (await open(wb)).readSnapshots('空');
    expect(s.values).toEqual([]);
    expect(s.merges).toEqual([]);
  });
});
