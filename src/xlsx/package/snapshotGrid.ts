/**
 * The snapshot's grids made rectangular, and merged areas shown as Excel shows them. Rows are made at their
 * exact size; rows without formulas, without a format other than General, or without any value share one frozen
 * row each (most rows of a big table): the engine only reads the grids, and a write to a shared row would throw.
 */
import type { CellRect, ValueColumns } from '../../core';

export const GENERAL = 'General';

/** A packed array of `n` times `value`. */
export function filled<T>(n: number, value: T): T[] {
  const a: T[] = [];
  for (let i = 0; i < n; i++) a.push(value);
  return a;
}

/** `row` at exactly `n` cells, the rest `value` (a copy: its backing store has no spare room). */
function exact<T>(row: T[], n: number, value: T): T[] {
  while (row.length < n) row.push(value);
  return row.slice();
}

/** Row `r` of a grid set, by push when it is the next one (the grid stays packed). */
function put<T>(grid: T[], r: number, row: T): void {
  if (r < grid.length) grid[r] = row;
  else grid.push(row);
}

/** Every row lastCol wide (packed: the engine indexes freely); rows never made become the shared constant rows. */
export function pad(formulas: (string | null)[][], numberFormats: string[][], lastRow: number, lastCol: number): void {
  formulas.length = Math.min(formulas.length, lastRow);
  numberFormats.length = formulas.length;
  const noFormulas = Object.freeze(filled<string | null>(lastCol, null)) as (string | null)[];
  const general = Object.freeze(filled(lastCol, GENERAL)) as string[];
  for (let r = 0; r < lastRow; r++) {
    const f = formulas[r];
    const nf = numberFormats[r];
    put(formulas, r, f ? exact(f, lastCol, null) : noFormulas);
    put(numberFormats, r, nf ? exact(nf, lastCol, GENERAL) : general);
  }
}

/** Excel shows the cells a merged area covers (all but its top-left) as empty, whatever the file holds there. */
export function blankCovered(values: ValueColumns, formulas: (string | null)[][], merges: CellRect[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r <= values.rowCount; r++) {
      const f = formulas[r - 1];
      for (let c = m.left; c <= m.right && c <= values.colCount; c++) {
        if (r === m.top && c === m.left) continue;
        values.clear(r - 1, c - 1);
        // A shared constant row is empty already (and frozen).
        if (f[c - 1] !== null) f[c - 1] = null;
      }
    }
  }
}
