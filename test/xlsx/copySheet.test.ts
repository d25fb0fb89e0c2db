/**
 * Plan.copyFrom on .xlsx files: next year's sheet made as a copy of this year's. The copy must carry what a user
 * sees and prints (values, formulas, styles, merges, widths, heights, frozen panes, page setup and print area,
 * rules, lists, notes), be placed after its source, and share nothing with it: the source stays byte-for-byte
 * the same in what a reader sees. Everything is checked after a save and a fresh read.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../src/core';
import { type ApplyResult, PlanSheetMissingError } from '../../src/xlsx';
import { readSnapshot } from '../helpers/exceljsSnapshot';
import { computeWorkbook } from '../helpers/computeWithHyperFormula';
import { buildMessyWorkbook, roundTrip, SHEET } from './messyWorkbook';
import { applyThroughPackage, partXml, sheetXml, TempFiles } from './saveAndRead';

const COPY = '表1-2（2022年）';
const files = new TempFiles();
afterAll(() => files.remove());

/** The messy sheet dressed as a finance office would: widths, heights, panes, print settings, a list, a tab colour. */
function dressedWorkbook(): ExcelJS.Workbook {
  const wb = buildMessyWorkbook();
  const ws = wb.getWorksheet(SHEET)!;
  ws.getColumn(1).width = 28;
  ws.getColumn(5).width = 11.5;
  ws.getRow(1).height = 30;
  ws.getRow(3).height = 22;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 4, topLeftCell: 'B5', activeCell: 'B5', zoomScale: 85 }];
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printArea: 'A1:F11', printTitlesRow: '3:4', margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  ws.properties.tabColor = { argb: 'FF00B050' };
  ws.getCell('A1').font = { name: '黑体', size: 16, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getCell('B5').border = { bottom: { style: 'thin' } };
  (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add('F5', { type: 'list', allowBlank: true, formulae: ['"是,否"'] });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 10000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return wb;
}

function copyPlan(): Plan {
  return {
    ...emptyPlan(COPY),
    createSheet: true,
    copyFrom: SHEET,
    createAfter: SHEET,
    // Next year's amounts emptied, the title's year moved, a rate given a new format: edits of the copy only.
    writes: [
      { row: 1, col: 1, inputs: [['2022年部门整体支出资金执行情况']], before: [['2021年部门整体支出资金执行情况']], purpose: 'value' },
      { row: 5, col: 4, inputs: [[null], [null]], before: [[5968.79], [1500]], purpose: 'value' },
      { row: 8, col: 5, inputs: [['=IFERROR(D8/C8,"--")']], numberFormat: '0.0%', before: [['=D8/C8']], purpose: 'rate' },
    ],
    notes: [{ row: 5, col: 4, text: '上年执行率 98.82%', before: null }],
  };
}

let out: string;
let result: ApplyResult;
let wb: ExcelJS.Workbook;
let before: ReturnType<typeof readSnapshot>;

beforeAll(async () => {
  const saved = await files.saveAndRead(dressedWorkbook());
  before = readSnapshot(saved.wb.getWorksheet(SHEET)!);
  const back = await files.applyAndRead(saved.wb, copyPlan());
  result = back.results[0];
  out = back.file;
  wb = back.wb;
});

describe('Plan.copyFrom', () => {
  it('makes the sheet right after its source, keeps the active tab on the sheet it was', async () => {
    expect(result.sheet).toBe('copied');
    expect(wb.worksheets.map((s) => s.name)).toEqual([SHEET, COPY, '说明']);
    // activeTab 1 was 说明; with the copy inserted before it, 说明 is tab 2 now.
    expect(wb.views[0]?.activeTab).toBe(2);
    const book = await partXml(out, 'xl/workbook.xml');
    expect(book).toMatch(/<workbookView[^>]*activeTab="2"/);
    expect(book).toMatch(/fullCalcOnLoad="1"/);
  });

  it('leaves the source exactly as it was (values, formulas, formats, notes, rules, merges)', () => {
    expect(readSnapshot(wb.getWorksheet(SHEET)!)).toEqual({ ...before });
    expect(wb.getWorksheet(SHEET)!.getCell('E8').numFmt ?? 'General').toBe('General');
    expect(wb.getWorksheet(SHEET)!.getCell('A1').value).toBe('2021年部门整体支出资金执行情况');
  });

  it('copies values, formulas (shared ones too), number formats, merges, rules and notes, then applies the edits', () => {
    const copy = readSnapshot(wb.getWorksheet(COPY)!);
    expect(copy.merges).toEqual(before.merges);
    expect(copy.conditionalFormats).toEqual(before.conditionalFormats);
    expect(copy.formulas[5]![4]).toBe('=D6/C6'); // a clone of the shared formula E5:E7
    expect(copy.formulas[7]![4]).toBe('=IFERROR(D8/C8,"--")');
    expect(copy.numberFormats![5]![4]).toBe('0.00%');
    expect(copy.numberFormats![7]![4]).toBe('0.0%');
    expect(copy.values[0]![0]).toBe('2022年部门整体支出资金执行情况');
    expect([copy.values[4]![3], copy.values[5]![3]]).toEqual([null, null]);
    expect(copy.values[5]![1]).toBe('1,550.00');
    expect(copy.notes).toEqual(before.notes);
  });

  it('writes the note on the emptied cell (exceljs cannot read back a note on an empty cell: checked in the XML)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const comments = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/comments\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(comments.filter((x) => /<comment ref="D5"[^>]*>.*上年执行率 98\.82%/s.test(x))).toHaveLength(1);
  });

  it('copies fonts, borders, column widths, row heights and the tab colour', () => {
    const [src, dst] = [wb.getWorksheet(SHEET)!, wb.getWorksheet(COPY)!];
    expect(dst.getCell('A1').font).toEqual(src.getCell('A1').font);
    expect(dst.getCell('A1').font?.name).toBe('黑体');
    expect(dst.getCell('A1').alignment).toEqual({ horizontal: 'center' });
    expect(dst.getCell('B5').border?.bottom?.style).toBe('thin');
    expect([dst.getColumn(1).width, dst.getColumn(5).width]).toEqual([28, 11.5]);
    expect([dst.getRow(1).height, dst.getRow(3).height]).toEqual([30, 22]);
    expect(dst.properties.tabColor).toEqual({ argb: 'FF00B050' });
  });

  it('copies frozen panes and the zoom, but the copy is not a second selected tab', async () => {
    const view = wb.getWorksheet(COPY)!.views[0] as unknown as Record<string, unknown>;
    expect(view).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4, topLeftCell: 'B5', zoomScale: 85 });
    expect(await sheetXml(out, COPY)).not.toMatch(/tabSelected="1"/);
  });

  it('copies page setup, print area and print titles, header and footer', async () => {
    const dst = wb.getWorksheet(COPY)!;
    expect(dst.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, paperSize: 9, printArea: 'A1:F11', printTitlesRow: '3:4' });
    expect(dst.pageSetup.margins).toMatchObject({ left: 0.5, top: 0.6 });
    expect(dst.headerFooter.oddFooter).toBe('第 &P 页，共 &N 页');
    const book = await partXml(out, 'xl/workbook.xml');
    // The source keeps its names as exceljs wrote them; the copy gets the same areas on itself.
    const unquote = book.replace(/&apos;/g, "'");
    expect(unquote).toContain(`'${COPY}'!$A1:$F11`);
    expect(unquote).toContain(`'${SHEET}'!$A1:$F11`);
    expect(unquote).toContain(`'${COPY}'!$3:$4`);
  });

  it('copies the user\'s drop-down list', () => {
    const dv = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    expect(dv(wb.getWorksheet(COPY)!)['F5']).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
  });

  it('the copy computes on its own cells; the source keeps computing on its own', async () => {
    const value = await computeWorkbook(out);
    expect(value(SHEET, 'E5')).toBeCloseTo(5968.79 / 6039.87, 9);
    expect(value(COPY, 'E5')).toBe(0); // its 实际支出 was emptied
    expect(value(COPY, 'E7')).toBeCloseTo(45.895 / 100, 9);
    expect(value(COPY, 'E8')).toBe('--');
  });
});

describe('Plan.copyFrom: images and Excel tables', () => {
  it('copies images; copies a table\'s cells but not the table object (table names are unique per workbook)', async () => {
    const wb2 = new ExcelJS.Workbook();
    const ws = wb2.addWorksheet('表');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    ws.addImage(wb2.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'D2:E4');
    ws.addTable({ name: 'T1', ref: 'A1', columns: [{ name: '项目' }, { name: '金额' }], rows: [['甲', 2], ['乙', 4]] });
    const read = (await files.saveAndRead(wb2)).wb;
    const back = (await files.applyAndRead(read, { ...emptyPlan('表（2022年）'), createSheet: true, copyFrom: '表' })).wb;
    const tables = (w: ExcelJS.Worksheet) => Object.keys((w as unknown as { tables?: Record<string, unknown> }).tables ?? {});
    const [src, dst] = [back.getWorksheet('表')!, back.getWorksheet('表（2022年）')!];
    expect([src.getImages().length, dst.getImages().length]).toEqual([1, 1]);
    expect([tables(src), tables(dst)]).toEqual([['T1'], []]);
    expect([dst.getCell('A2').value, dst.getCell('B3').value]).toEqual(['甲', 4]);
  });
});

describe('Plan.copyFrom and createSheet guards', () => {
  it('an existing target is never replaced: the plan is applied to it as it is', async () => {
    const wb2 = await roundTrip(buildMessyWorkbook());
    const plan = { ...emptyPlan('说明'), createSheet: true, copyFrom: SHEET };
    plan.writes.push({ row: 1, col: 1, inputs: [['x']], before: [[null]], purpose: 'value' });
    const done = await applyThroughPackage(wb2, plan);
    expect(done.results[0].sheet).toBe('existing');
    expect(done.wb.worksheets.map((s) => s.name)).toEqual([SHEET, '说明']);
    expect(done.wb.getWorksheet('说明')!.getCell('B2').value).toBe('无预算表');
  });

  it('a missing source or a missing sheet without createSheet is an error, and nothing is added', async () => {
    const wb2 = await roundTrip(buildMessyWorkbook());
    await expect(applyThroughPackage(wb2, { ...emptyPlan('新表'), copyFrom: '没有这张表' })).rejects.toThrow(PlanSheetMissingError);
    await expect(applyThroughPackage(wb2, emptyPlan('新表'))).rejects.toThrow(PlanSheetMissingError);
  });

  it('createSheet makes a blank sheet after createAfter, or at the end', async () => {
    const wb2 = await roundTrip(buildMessyWorkbook());
    const first = { ...emptyPlan('绩效指标完成情况'), createSheet: true, createAfter: SHEET };
    first.writes.push({ row: 1, col: 1, inputs: [['标题']], before: [[null]], purpose: 'header', headerStyle: true });
    const done = await files.applyAndRead(wb2, [first, { ...emptyPlan('绩效运行监控'), createSheet: true }]);
    expect(done.results.map((r) => r.sheet)).toEqual(['created', 'created']);
    const back = done.wb;
    expect(back.worksheets.map((s) => s.name)).toEqual([SHEET, '绩效指标完成情况', '说明', '绩效运行监控']);
    expect(back.getWorksheet('绩效指标完成情况')!.getCell('A1').font?.bold).toBe(true);
  });
});
