/**
 * Sheet 项目支出 of liwan-2021.xlsx: seed 000's four project tables one under another, each under
 * its section heading and caption, with the two rate columns left EMPTY for the tool to fill.
 */
import type ExcelJS from 'exceljs';
import { SEED000_PROJECT_TABLES, type SeedBudgetTable } from '../../test/fixtures/seedBudget';
import { fitRowHeight, setColumnWidths, writeBody, writeCaption, writeHeader, writeMergedBody, writeUnit } from './style';

export const PROJECTS_SHEET = '项目支出';
const LAST_COLUMN = 7;
const BLANK_ROWS_BETWEEN_TABLES = 2;
const NAME_COLUMN = 2;

/** "（2）主要实施项目及预算完成情况如下：" as a caption: without the trailing "如下：". */
function captionOf(table: SeedBudgetTable): string {
  return table.title.replace(/如下：$/, '');
}

/** Writes one table from `top`; returns the first row after it. */
function writeProjectTable(sheet: ExcelJS.Worksheet, top: number, table: SeedBudgetTable): number {
  writeCaption(sheet, top, LAST_COLUMN - 2, table.section ?? '');
  writeCaption(sheet, top + 1, LAST_COLUMN - 2, captionOf(table));
  writeUnit(sheet, top + 1, LAST_COLUMN - 1, LAST_COLUMN);

  const headerRow = top + 2;
  table.headers.forEach((label, i) => writeHeader(sheet, headerRow, i + 1, headerRow, i + 1, label));
  sheet.getRow(headerRow).height = 22;

  let rowNumber = headerRow + 1;
  for (const row of table.rows) {
    const bold = row.kind === 'total';
    if (row.serial === undefined) {
      writeMergedBody(sheet, rowNumber, 1, rowNumber, NAME_COLUMN, row.name, { bold });
    } else {
      writeBody(sheet.getCell(rowNumber, 1), Number(row.serial), 'serial');
      writeBody(sheet.getCell(rowNumber, NAME_COLUMN), row.name, 'text');
    }
    [row.initial, row.adjusted, row.actual].forEach((amount, i) => writeBody(sheet.getCell(rowNumber, 3 + i), amount, 'amount', { bold }));
    // 预算执行率 and 预算调整率: empty, to be filled by the tool.
    writeBody(sheet.getCell(rowNumber, 6), null, 'rate');
    writeBody(sheet.getCell(rowNumber, 7), null, 'rate');
    fitRowHeight(sheet, rowNumber, [NAME_COLUMN]);
    rowNumber++;
  }
  return rowNumber;
}

export function addProjectsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(PROJECTS_SHEET, { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  setColumnWidths(sheet, [6, 36, 13, 13, 13, 11, 11]);
  let top = 1;
  for (const table of SEED000_PROJECT_TABLES) {
    top = writeProjectTable(sheet, top, table) + BLANK_ROWS_BETWEEN_TABLES;
  }
}
