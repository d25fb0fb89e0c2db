import { afterEach, describe, expect, it } from 'vitest';
import { readSnapshot, runExcel } from '../../src/excel';
import { installSimulatedOffice, loadWorkbookFromJson, type SimulatedOffice } from '../../src/preview/sim';
import { budgetBook, budgetSheet, SHEET } from './fixtures';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

describe('readSnapshot', () => {
  it('reads the used range into the exact snapshot, in one sync', async () => {
    const book = loadWorkbookFromJson({
      sheets: [
        {
          name: '表1',
          cells: [
            [null, null, null],
            [null, '项目', '执行率'],
            [null, '甲', '=IFERROR(72555.63/73920.34,"--")'],
            [null, '乙', true],
          ],
          numberFormats: [[], [], [null, null, '0.00%']],
          merges: ['B1:C1'],
        },
      ],
    });
    office = installSimulatedOffice(book);
    const snap = await runExcel((context) => readSnapshot(context));
    expect(snap).toEqual({
      name: '表1',
      originRow: 2,
      originCol: 2,
      values: [
        ['项目', '执行率'],
        ['甲', 0.98153809899],
        ['乙', true],
      ],
      formulas: [
        [null, null],
        [null, '=IFERROR(72555.63/73920.34,"--")'],
        [null, null],
      ],
      numberFormats: [
        ['General', 'General'],
        ['General', '0.00%'],
        ['General', 'General'],
      ],
      merges: [],
      conditionalFormats: [],
      notes: [],
      source: 'Excel',
      warnings: [],
      syncs: 1,
    });
    expect(book.syncCount).toBe(1);
  });

  it('reads merges, existing flag rules and notes (one more round trip for their ranges)', async () => {
    const book = budgetBook(3);
    office = installSimulatedOffice(book);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.getRanges('F5:F6, F7').conditionalFormats.add('Custom').custom.rule.formula = '=F5<0.9';
      ws.notes.add('F6', '执行率偏低');
    });
    const snap = await runExcel((context) => readSnapshot(context, { sheetName: SHEET }));
    expect(snap.merges).toContainEqual({ top: 3, left: 3, bottom: 3, right: 4 });
    expect(snap.merges).toHaveLength(6);
    expect(snap.conditionalFormats).toEqual([{ ranges: ['F5:F6', 'F7'], formula: '=F5<0.9' }]);
    expect(snap.notes).toEqual([{ row: 6, col: 6, text: '执行率偏低' }]);
    expect(snap.syncs).toBe(2);
  });

  it.each([100, 10_000])('makes the same number of syncs for %i rows (1 without rules or notes)', async (rows) => {
    const book = budgetBook(rows);
    office = installSimulatedOffice(book);
    const snap = await runExcel((context) => readSnapshot(context));
    expect(book.syncCount).toBe(1);
    expect(snap.syncs).toBe(1);
    expect(snap.values).toHaveLength(rows + 4);
    expect(snap.values[rows + 3][1]).toBe(`项目${rows}`);
    expect(snap.numberFormats?.[rows + 3][3]).toBe('#,##0.00');
    expect(Math.max(...book.syncLog.map((s) => s.responseBytes))).toBeLessThan(5 * 1024 * 1024);
    // With a flag rule and a note on the sheet: one more round trip for their ranges, at any length.
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.getRange(`F5:F${rows + 4}`).conditionalFormats.add('Custom').custom.rule.formula = '=F5<0.9';
      ws.notes.add('F5', '偏低');
    });
    book.resetStats();
    const again = await runExcel((context) => readSnapshot(context));
    expect([book.syncCount, again.conditionalFormats?.length, again.notes?.length]).toEqual([2, 1, 1]);
  });

  it('reads a 30,000-row sheet in ~4 MB requests, every one under the 5 MB cap', async () => {
    const book = budgetBook(30_000);
    office = installSimulatedOffice(book);
    const snap = await runExcel((context) => readSnapshot(context));
    expect(snap.values).toHaveLength(30_004);
    expect(snap.values[30_003][0]).toBe(30_000);
    expect(snap.values.every((row) => row.length === 6)).toBe(true);
    expect(book.syncCount).toBeGreaterThan(1);
    expect(book.syncCount).toBeLessThan(6);
    for (const s of book.syncLog) expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('falls back to sized requests when even the first rows pass the response cap (a very wide sheet)', async () => {
    const book = budgetBook(2_000);
    book.payloadLimitBytes = 100_000; // play a host whose cap the speculative first request passes
    office = installSimulatedOffice(book);
    const snap = await runExcel((context) => readSnapshot(context, { blockRows: 500, budgetBytes: 60_000 }));
    expect(snap.values).toHaveLength(2_004);
    expect(book.syncLog[0].error).toBe('ResponsePayloadSizeLimitExceeded');
    expect(book.syncLog.slice(1).every((s) => !s.error && s.responseBytes < 100_000)).toBe(true);
    expect(snap.syncs).toBe(book.syncCount);
  });

  it('on an ExcelApi 1.9 host: no merged areas (with a warning), no notes, everything else read', async () => {
    const book = budgetBook(5, { apiVersion: '1.9' });
    office = installSimulatedOffice(book);
    const snap = await runExcel((context) => readSnapshot(context));
    expect(snap.merges).toEqual([]);
    expect(snap.warnings).toEqual([expect.stringContaining('不能读取合并单元格')]);
    expect(snap.notes).toBeUndefined();
    expect(snap.values[4]).toEqual([1, '项目1', 80000, 73920.34, 72555.63, null]);
  });

  it('reads the selection instead of the used range when asked', async () => {
    const book = loadWorkbookFromJson({ sheets: [budgetSheet(10), { name: 'Other', cells: [[1]] }] });
    book.select(SHEET, { top: 3, left: 2, bottom: 6, right: 5 });
    office = installSimulatedOffice(book);
    const snap = await runExcel((context) => readSnapshot(context, { useSelection: true }));
    expect([snap.name, snap.originRow, snap.originCol, snap.values.length, snap.values[0].length]).toEqual([SHEET, 3, 2, 4, 4]);
    expect(snap.values[2]).toEqual(['项目1', 80000, 73920.34, 72555.63]);
  });
});
