/**
 * The cell part of a plan as changes to sheetData: cleared rectangles, written rectangles (a filled-down column
 * of formulas becomes one shared formula, as Excel writes it), styles derived from each cell's own format, and
 * shared formulas whose master cell changes detached first (their other cells get their own formula text).
 */
import { type CellInput, type CellRect, cellAddress, columnLetter, parseRect, type RangeWrite, shiftFormula, writeHeight, writeInput, writeResult, writeRowWidth, writeWidth } from '../../core';
import { CellChanges } from './cellChanges';
import { cellXml, detachedCell, type FormulaShare } from './cellXml';
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

/** Excel's columns in a row: a cell as one number is row × COLUMNS + column. */
export const COLUMNS = 16_384;
/** A cell as one number. */
export const cellKey = (row: number, col: number) => row * COLUMNS + col;

function coveredCells(merges: CellRect[]): Set<number> {
  const covered = new Set<number>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(cellKey(r, c));
  return covered;
}

/** A format index that marks a cell the write skips (a merged area covers it). */
const SKIPPED = -2;
/** Smaller writes are kept as their cells' XML; bigger ones as a block whose XML is made as the sheet is written. */
const BLOCK_CELLS = 256;

/** The whole number written at `pos` in `s` (digits only), and where it ends; -1 when there is none. */
function numberAt(s: string, pos: number): { value: number; end: number } {
  let value = 0;
  let end = pos;
  for (; end < s.length; end++) {
    const d = s.charCodeAt(end) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  return { value: end > pos ? value : -1, end };
}

/**
 * A one-column write whose formulas differ only by row (ours never use $ or ranges): written as one shared
 * formula. The first formula is split once at its references; each row's formula is compared with the parts
 * where it stands, its row numbers read as numbers (no expected text built: a 100,000-row column passes here).
 */
function isFilledDown(w: RangeWrite): boolean {
  // The engine's compact columns say so themselves: nothing to compare, no formula text made per row.
  if (w.column) return w.column.height >= 2 && w.column.filledDown !== undefined;
  if (w.inputs.length < 2 || w.inputs[0].length !== 1) return false;
  const first = w.inputs[0][0];
  if (typeof first !== 'string' || !first.startsWith('=')) return false;
  // [text, letters, digits, text, letters, digits, …, text]
  const parts = first.split(/\b([A-Z]{1,3})(\d+)\b/);
  const rows = parts.map((p, i) => (i % 3 === 2 ? Number(p) : 0));
  for (let r = 1; r < w.inputs.length; r++) {
    const f = w.inputs[r][0];
    if (typeof f !== 'string' || w.inputs[r].length !== 1) return false;
    let pos = 0;
    for (let i = 0; i < parts.length; i++) {
      if (i % 3 === 2) {
        const n = numberAt(f, pos);
        // No leading zero: "A05" is not row 5's reference as the first formula wrote it.
        if (n.value !== rows[i] + r || f.charCodeAt(pos) === 48) return false;
        pos = n.end;
      } else {
        if (!f.startsWith(parts[i], pos)) return false;
        pos += parts[i].length;
      }
    }
    if (pos !== f.length) return false;
  }
  return true;
}

export class CellPlanner {
  readonly changes = new CellChanges();
  readonly counts: CellCounts = { cellsWritten: 0, formulasWritten: 0, mergedCellsSkipped: 0, cellsCleared: 0 };
  private area: CellRect | null = null;
  private readonly covered: Set<number>;
  /** Shared formulas whose master is replaced or cleared. */
  private readonly brokenShares = new Set<number>();
  private nextSi: number;

  constructor(
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

  private grow(top: number, left: number, bottom: number, right: number): void {
    const a = this.area;
    this.area = a ? { top: Math.min(a.top, top), left: Math.min(a.left, left), bottom: Math.max(a.bottom, bottom), right: Math.max(a.right, right) } : { top, left, bottom, right };
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
          this.changes.set(row, col, '');
          this.counts.cellsCleared++;
        }
      }
    }
  }

  private styleFor(row: number, col: number, k: number, w: RangeWrite, withFormat: Map<number, number>): number {
    const cleared = this.changes.single(row, col) === '';
    let style = k >= 0 && !cleared ? this.ix.cellStyle[k] : -1;
    if (w.numberFormat !== undefined) {
      // Most cells of a column share their format: each is looked up in styles.xml once per write.
      const own = style;
      style = withFormat.get(own) ?? this.styles.withNumberFormat(Math.max(own, 0), w.numberFormat);
      withFormat.set(own, style);
    }
    if (w.headerStyle) {
      const left = col > 1 ? this.cellAt(row, col - 1) : -1;
      style = this.styles.headerFormat(Math.max(style, 0), left >= 0 ? Math.max(this.ix.cellStyle[left], 0) : undefined);
    }
    return style;
  }

  /**
   * Works out every cell's format now (styles.xml is written before the sheet); the cells' XML is made from the
   * plan's own inputs and results when the sheet is written (a block), or now for a small write.
   */
  write(w: RangeWrite): void {
    const shared = isFilledDown(w);
    const si = shared ? this.nextSi++ : -1;
    const height = writeHeight(w);
    const width = writeWidth(w);
    if (height === 0 || width === 0) return;
    const sharedRef = shared ? `${cellAddress(w.row, w.col)}:${cellAddress(w.row + height - 1, w.col)}` : '';
    const styles = new Int32Array(height * width).fill(SKIPPED);
    const checkCovered = this.covered.size > 0;
    const withFormat = new Map<number, number>();
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    // A filled-down column is all formulas: no formula text is made to count them (only the master's is written).
    const filled = shared && w.column !== undefined;
    for (let r = 0; r < height; r++) {
      const row = w.row + r;
      const pos = findRow(this.ix, row);
      const rowWidth = writeRowWidth(w, r);
      for (let c = 0; c < rowWidth; c++) {
        const col = w.col + c;
        // A write to a cell a merged area covers would land on nothing Excel shows: skipped and counted.
        if (checkCovered && this.covered.has(cellKey(row, col))) {
          this.counts.mergedCellsSkipped++;
          continue;
        }
        const k = pos < 0 ? -1 : findCell(this.ix, pos, col);
        this.noteMaster(k);
        styles[r * width + c] = this.styleFor(row, col, k, w, withFormat);
        const input: CellInput = filled ? '=' : writeInput(w, r, c);
        if (typeof input === 'string' && input.startsWith('=')) this.counts.formulasWritten++;
        this.counts.cellsWritten++;
        if (row < top) top = row;
        if (row > bottom) bottom = row;
        if (col < left) left = col;
        if (col > right) right = col;
      }
    }
    if (bottom >= 0) this.grow(top, left, bottom, right);
    const prefix = this.ix.prefix;
    const letters = Array.from({ length: width }, (_, c) => columnLetter(w.col + c));
    const cell = (row: number, col: number): string | undefined => {
      const r = row - w.row;
      const c = col - w.col;
      const style = styles[r * width + c];
      if (style === SKIPPED) return undefined;
      // A shared formula's other cells only point at the master: their text is not made.
      const input = filled && r > 0 ? '=' : writeInput(w, r, c);
      const isFormula = typeof input === 'string' && input.startsWith('=');
      const share: FormulaShare | undefined = shared ? (r === 0 ? { si, ref: sharedRef } : { si }) : undefined;
      return cellXml(prefix, letters[c] + row, style, input, isFormula ? writeResult(w, r, c) : undefined, share);
    };
    const block = { top: w.row, left: w.col, bottom: w.row + height - 1, right: w.col + width - 1, cell };
    if (height * width > BLOCK_CELLS) this.changes.addBlock(block);
    else
      for (let r = 0; r < height; r++)
        for (let c = 0; c < width; c++) {
          const xml = cell(w.row + r, w.col + c);
          if (xml !== undefined) this.changes.set(w.row + r, w.col + c, xml);
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
          if (this.changes.get(row, col) !== undefined) continue;
          // The cell's own text is not held: it is rewritten as the sheet is written.
          const { prefix } = this.ix;
          const formula = shiftFormula(master.text, row - master.row, col - master.col);
          this.changes.set(row, col, (raw) => detachedCell(raw, prefix, formula));
        }
      }
    }
    return { ...this.counts, changes: this.changes, area: this.area };
  }
}
