/**
 * The form a sample workbook takes between the build (scripts/preview-data.ts reads the .xlsx with exceljs
 * in Node) and the browser (the preview loads it into the simulator). Engine snapshots carry what the
 * front end reads — values, formulas, number formats, merges, notes, existing rules — and the extras here
 * carry what only the eye needs: column widths and the cell styles of the file.
 */
import type { SheetSnapshot } from '../core';
import type { CellStyle } from './sim';

export interface PreviewStyleRun {
  /** "B3" or "B3:H4". */
  ref: string;
  style: CellStyle;
}

export interface PreviewSheet {
  snapshot: SheetSnapshot;
  /** Column widths in points, keyed by column number. */
  columnWidths: Record<string, number>;
  /** Row heights in points, where the file sets them (titles, wrapped headers). */
  rowHeights: Record<string, number>;
  styles: PreviewStyleRun[];
}

export interface PreviewWorkbook {
  /** The file it came from, for the page title ("liwan-2021.xlsx"). */
  file: string;
  sheets: PreviewSheet[];
}
