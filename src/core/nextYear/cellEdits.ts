/**
 * Cell-by-cell decisions for one sheet, turned into RangeWrite rectangles at the end: one write per run of
 * consecutive rows in a column that share a purpose and a number format, so a front end sends a column of
 * formulas as one 2D array. A later decision on the same cell replaces an earlier one (a SUM formula wins over
 * the clearing of the same cell), which keeps the planners free of ordering rules.
 */
import type { SheetGrid } from '../grid';
import type { CellInput, RangeWrite } from '../plan';

export interface CellEdit {
  row: number;
  col: number;
  input: CellInput;
  purpose: RangeWrite['purpose'];
  numberFormat?: string;
  headerStyle?: boolean;
}

interface Stored extends CellEdit {
  before: CellInput;
  beforeFormat: string;
}

export class SheetEdits {
  private readonly cells = new Map<string, Stored>();

  /** `grid` is what the sheet holds before the plan (the copy of the source, or the sheet being refreshed); null for a new blank sheet. */
  constructor(private readonly grid: SheetGrid | null) {}

  set(edit: CellEdit): void {
    const before = this.grid ? this.grid.input(edit.row, edit.col) : null;
    const beforeFormat = (this.grid && this.grid.numberFormat(edit.row, edit.col)) ?? 'General';
    this.cells.set(`${edit.row}:${edit.col}`, { ...edit, before, beforeFormat });
  }

  /** Empties a cell that holds a constant (a formula the user wrote there is structure, not a number: it stays). */
  clearConstant(row: number, col: number): boolean {
    if (!this.grid || this.grid.isCoveredByMerge(row, col) || this.grid.formula(row, col)) return false;
    const v = this.grid.rawValue(row, col);
    if (v === null || v === '') return false;
    this.set({ row, col, input: null, purpose: 'value' });
    return true;
  }

  has(row: number, col: number): boolean {
    return this.cells.has(`${row}:${col}`);
  }

  get size(): number {
    return this.cells.size;
  }

  /** Number of edits that match. */
  count(pred: (e: CellEdit) => boolean): number {
    let n = 0;
    for (const e of this.cells.values()) if (pred(e)) n++;
    return n;
  }

  toWrites(): RangeWrite[] {
    const sorted = [...this.cells.values()].sort((a, b) => a.col - b.col || a.row - b.row);
    const writes: RangeWrite[] = [];
    let current: RangeWrite | null = null;
    let last: Stored | null = null;
    for (const e of sorted) {
      const joins =
        current !== null &&
        last !== null &&
        e.col === last.col &&
        e.row === last.row + 1 &&
        e.purpose === last.purpose &&
        e.numberFormat === last.numberFormat &&
        !!e.headerStyle === !!last.headerStyle;
      if (!joins) {
        current = { row: e.row, col: e.col, inputs: [], before: [], purpose: e.purpose };
        if (e.numberFormat !== undefined) {
          current.numberFormat = e.numberFormat;
          current.beforeFormats = [];
        }
        if (e.headerStyle) current.headerStyle = true;
        writes.push(current);
      }
      current!.inputs.push([e.input]);
      current!.before.push([e.before]);
      current!.beforeFormats?.push([e.beforeFormat]);
      last = e;
    }
    return writes;
  }
}
