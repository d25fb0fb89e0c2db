/**
 * Row bands of a sheet's area: values, formulas and number formats, loaded together and copied into the grid the
 * engine reads. Excel refuses (or answers `values: null` to) a read of more than five million cells on every
 * platform (learn.microsoft.com/office/dev/add-ins/excel/performance; office-js-docs-pr#5821, office-js#4783), so a
 * band never holds more than a million cells, however wide the area.
 */
import type { CellValue } from '../core';
import type { RowBlock } from './payload';
import { jsonBytes } from './payload';

export interface Grid {
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: string[][];
}

/** Cells per band: a fifth of Excel's five-million-cell read limit. */
export const BAND_CELLS = 1_000_000;

/** A read came back with `values: null`: Excel's answer, on some builds, to a read past its cell limit. */
export class NullRead extends Error {
  override readonly name = 'NullRead';
}

export function emptyGrid(rows: number): Grid {
  return { values: new Array(rows), formulas: new Array(rows), numberFormats: new Array(rows) };
}

/** Rows per band for an area this wide: at most `blockRows`, and never more than BAND_CELLS cells. */
export function bandRows(blockRows: number, width: number): number {
  return Math.max(1, Math.min(blockRows, Math.floor(BAND_CELLS / Math.max(1, width))));
}

function toCellValue(v: unknown): CellValue {
  if (v === '' || v === undefined || v === null) return null;
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : String(v);
}

function toFormula(f: unknown): string | null {
  return typeof f === 'string' && f.startsWith('=') ? f : null;
}

/** Row block `b` of `area`: its whole rows, cut back to the area (a null object below the area's end). */
export function queueBand(area: Excel.Range, b: RowBlock): Excel.Range {
  const rows = area.getCell(b.offset, 0).getEntireRow().getResizedRange(b.count - 1, 0);
  return area.getIntersectionOrNullObject(rows).load('values, formulas, numberFormat, rowIndex, rowCount');
}

/** Copies a loaded band into the grid (rows from `top`, the area's first row); returns the bytes it weighed. */
export function copyBand(band: Excel.Range, top: number, grid: Grid): number {
  if (band.isNullObject) return 0;
  if (band.values == null || band.formulas == null || band.numberFormat == null) throw new NullRead(`rows from ${band.rowIndex + 1}`);
  const offset = band.rowIndex + 1 - top;
  band.values.forEach((row, i) => (grid.values[offset + i] = row.map(toCellValue)));
  band.formulas.forEach((row, i) => (grid.formulas[offset + i] = row.map(toFormula)));
  band.numberFormat.forEach((row, i) => (grid.numberFormats[offset + i] = row.map((f) => String(f ?? 'General'))));
  return jsonBytes(band.values) + jsonBytes(band.formulas) + jsonBytes(band.numberFormat);
}
