/**
 * The cell part of a plan as changes to sheetData: cleared rectangles, written rectangles (a filled-down column
 * of formulas becomes one shared formula, as Excel writes it), styles derived from each cell's own format, and
 * shared formulas whose master cell changes detached first (their other cells get their own formula text).
 */
import { type CellInput, type CellRect, cellAddress, parseRect, type RangeWrite, shiftFormula } from '../../core';
import { cellXml, detachedCell } from './cellXml';
import { type CellChanges, setCell } from './sheetData';
import { FORMULA_SHARED_CHILD, FORMULA_SHARED_MASTER, findCell, findRow, type SheetIndex } from './sheetIndex';
import type { Styles } from './styles';

export interface CellCounts {
  cellsWritten: number;
  formulasWritten: number;
  mergedCellsSkipped: number;
  cellsCleared: number;
}

/** The used area of the writes, for the dimension element. */
export interface CellPlanOutcome extends CellCounts {
  changes: CellChanges;
  area: CellRect | null;
}

function coveredCells(merges: CellRect[]): Set<string> {
  const covered = new Set<string>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  return covered;
}

/**
 * A one-column write whose formulas differ only by row (ours never use $ or ranges): written as one shared
 * formula. The first formula is split once at its references; each row's expected text is rebuilt from the parts.
 */
function isFilledDown(w: RangeWrite): boolean {
  if (w.inputs.length < 2 || w.inputs[0].length !== 1) return false;
  const first = w.inputs[0][0];
  if (typeof first !== 'string' || !first.startsWith('=')) return false;
  // [text, letters, digits, text, letters, digits, …, text]
  const parts = first.split(/\b([A-Z]{1,3})(\d+)\b/);
  const rows = parts.map((p, i) => (i % 3 === 2 ? Number(p) : 0));
  for (let r = 1; r < w.inputs.length; r++) {
    let expected = '';
    for (let i = 0; i < parts.length; i++) expected += i % 3 === 2 ? String(rows[i] + r) : parts[i];
    if (w.inputs[r][0] !== expected) return false;
  }
  return true;
}

export class CellPlanner {
  readonly changes: CellChanges = new Map();
  readonly counts: CellCounts = { cellsWritten: 0, formulasWritten: 0, mergedCellsSkipped: 0, cellsCleared: 0 };
  private area: CellRect | null = null;
  private readonly covered: Set<string>;
  /** Shared formulas whose master is replaced or cleared. */
  private readonly brokenShares = new Set<number>();
  private nextSi: number;

  constructor(
    private readonly xml: string,
    private readonly ix: SheetIndex,
    private readonly styles: Styles,
    merges: CellRect[],
    mergesCleared: CellRect[],
  ) {
    this.covered = coveredCells(merges.filter((m) => !mergesCleared.some((x) => x === m)));
    this.nextSi = Math.max(-1, ...ix.shared.keys()) + 1;
  }

  private cellAt(row: number, col: number): number {
    const pos = findRow(this.ix, row);
    return pos < 0 ? -1 : findCell(this.ix, pos, col);
  }

  private noteMaster(k: number): void {
    if (k >= 0 && this.ix.cellFormula[k] === FORMULA_SHARED_MASTER) {
      for (const [si, s] of this.ix.shared) if (s.row === this.rowOfCell(k) && s.col === this.ix.cellCol[k]) this.brokenShares.add(si);
    }
  }

  private rowOfCell(k: number): number {
    // Rows are in order: binary search on cellFrom.
    let lo = 0;
    let hi = this.ix.rowNum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.ix.cellFrom[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return this.ix.rowNum[lo];
  }

  private grow(row: number, col: number): void {
    const a = this.area;
    this.area = a ? { top: Math.min(a.top, row), left: Math.min(a.left, col), bottom: Math.max(a.bottom, row), right: Math.max(a.right, col) } : { top: row, left: col, bottom: row, right: col };
  }

  /** Empties every existing cell inside the rectangles (value and format). */
  clear(rects: CellRect[]): void {
    for (const rect of rects) {
      for (let pos = 0; pos < this.ix.rowNum.length; pos++) {
        const row = this.ix.rowNum[pos];
        if (row < rect.top || row > rect.bottom) continue;
        for (let k = this.ix.cellFrom[pos]; k < this.ix.cellFrom[pos + 1]; k++) {
          const col = this.ix.cellCol[k];
          if (col < rect.left || col > rect.right) continue;
          this.noteMaster(k);
          setCell(this.changes, row, col, '');
          this.counts.cellsCleared++;
        }
      }
    }
  }

  private styleFor(row: number, col: number, w: RangeWrite): number {
    const k = this.cellAt(row, col);
    const cleared = this.changes.get(row)?.get(col) === '';
    let style = k >= 0 && !cleared ? this.ix.cellStyle[k] : -1;
    if (w.numberFormat !== undefined) style = this.styles.withNumberFormat(Math.max(style, 0), w.numberFormat);
    if (w.headerStyle) {
      const left = col > 1 ? this.cellAt(row, col - 1) : -1;
      style = this.styles.headerFormat(Math.max(style, 0), left >= 0 ? Math.max(this.ix.cellStyle[left], 0) : undefined);
    }
    return style;
  }

  write(w: RangeWrite): void {
    const shared = isFilledDown(w);
    const si = shared ? this.nextSi++ : -1;
    const sharedRef = shared ? `${cellAddress(w.row, w.col)}:${cellAddress(w.row + w.inputs.length - 1, w.col)}` : '';
    for (let r = 0; r < w.inputs.length; r++) {
      const inputs = w.inputs[r];
      const row = w.row + r;
      for (let c = 0; c < inputs.length; c++) {
        const col = w.col + c;
        // A write to a cell a merged area covers would land on nothing Excel shows: skipped and counted.
        if (this.covered.has(`${row},${col}`)) {
          this.counts.mergedCellsSkipped++;
          continue;
        }
        const input: CellInput = inputs[c];
        this.noteMaster(this.cellAt(row, col));
        const isFormula = typeof input === 'string' && input.startsWith('=');
        const share = shared ? (r === 0 ? { si, ref: sharedRef } : { si }) : undefined;
        const result = isFormula ? w.results?.[r]?.[c] : undefined;
        setCell(this.changes, row, col, cellXml(this.ix.prefix, cellAddress(row, col), this.styleFor(row, col, w), input, result, share));
        if (isFormula) this.counts.formulasWritten++;
        this.counts.cellsWritten++;
        this.grow(row, col);
      }
    }
  }

  /** Cells of broken shared formulas that are not themselves rewritten get their own formula text. */
  finish(): CellPlanOutcome {
    for (const si of this.brokenShares) {
      const master = this.ix.shared.get(si)!;
      const area = master.ref ? parseRect(master.ref) : { top: master.row, left: master.col, bottom: master.row, right: master.col };
      for (let pos = 0; pos < this.ix.rowNum.length; pos++) {
        const row = this.ix.rowNum[pos];
        if (row < area.top || row > area.bottom) continue;
        for (let k = this.ix.cellFrom[pos]; k < this.ix.cellFrom[pos + 1]; k++) {
          if (this.ix.cellFormula[k] !== FORMULA_SHARED_CHILD || this.ix.cellSi.get(k) !== si) continue;
          const col = this.ix.cellCol[k];
          if (this.changes.get(row)?.has(col)) continue;
          const raw = this.xml.slice(this.ix.cellStart[k], this.ix.cellEnd[k]);
          setCell(this.changes, row, col, detachedCell(raw, this.ix.prefix, shiftFormula(master.text, row - master.row, col - master.col)));
        }
      }
    }
    return { ...this.counts, changes: this.changes, area: this.area };
  }
}
