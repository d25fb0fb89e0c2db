/**
 * Indicator sheets: seed 000's key-indicator tables (sheet 绩效指标 of liwan-2021.xlsx, 指标类型
 * merged down the first column) and seed 002's task tables (guangzhou-2022-indicators.xlsx, 任务
 * merged down the first column). Texts are exactly as in the fixtures.
 */
import type ExcelJS from 'exceljs';
import type { SeedIndicator, SeedIndicatorTable } from '../../test/fixtures/seedIndicators';
import { fitRowHeight, setColumnWidths, writeBody, writeCaption, writeHeader, writeMergedBody, writeTitle } from './style';

interface IndicatorLayout {
  widths: readonly number[];
  /** Text of the merged first column of a row (指标类型 or 任务). */
  groupOf: (row: SeedIndicator) => string;
  /** The cells after the first column, in header order. */
  cellsOf: (row: SeedIndicator) => readonly string[];
}

const LIWAN_LAYOUT: IndicatorLayout = {
  widths: [10, 22, 28, 30, 12, 12],
  groupOf: (row) => row.level1 ?? '',
  cellsOf: (row) => [row.name, row.explanation ?? '', row.formula ?? '', row.targetText, row.actualText],
};

const GUANGZHOU_LAYOUT: IndicatorLayout = {
  widths: [16, 24, 46, 46],
  groupOf: (row) => row.task ?? '',
  cellsOf: (row) => [row.name, row.targetText, row.actualText],
};

/** Groups consecutive rows with the same first-column text. */
function runsOf(rows: readonly SeedIndicator[], groupOf: (row: SeedIndicator) => string): SeedIndicator[][] {
  const runs: SeedIndicator[][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && groupOf(last[0]) === groupOf(row)) last.push(row);
    else runs.push([row]);
  }
  return runs;
}

/** Writes one table from `top` (caption, header, rows); returns the first row after it. */
function writeIndicatorTable(sheet: ExcelJS.Worksheet, top: number, table: SeedIndicatorTable, caption: string, layout: IndicatorLayout): number {
  const lastColumn = layout.widths.length;
  const wrapped = Array.from({ length: lastColumn - 1 }, (_, i) => i + 2);
  writeCaption(sheet, top, lastColumn, caption);
  table.headers.forEach((label, i) => writeHeader(sheet, top + 1, i + 1, top + 1, i + 1, label));
  sheet.getRow(top + 1).height = 22;

  let rowNumber = top + 2;
  for (const run of runsOf(table.rows, layout.groupOf)) {
    writeMergedBody(sheet, rowNumber, 1, rowNumber + run.length - 1, 1, layout.groupOf(run[0]));
    for (const row of run) {
      layout.cellsOf(row).forEach((text, i) => writeBody(sheet.getCell(rowNumber, 2 + i), text, 'text'));
      fitRowHeight(sheet, rowNumber, wrapped);
      rowNumber++;
    }
  }
  return rowNumber;
}

function addIndicatorSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  tables: readonly SeedIndicatorTable[],
  captionOf: (table: SeedIndicatorTable) => string,
  layout: IndicatorLayout,
): void {
  const sheet = workbook.addWorksheet(name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  setColumnWidths(sheet, layout.widths);
  writeTitle(sheet, 1, layout.widths.length, title, 12);
  let top = 3;
  for (const table of tables) top = writeIndicatorTable(sheet, top, table, captionOf(table), layout) + 1;
}

export const LIWAN_INDICATOR_SHEET = '绩效指标';

export function addLiwanIndicatorSheet(workbook: ExcelJS.Workbook, tables: readonly SeedIndicatorTable[]): void {
  const caption = (t: SeedIndicatorTable) => (t.section?.startsWith('（') ? t.title.replace(/：$/, '') : `${t.section} ${t.title}`);
  addIndicatorSheet(workbook, LIWAN_INDICATOR_SHEET, '2021年部门整体支出绩效关键性指标及完成情况', tables, caption, LIWAN_LAYOUT);
}

export const GUANGZHOU_INDICATOR_SHEET = '绩效指标完成情况';

export function addGuangzhouIndicatorSheet(workbook: ExcelJS.Workbook, tables: readonly SeedIndicatorTable[]): void {
  const caption = (t: SeedIndicatorTable) => t.section ?? t.title;
  addIndicatorSheet(workbook, GUANGZHOU_INDICATOR_SHEET, '2022年度各项工作任务绩效目标完成情况', tables, caption, GUANGZHOU_LAYOUT);
}
