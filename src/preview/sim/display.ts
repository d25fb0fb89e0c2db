/**
 * What a sheet looks like, for the preview grid: each cell's shown text (value through its number format),
 * the fill and font colour after conditional formats, bold/alignment, its note, merges and the selection.
 */
import { cellAddress, type CellRect } from '../../core';
import { contains } from './addresses';
import { evaluateConditionalFormats } from './cfModel';
import { formatValue } from './numberFormat';
import type { SimCellValue } from './sheetModel';
import { listItems, validationAt } from './sheetOps';
import type { SimWorkbook } from './workbookModel';

export interface DisplayCell {
  row: number;
  col: number;
  address: string;
  /** The computed value; null when the cell is empty. */
  value: SimCellValue | null;
  /** The value as Excel shows it with the cell's number format ("98.15%", "72,555.63"). */
  text: string;
  formula?: string;
  numberFormat: string;
  /** "#RRGGBB" after conditional formats, else the cell's own fill. */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  horizontalAlignment?: string;
  wrapText?: boolean;
  note?: string;
  /** The items of the cell's drop-down list (data validation), when it has one. */
  validation?: string[];
  isSelected: boolean;
  /** Set on the top-left cell of a merged area. */
  span?: { rows: number; cols: number };
  /** True for the cells a merged area covers, other than its top-left (a grid skips them). */
  hiddenByMerge?: boolean;
  /** Ids of the conditional-format rules that are true for this cell. */
  conditionalFormats: string[];
}

export interface DisplayWindow {
  top?: number;
  left?: number;
  bottom?: number;
  right?: number;
  /** Cap on rows when no bottom is given (default 500), so a 100,000-row sheet still renders. */
  maxRows?: number;
}

export interface DisplayGrid {
  sheet: string;
  sheets: string[];
  top: number;
  left: number;
  bottom: number;
  right: number;
  cells: DisplayCell[][];
  /** Column widths in points, where set. */
  columnWidths: Record<number, number>;
  /** The selection on this sheet, e.g. "F12", or null. */
  selection: string | null;
  /** Frozen panes: rows at the top and columns at the left that stay in view. */
  frozen: { rows: number; cols: number } | null;
}

export function getDisplayGrid(book: SimWorkbook, sheetName: string, window: DisplayWindow = {}): DisplayGrid {
  const sheet = book.sheet(sheetName);
  const used = sheet.usedRect(false);
  const top = window.top ?? 1;
  const left = window.left ?? 1;
  const bottom = window.bottom ?? Math.max(top, Math.min(used?.bottom ?? 1, top + (window.maxRows ?? 500) - 1));
  const right = window.right ?? Math.max(left, used?.right ?? 1);
  const rect: CellRect = { top, left, bottom, right };
  const values = sheet.values(rect);
  const formulas = sheet.formulas(rect);
  const formats = sheet.numberFormats(rect);
  const selection = book.selection?.sheet === sheet.name ? book.selection.rect : null;
  const cells: DisplayCell[][] = [];
  for (let i = 0; i < values.length; i++) {
    const line: DisplayCell[] = [];
    for (let j = 0; j < values[i].length; j++) {
      const row = top + i;
      const col = left + j;
      const raw = values[i][j];
      const value = raw === '' ? null : raw;
      const style = sheet.styleAt(row, col);
      const look = evaluateConditionalFormats(sheet, row, col);
      const formula = formulas[i][j];
      const cell: DisplayCell = {
        row,
        col,
        address: cellAddress(row, col),
        value,
        text: formatValue(value, formats[i][j]),
        numberFormat: formats[i][j],
        isSelected: selection ? contains(selection, row, col) : false,
        conditionalFormats: look.matched,
      };
      if (typeof formula === 'string' && formula.startsWith('=')) cell.formula = formula;
      const fill = look.fill ?? style.fill ?? undefined;
      const fontColor = look.fontColor ?? style.fontColor ?? undefined;
      if (fill) cell.fill = fill;
      if (fontColor) cell.fontColor = fontColor;
      if (style.bold) cell.bold = true;
      if (style.horizontalAlignment) cell.horizontalAlignment = style.horizontalAlignment;
      if (style.wrapText) cell.wrapText = true;
      const note = sheet.notes.get(`${row},${col}`);
      if (note) cell.note = note.content;
      const list = validationAt(sheet, row, col);
      if (list) cell.validation = listItems(list);
      const merge = sheet.merges.find((m) => contains(m, row, col));
      if (merge && merge.top === row && merge.left === col)
        cell.span = { rows: merge.bottom - merge.top + 1, cols: merge.right - merge.left + 1 };
      else if (merge) cell.hiddenByMerge = true;
      line.push(cell);
    }
    cells.push(line);
  }
  const columnWidths: Record<number, number> = {};
  for (const [col, w] of sheet.columnWidths) if (col >= left && col <= right) columnWidths[col] = w;
  const selectionText = selection
    ? selection.top === selection.bottom && selection.left === selection.right
      ? cellAddress(selection.top, selection.left)
      : `${cellAddress(selection.top, selection.left)}:${cellAddress(selection.bottom, selection.right)}`
    : null;
  return { sheet: sheet.name, sheets: book.sheets.map((s) => s.name), top, left, bottom, right, cells, columnWidths, selection: selectionText, frozen: sheet.frozen ? { ...sheet.frozen } : null };
}
