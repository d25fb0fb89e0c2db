/**
 * The amounts of a table's rows as numbers, read straight from the cells: a number cell (nearly every amount) needs
 * no Amount object, only text is parsed. Kept in typed arrays, one slot per row and amount column, so a
 * 100,000-row table makes three arrays, not 300,000 objects for every collection to copy.
 */
import type { SheetGrid } from '../grid';
import type { CellValue } from '../snapshot';
import { amountValue, parseAmount } from '../cells/parseAmount';
import { isPlainAmount, operand } from './rates';
import { keepShape } from '../liveShapes';

/** Slots of the amount columns in a row. */
export const INITIAL = 0;
export const ADJUSTED = 1;
export const ACTUAL = 2;

export class TableAmounts {
  /** The amount's number (NaN: none) at [row index * 3 + slot]. */
  private readonly values: Float64Array;
  /** What a formula sees there: the number, 0 for an empty cell, NaN for an error ("--", text that is no number). */
  private readonly operands: Float64Array;
  /** 1 when every amount of the row is read by its bare cell reference (none is a number typed as text). */
  private readonly plain: Uint8Array;

  constructor(rows: number) {
    this.values = new Float64Array(rows * 3);
    this.operands = new Float64Array(rows * 3);
    this.plain = new Uint8Array(rows);
  }

  /** Reads row `i` (worksheet row `row`) from the table's amount columns (undefined: the table has none). */
  read(grid: SheetGrid, i: number, row: number, cols: readonly (number | undefined)[]): void {
    let plain = 1;
    for (let slot = 0; slot < 3; slot++) {
      const col = cols[slot];
      const at = i * 3 + slot;
      // Nearly every amount is a number cell: read as a raw double, no value boxed.
      const number = col === undefined ? NaN : grid.rawNumber(row, col);
      if (number === number) {
        this.values[at] = number;
        this.operands[at] = number;
        continue;
      }
      const v: CellValue = col === undefined ? null : grid.rawValue(row, col);
      if (typeof v === 'number' || v === null) {
        // parseAmount's reading of a number or nothing, without the object: a non-finite number is an empty cell.
        const n = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
        this.values[at] = n;
        this.operands[at] = n === n ? n : 0;
        continue;
      }
      const a = parseAmount(v);
      const value = amountValue(a);
      const op = operand(a);
      this.values[at] = value === null ? NaN : value;
      this.operands[at] = op === 'error' ? NaN : op;
      if (!isPlainAmount(a)) plain = 0;
    }
    this.plain[i] = plain;
  }

  /** The amount's number, NaN when it has none (raw: no box in the loops over every row). */
  valueAt(i: number, slot: number): number {
    return this.values[i * 3 + slot];
  }

  /** What a formula sees, NaN for an error (rates.ts's raw-double rules). */
  operandAt(i: number, slot: number): number {
    return this.operands[i * 3 + slot];
  }

  isPlain(i: number): boolean {
    return this.plain[i] === 1;
  }
}

keepShape(new TableAmounts(0));
