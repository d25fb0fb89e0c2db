/**
 * Formatting helpers shared by the sample-workbook builders: the look of a finance office's sheet
 * (thin borders, bold grey header, wrapped Chinese text, '#,##0.00' amounts, static '0.00%' rates).
 */
import ExcelJS from 'exceljs';

export const AMOUNT_FORMAT = '#,##0.00';
export const RATE_FORMAT = '0.00%';
/** What staff type in a cell that does not apply. */
export const NOT_APPLICABLE = '--';

const FONT_NAME = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
/** Date of the Liwan report, used as a fixed creation date so rebuilt files differ only in zip metadata. */
const CREATED = new Date('2022-05-16T09:00:00+08:00');

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'budget-exec samples';
  workbook.created = CREATED;
  workbook.modified = CREATED;
  return workbook;
}

export function setColumnWidths(sheet: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

/** Amount as pasted from a PDF: text with thousands separators, e.g. "6,266.31". */
export function amountAsText(amount: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function fontFor(size: number, bold: boolean): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size, bold };
}

/** A title merged over the table's width, bold and centred. */
export function writeTitle(sheet: ExcelJS.Worksheet, row: number, lastColumn: number, text: string, size = 14): void {
  sheet.mergeCells(row, 1, row, lastColumn);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = fontFor(size, true);
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(row).height = size + 12;
}

/** A bold, left-aligned caption over the table's width (section headings, 表 captions). */
export function writeCaption(sheet: ExcelJS.Worksheet, row: number, lastColumn: number, text: string): void {
  sheet.mergeCells(row, 1, row, lastColumn);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = fontFor(11, true);
  cell.alignment = { horizontal: 'left', vertical: 'middle' };
}

/** "单位：万元" right-aligned in the last column(s). */
export function writeUnit(sheet: ExcelJS.Worksheet, row: number, firstColumn: number, lastColumn: number, text = '单位：万元'): void {
  if (lastColumn > firstColumn) sheet.mergeCells(row, firstColumn, row, lastColumn);
  const cell = sheet.getCell(row, firstColumn);
  cell.value = text;
  cell.font = fontFor(10, false);
  cell.alignment = { horizontal: 'right', vertical: 'middle' };
}

/** A free-text line (注：…, 填报人：…) merged over the table's width. */
export function writeNote(sheet: ExcelJS.Worksheet, row: number, lastColumn: number, text: string): void {
  sheet.mergeCells(row, 1, row, lastColumn);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = fontFor(10, false);
  cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
}

/** Header cell(s): merges the range when it spans more than one cell; bold, grey, centred, wrapped. */
export function writeHeader(sheet: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number, text: string): void {
  if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
  sheet.getCell(top, left).value = text;
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = sheet.getCell(r, c);
      cell.font = fontFor(11, true);
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
}

export type BodyKind = 'text' | 'amount' | 'rate' | 'serial';

/** A body cell with border and the format of its kind; null leaves the cell empty (but bordered). */
export function writeBody(cell: ExcelJS.Cell, value: ExcelJS.CellValue, kind: BodyKind, options: { bold?: boolean; indent?: number } = {}): void {
  if (value !== null) cell.value = value;
  cell.border = BORDER;
  cell.font = fontFor(11, options.bold ?? false);
  const isNumber = typeof value === 'number';
  if (kind === 'amount' && isNumber) cell.numFmt = AMOUNT_FORMAT;
  if (kind === 'rate' && isNumber) cell.numFmt = RATE_FORMAT;
  const horizontal = kind === 'text' ? 'left' : value === NOT_APPLICABLE || kind === 'serial' ? 'center' : 'right';
  cell.alignment = { horizontal, vertical: 'middle', wrapText: kind === 'text', indent: options.indent };
}

/** Borders every cell of a merged body range and writes the value into its first cell. */
export function writeMergedBody(sheet: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number, value: string, options: { bold?: boolean } = {}): void {
  if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) writeBody(sheet.getCell(r, c), r === top && c === left ? value : null, 'text', options);
  }
  sheet.getCell(top, left).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** Display width of a text in Excel character units (CJK characters count double). */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return width;
}

/**
 * Sets a row's height so its wrapped texts show in full (exceljs does not auto-fit).
 * `columns` lists the 1-based columns whose text wraps in their own width.
 */
export function fitRowHeight(sheet: ExcelJS.Worksheet, row: number, columns: readonly number[], lineHeight = 15): void {
  let lines = 1;
  for (const c of columns) {
    const text = sheet.getCell(row, c).text;
    const width = (sheet.getColumn(c).width ?? 10) - 1;
    const cellLines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / width)), 0);
    lines = Math.max(lines, cellLines);
  }
  sheet.getRow(row).height = lines * lineHeight + 4;
}

export function freezeRows(sheet: ExcelJS.Worksheet, rows: number): void {
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: rows, topLeftCell: `A${rows + 1}`, activeCell: `A${rows + 1}` }];
}
