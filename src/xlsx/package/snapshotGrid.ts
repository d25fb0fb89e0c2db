/** The snapshot's grids made rectangular, and merged areas shown as Excel shows them. */
import type { CellRect, CellValue } from '../../core';

export const GENERAL = 'General';

/** Every row lastCol wide, gaps filled (by push: the arrays stay packed), so the engine can index freely. */
export function pad(values: CellValue[][], formulas: (string | null)[][], numberFormats: string[][], lastRow: number, lastCol: number): void {
  values.length = Math.min(values.length, lastRow);
  formulas.length = values.length;
  numberFormats.length = values.length;
  for (let r = 0; r < lastRow; r++) {
    if (!values[r]) {
      values[r] = [];
      formulas[r] = [];
      numberFormats[r] = [];
    }
    const v = values[r];
    const f = formulas[r];
    const nf = numberFormats[r];
    while (v.length < lastCol) {
      v.push(null);
      f.push(null);
      nf.push(GENERAL);
    }
  }
}

/** Excel shows the cells a merged area covers (all but its top-left) as empty, whatever the file holds there. */
export function blankCovered(values: CellValue[][], formulas: (string | null)[][], merges: CellRect[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r <= values.length; r++) {
      const v = values[r - 1];
      for (let c = m.left; c <= m.right && c <= v.length; c++) {
        if (r === m.top && c === m.left) continue;
        v[c - 1] = null;
        formulas[r - 1][c - 1] = null;
      }
    }
  }
}

