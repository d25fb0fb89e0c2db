/**
 * Sheet 部门预算支出明细表 of foshan-2020.xlsx: seed 004's table as printed (title, 单位 row,
 * header 支出类别 / 年初预算数 / 调整预算数 / 决算数, no rate columns), the parts of 一、基本支出
 * indented, 三、四、五 with empty amounts.
 */
import type ExcelJS from 'exceljs';
import { SEED004_EXPENDITURE_DETAIL as TABLE } from '../../test/fixtures/seedBudget';
import { freezeRows, setColumnWidths, writeBody, writeHeader, writeTitle, writeUnit } from './style';

export const FOSHAN_SHEET = '部门预算支出明细表';
const HEADER_ROW = 3;

export function addFoshanSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(FOSHAN_SHEET, { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const lastColumn = TABLE.headers.length;
  setColumnWidths(sheet, [28, 16, 16, 16]);

  writeTitle(sheet, 1, lastColumn, TABLE.title, 16);
  writeUnit(sheet, 2, lastColumn, lastColumn);
  TABLE.headers.forEach((label, i) => writeHeader(sheet, HEADER_ROW, i + 1, HEADER_ROW, i + 1, label));
  sheet.getRow(HEADER_ROW).height = 22;

  TABLE.rows.forEach((row, i) => {
    const rowNumber = HEADER_ROW + 1 + i;
    const bold = row.kind === 'category' || row.kind === 'total';
    const nameCell = sheet.getCell(rowNumber, 1);
    writeBody(nameCell, row.name, 'text', { bold, indent: row.kind === 'part-of' ? 2 : undefined });
    if (row.kind === 'total') nameCell.alignment = { horizontal: 'center', vertical: 'middle' };
    [row.initial, row.adjusted, row.actual].forEach((amount, j) => writeBody(sheet.getCell(rowNumber, 2 + j), amount, 'amount', { bold }));
    sheet.getRow(rowNumber).height = 20;
  });
  freezeRows(sheet, HEADER_ROW);
}
