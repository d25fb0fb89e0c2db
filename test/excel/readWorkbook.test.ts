/** readWorkbookSnapshots: every sheet in a fixed number of round trips, each under Excel on the web's 5 MB cap. */
import { afterEach, describe, expect, it } from 'vitest';
import { readSnapshot, readWorkbookSnapshots, runExcel } from '../../src/excel';
import { installSimulatedOffice, loadWorkbookFromJson, type SimulatedOffice } from '../../src/preview/sim';
import { budgetSheet } from './fixtures';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

function threeSheets(rows: number) {
  const book = loadWorkbookFromJson({
    sheets: [budgetSheet(rows, '表1'), budgetSheet(rows, '表2'), { name: '空白', cells: [] }, budgetSheet(3, '表3')],
    activeSheet: '表2',
  });
  office = installSimulatedOffice(book);
  return book;
}

describe('readWorkbookSnapshots', () => {
  it.each([100, 10_000])('reads all sheets of %i rows in two syncs (names, then everything)', async (rows) => {
    const book = threeSheets(rows);
    const wb = await runExcel((context) => readWorkbookSnapshots(context));
    expect([wb.syncs, book.syncCount]).toEqual([2, 2]);
    expect(wb.sheets.map((s) => [s.name, s.values.length])).toEqual([
      ['表1', rows + 4],
      ['表2', rows + 4],
      ['空白', 1],
      ['表3', 7],
    ]);
    expect(wb.active).toBe('表2');
    expect(wb.sheets[1].values[rows + 3][1]).toBe(`项目${rows}`);
    for (const s of book.syncLog) expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('gives each sheet the same snapshot readSnapshot gives it alone', async () => {
    threeSheets(50);
    const wb = await runExcel((context) => readWorkbookSnapshots(context));
    const alone = await runExcel((context) => readSnapshot(context, { sheetName: '表2' }));
    expect({ ...wb.sheets[1], syncs: 0 }).toEqual({ ...alone, syncs: 0 });
  });

  it('one more sync when a sheet has rules or notes, at any number of sheets', async () => {
    const book = threeSheets(20);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('表3');
      ws.getRange('F5:F7').conditionalFormats.add('Custom').custom.rule.formula = '=F5<0.9';
      context.workbook.worksheets.getItem('表1').notes.add('F6', '偏低');
    });
    book.resetStats();
    const wb = await runExcel((context) => readWorkbookSnapshots(context));
    expect(book.syncCount).toBe(3);
    expect(wb.sheets[3].conditionalFormats).toEqual([{ ranges: ['F5:F7'], formula: '=F5<0.9' }]);
    expect(wb.sheets[0].notes).toEqual([{ row: 6, col: 6, text: '偏低' }]);
  });

  it('two 30,000-row sheets: sized requests, every one under 5 MB', async () => {
    const book = threeSheets(30_000);
    const wb = await runExcel((context) => readWorkbookSnapshots(context));
    expect(wb.sheets[0].values).toHaveLength(30_004);
    expect(wb.sheets[1].values[30_003][0]).toBe(30_000);
    expect(book.syncCount).toBeLessThan(10);
    // Together the first rows of both sheets pass the cap: that request fails whole, the rest come in sized requests.
    for (const s of book.syncLog.filter((x) => !x.error)) expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('falls back to sized requests when the first request passes the cap', async () => {
    const book = threeSheets(2_000);
    book.payloadLimitBytes = 150_000;
    const wb = await runExcel((context) => readWorkbookSnapshots(context, { blockRows: 500, budgetBytes: 60_000 }));
    expect(wb.sheets[1].values).toHaveLength(2_004);
    expect(book.syncLog.some((s) => s.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(book.syncLog.filter((s) => !s.error).every((s) => s.responseBytes < 150_000)).toBe(true);
    expect(wb.syncs).toBe(book.syncCount);
  });
});
