/**
 * Plan.pageSetup and Plan.looks on a sheet that already has print settings and formats of its own: what the user
 * set (tab colour, paper size, margins, another sheet's print titles, a cell's number format and font face) stays;
 * the sheet's own print titles are replaced, not doubled; applying the same plan twice appends no style.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { emptyPlan, type Plan } from '../../src/core';
import { WorkbookPackage } from '../../src/xlsx';
import { applyThroughPackage } from './saveAndRead';

function userBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const other = wb.addWorksheet('封面');
  other.getCell('A1').value = '封面';
  other.pageSetup.printTitlesRow = '1:1';
  const ws = wb.addWorksheet('表', { properties: { tabColor: { argb: 'FFFF0000' } }, pageSetup: { paperSize: 9, orientation: 'portrait' } });
  ws.pageSetup.printTitlesRow = '1:1';
  ws.getCell('A1').value = '标题';
  ws.getCell('B2').value = 1234.5;
  ws.getCell('B2').numFmt = '#,##0.00';
  ws.getCell('B2').font = { name: '宋体', size: 12 };
  return wb;
}

function lookPlan(): Plan {
  return {
    ...emptyPlan('表'),
    looks: [
      { rect: { top: 1, left: 1, bottom: 1, right: 3 }, bold: true, fill: '#D9E1F2', wrap: true, horizontal: 'center', borders: true },
      { rect: { top: 2, left: 1, bottom: 3, right: 3 }, wrap: true, borders: true },
    ],
    pageSetup: { landscape: true, fitToWidth: true, titleRows: { first: 1, last: 2 } },
  };
}

describe('print settings and looks on a sheet the user set up', () => {
  it('keeps the user\'s settings and formats, adds ours', async () => {
    const done = await applyThroughPackage(userBook(), lookPlan());
    expect(done.results[0]).toMatchObject({ cellsStyled: 9, pageSetup: true });
    const ws = done.wb.getWorksheet('表')!;
    expect(ws.properties.tabColor).toMatchObject({ argb: 'FFFF0000' });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(done.wb.getWorksheet('封面')!.pageSetup.printTitlesRow).toBe('1:1');
    const b2 = ws.getCell('B2');
    expect([b2.numFmt, b2.font?.name, b2.font?.size, b2.alignment?.wrapText, b2.border?.left?.style]).toEqual(['#,##0.00', '宋体', 12, true, 'thin']);
    expect(ws.getCell('C1')).toMatchObject({ font: expect.objectContaining({ bold: true }), fill: expect.objectContaining({ fgColor: { argb: 'FFD9E1F2' } }) });
    expect(ws.getCell('C3').border?.bottom?.style).toBe('thin'); // an empty cell carries the border too
  });

  it('applied again to its own output: styles.xml and workbook.xml stay byte for byte', async () => {
    const once = await applyThroughPackage(userBook(), lookPlan());
    const book = await WorkbookPackage.open(once.bytes);
    await book.applyPlans([lookPlan()]);
    const twice = await book.save();
    const part = async (bytes: Uint8Array, name: string) => (await JSZip.loadAsync(bytes)).file(name)!.async('string');
    for (const name of ['xl/styles.xml', 'xl/workbook.xml']) expect(await part(twice, name), name).toBe(await part(once.bytes, name));
    expect((await part(twice, 'xl/workbook.xml')).match(/_xlnm\.Print_Titles/g)).toHaveLength(2); // 封面's and 表's
  });
});
