/**
 * A read-only view over a SheetSnapshot in worksheet coordinates, with merged cells resolved:
 * every cell of a merged area reads as its top-left cell, as a person reading the sheet would.
 */
import type { CellRect, CellValue, SheetSnapshot } from './snapshot';
import { cellText } from './cells/text';
import { keepShape } from './liveShapes';
import { snapshotSize, type ValueColumns } from './valueColumns';

export class SheetGrid {
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  /** key row*COLS+col of a covered (non top-left) merged cell → its merged area. */
  private readonly mergedOwner = new Map<number, CellRect>();
  private readonly mergeAt = new Map<number, CellRect>();
  /** The snapshot's value columns when it has them (read by index: its rows are then never made). */
  private readonly columns: ValueColumns | null;

  constructor(readonly snapshot: SheetSnapshot) {
    this.firstRow = snapshot.originRow;
    this.firstCol = snapshot.originCol;
    this.columns = snapshot.valueColumns ?? null;
    const size = snapshotSize(snapshot);
    this.lastRow = snapshot.originRow + size.rows - 1;
    this.lastCol = snapshot.originCol + Math.max(size.cols, 1) - 1;
    for (const m of snapshot.merges) {
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) {
          this.mergeAt.set(this.key(r, c), m);
          if (r !== m.top || c !== m.left) this.mergedOwner.set(this.key(r, c), m);
        }
    }
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  /** The value stored in the cell itself (merged cells other than the top-left are empty). */
  rawValue(row: number, col: number): CellValue {
    if (this.columns) return row < this.firstRow || col < this.firstCol ? null : this.columns.value(row - this.firstRow, col - this.firstCol);
    const r = this.snapshot.values[row - this.firstRow];
    if (!r) return null;
    const v = r[col - this.firstCol];
    return v === undefined ? null : v;
  }

  /** The cell's own number when it holds a finite one, else NaN: a loop over amounts reads it without a box. */
  rawNumber(row: number, col: number): number {
    if (this.columns) return row < this.firstRow || col < this.firstCol ? NaN : this.columns.number(row - this.firstRow, col - this.firstCol);
    const v = this.rawValue(row, col);
    return typeof v === 'number' && v - v === 0 ? v : NaN;
  }

  /** The value a reader sees: a covered merged cell shows its area's top-left value. */
  value(row: number, col: number): CellValue {
    // Most sheets merge few cells (a title), many none: no lookup per cell then.
    if (this.mergedOwner.size === 0) return this.rawValue(row, col);
    const owner = this.mergedOwner.get(this.key(row, col));
    return owner ? this.rawValue(owner.top, owner.left) : this.rawValue(row, col);
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  /**
   * The text a person sees: a number in a percent-formatted cell reads as a percentage (0.95 in a "0%" cell is
   * "95%"), as typed; anything else as text().
   */
  displayText(row: number, col: number): string {
    const v = this.value(row, col);
    const format = typeof v === 'number' ? this.numberFormat(row, col) : null;
    if (typeof v !== 'number' || !format || !format.includes('%')) return this.text(row, col);
    const decimals = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${(v * 100).toFixed(decimals)}%`;
  }

  formula(row: number, col: number): string | null {
    const r = this.snapshot.formulas[row - this.firstRow];
    if (!r) return null;
    return r[col - this.firstCol] ?? null;
  }

  numberFormat(row: number, col: number): string | null {
    const r = this.snapshot.numberFormats?.[row - this.firstRow];
    if (!r) return null;
    return r[col - this.firstCol] ?? null;
  }

  /** The merged area the cell belongs to, if any. */
  mergeOf(row: number, col: number): CellRect | undefined {
    return this.mergeAt.size === 0 ? undefined : this.mergeAt.get(this.key(row, col));
  }

  /** True when the cell is covered by a merge it does not own (writing there is lost in Excel). */
  isCoveredByMerge(row: number, col: number): boolean {
    return this.mergedOwner.size !== 0 && this.mergedOwner.has(this.key(row, col));
  }

  /** What the user put in the cell: its formula, else its value (null when empty). */
  input(row: number, col: number): string | number | boolean | null {
    const f = this.formula(row, col);
    if (f) return f;
    const v = this.rawValue(row, col);
    return v === '' ? null : v;
  }

  /** True when the whole row (within the sheet's columns) is empty. */
  isRowEmpty(row: number, fromCol = this.firstCol, toCol = this.lastCol): boolean {
    for (let c = fromCol; c <= toCol; c++) if (this.text(row, c) !== '') return false;
    return true;
  }
}

/** A grid of no cells, kept alive for its shape (liveShapes.ts). */
export const EMPTY_GRID = keepShape(new SheetGrid({ name: '', originRow: 1, originCol: 1, values: [], formulas: [], merges: [] }));
