/**
 * Sheet 表1-2 of liwan-2021.xlsx: seed 000's 2021年部门整体支出资金执行情况, laid out the way a
 * finance office keeps it: title, 单位 row, two-row merged header, category cells merged down,
 * rates typed in as static numbers, "--" where nothing applies, some amounts pasted from a PDF as
 * text ("6,266.31"), a note and a sign-off row under the table.
 */
import type ExcelJS from 'exceljs';
import { SEED000_TABLE_1_2, type SeedBudgetRow } from '../../test/fixtures/seedBudget';
import {
  NOT_APPLICABLE,
  amountAsText,
  freezeRows,
  setColumnWidths,
  writeBody,
  writeHeader,
  writeMergedBody,
  writeNote,
  writeTitle,
  writeUnit,
} from './style';

export const SUMMARY_SHEET = '表1-2';
const TITLE = '2021年部门整体支出资金执行情况';
const LAST_COLUMN = 7;
const HEADER_TOP = 3;
const FIRST_DATA_ROW = HEADER_TOP + 2;
/** Rows of this category were pasted from the PDF report, so their amounts are text. */
const PASTED_CATEGORY = '基本支出';

/** Groups consecutive rows that share a category (rows without one form groups of their own). */
function groupByCategory(rows: readonly SeedBudgetRow[]): SeedBudgetRow[][] {
  const groups: SeedBudgetRow[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && row.category && last[0].category === row.category) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

function amountValue(amount: number | null, asText: boolean): ExcelJS.CellValue {
  if (amount === null) return NOT_APPLICABLE;
  return asText ? amountAsText(amount) : amount;
}

function writeDataRow(sheet: ExcelJS.Worksheet, rowNumber: number, row: SeedBudgetRow): void {
  const bold = row.kind === 'subtotal' || row.kind === 'total';
  const asText = row.category === PASTED_CATEGORY;
  const amounts = [row.initial, row.adjusted, row.actual];
  amounts.forEach((amount, i) => writeBody(sheet.getCell(rowNumber, 3 + i), amountValue(amount, asText), 'amount', { bold }));
  const rates = [row.executionRate, row.adjustmentRate];
  rates.forEach((rate, i) => writeBody(sheet.getCell(rowNumber, 6 + i), rate ?? NOT_APPLICABLE, 'rate', { bold }));
  sheet.getRow(rowNumber).height = 20;
}

export function addSummarySheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  setColumnWidths(sheet, [10, 18, 14, 14, 14, 10, 10]);

  writeTitle(sheet, 1, LAST_COLUMN, TITLE);
  writeUnit(sheet, 2, 6, LAST_COLUMN);

  const [first, ...rest] = SEED000_TABLE_1_2.headers;
  writeHeader(sheet, HEADER_TOP, 1, HEADER_TOP + 1, 2, first);
  rest.forEach((label, i) => writeHeader(sheet, HEADER_TOP, 3 + i, HEADER_TOP + 1, 3 + i, label));
  sheet.getRow(HEADER_TOP).height = 20;
  sheet.getRow(HEADER_TOP + 1).height = 20;

  let rowNumber = FIRST_DATA_ROW;
  for (const group of groupByCategory(SEED000_TABLE_1_2.rows)) {
    const category = group[0].category;
    if (category) {
      writeMergedBody(sheet, rowNumber, 1, rowNumber + group.length - 1, 1, category);
      group.forEach((row, i) => {
        const bold = row.kind === 'subtotal';
        writeBody(sheet.getCell(rowNumber + i, 2), row.name, 'text', { bold });
        if (bold) sheet.getCell(rowNumber + i, 2).alignment = { horizontal: 'center', vertical: 'middle' };
      });
    } else {
      writeMergedBody(sheet, rowNumber, 1, rowNumber, 2, group[0].name, { bold: true });
    }
    group.forEach((row, i) => writeDataRow(sheet, rowNumber + i, row));
    rowNumber += group.length;
  }

  writeNote(sheet, rowNumber, LAST_COLUMN, '注：预算执行率=实际支出/预算调整数；预算调整率=（预算调整数-年初预算数）/年初预算数。"--"表示无此项。');
  sheet.getRow(rowNumber).height = 32;
  writeNote(sheet, rowNumber + 1, LAST_COLUMN, '填报人：              审核人：              填报日期：2022年5月16日');
  freezeRows(sheet, HEADER_TOP + 1);
}
