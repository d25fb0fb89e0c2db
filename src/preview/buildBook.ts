/**
 * A sample (as converted at build time) becomes a simulated workbook: contents through the simulator's own
 * snapshot loader, then the file's column widths and cell styles so the grid looks like the file in Excel.
 */
import { parseRect } from '../core';
import { loadWorkbookFromSnapshots, type SimWorkbook } from './sim';
import type { PreviewWorkbook } from './sampleTypes';

export function buildBook(data: PreviewWorkbook): SimWorkbook {
  const book = loadWorkbookFromSnapshots(data.sheets.map((s) => s.snapshot));
  for (const s of data.sheets) {
    const sheet = book.sheet(s.snapshot.name);
    for (const [col, points] of Object.entries(s.columnWidths)) sheet.setColumnWidth(Number(col), Number(col), points);
    for (const run of s.styles) sheet.applyStyle(parseRect(run.ref), run.style);
  }
  // Loading is not a user edit: settle the batch now so the first change a listener hears is a real one.
  book.flushChanges();
  return book;
}

/** Row heights in points by sheet: the simulator has no row heights (the front end never reads them). */
export function rowHeightsBySheet(data: PreviewWorkbook): Map<string, Record<string, number>> {
  return new Map(data.sheets.map((s) => [s.snapshot.name, s.rowHeights]));
}
