/**
 * A snapshot's values kept column by column: what the .xlsx reader makes. A 100,000-row sheet is then a few typed
 * arrays (numbers unboxed, a kind byte per cell, a list per column that holds text) instead of 100,000 row arrays
 * with a boxed number per amount: about a third of the memory. The engine reads cells through it (SheetGrid);
 * `snapshot.values` is still there for every other reader, made when first read (and then kept).
 */
import type { CellValue, SheetSnapshot } from './snapshot';
import { defineLazy } from './lazyProperty';

const EMPTY = 0;
const NUMBER = 1;
const OTHER = 2;

/** One column's cells, grown as rows are read. */
class Column {
  kinds: Uint8Array;
  numbers: Float64Array | null = null;
  others: CellValue[] | null = null;

  constructor(capacity: number) {
    this.kinds = new Uint8Array(capacity);
  }

  grow(capacity: number): void {
    const kinds = new Uint8Array(capacity);
    kinds.set(this.kinds);
    this.kinds = kinds;
    if (this.numbers) {
      const numbers = new Float64Array(capacity);
      numbers.set(this.numbers);
      this.numbers = numbers;
    }
  }

  /** At exactly `rows` rows: the growing arrays have up to half their room spare. */
  trim(rows: number): void {
    this.kinds = this.kinds.slice(0, rows);
    if (this.numbers) this.numbers = this.numbers.slice(0, rows);
    if (this.others && this.others.length > rows) this.others.length = rows;
  }
}

export class ValueColumns {
  private columns: Column[] = [];
  private capacity = 1024;
  /** Rows and columns from the snapshot's origin: every row is this wide (as `values` rows are). */
  rowCount = 0;
  colCount = 0;

  /** r, c: 0-based from the snapshot's origin. Nothing to do for an empty cell. */
  set(r: number, c: number, v: CellValue): void {
    if (v === null) return;
    while (r >= this.capacity) {
      this.capacity *= 2;
      for (const col of this.columns) col?.grow(this.capacity);
    }
    let col = this.columns[c];
    if (!col) {
      while (this.columns.length < c) this.columns.push(undefined as unknown as Column);
      col = this.columns[c] = new Column(this.capacity);
    }
    if (typeof v === 'number') {
      col.numbers ??= new Float64Array(this.capacity);
      col.numbers[r] = v;
      col.kinds[r] = NUMBER;
    } else {
      col.others ??= [];
      // Filled in order, so the list stays packed (rows without text hold null).
      while (col.others.length < r) col.others.push(null);
      col.others[r] = v;
      col.kinds[r] = OTHER;
    }
  }

  /** A cell Excel shows empty (covered by a merged area). */
  clear(r: number, c: number): void {
    const col = this.columns[c];
    if (col && r < col.kinds.length) col.kinds[r] = EMPTY;
  }

  /** The reading is done: the sheet is `rows` × `cols` (the used range), the spare room is let go. */
  finish(rows: number, cols: number): void {
    this.rowCount = rows;
    this.colCount = cols;
    this.columns.length = Math.min(this.columns.length, cols);
    for (const col of this.columns) col?.trim(rows);
  }

  /** r, c: 0-based from the snapshot's origin; null outside the used range. */
  value(r: number, c: number): CellValue {
    const col = this.columns[c];
    if (!col || r >= col.kinds.length) return null;
    const kind = col.kinds[r];
    if (kind === NUMBER) return col.numbers![r];
    return kind === OTHER ? col.others![r] : null;
  }

  /** The cell's number when it holds a finite one, else NaN (raw: no box for the engine's loops over amounts). */
  number(r: number, c: number): number {
    const col = this.columns[c];
    if (!col || r >= col.kinds.length || col.kinds[r] !== NUMBER) return NaN;
    const n = col.numbers![r];
    return n - n === 0 ? n : NaN;
  }

  /** The values as rows (each colCount wide), as SheetSnapshot.values has them. */
  rows(): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < this.rowCount; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < this.colCount; c++) row.push(this.value(r, c));
      out.push(row);
    }
    return out;
  }
}

/**
 * A snapshot over value columns: `valueColumns` (not enumerable: copies and JSON see a plain snapshot) for the
 * engine, and `values` made from them when something first reads it, then kept.
 */
export function withValueColumns<T extends Omit<SheetSnapshot, 'values'>>(snapshot: T, columns: ValueColumns): T & Pick<SheetSnapshot, 'values'> {
  Object.defineProperty(snapshot, 'valueColumns', { value: columns, enumerable: false });
  const out = snapshot as T & Pick<SheetSnapshot, 'values'>;
  defineLazy(out as SheetSnapshot, 'values', () => columns.rows());
  return out;
}

/** A snapshot's cell by worksheet row and column (null outside it), without making its rows when it has columns. */
export function snapshotValue(s: SheetSnapshot, row: number, col: number): CellValue {
  const r = row - s.originRow;
  const c = col - s.originCol;
  if (s.valueColumns) return r < 0 || c < 0 ? null : s.valueColumns.value(r, c);
  return s.values[r]?.[c] ?? null;
}

/** Rows and columns of a snapshot's values (its used range), without making its rows when it has columns. */
export function snapshotSize(s: SheetSnapshot): { rows: number; cols: number } {
  if (s.valueColumns) return { rows: s.valueColumns.rowCount, cols: s.valueColumns.colCount };
  return { rows: s.values.length, cols: s.values.reduce((w, r) => Math.max(w, r.length), 0) };
}
