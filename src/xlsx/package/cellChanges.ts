/**
 * The cell changes a plan makes to one sheet, kept small until the sheet is written: a written rectangle is a
 * block (its formats worked out now, its cells' XML made only as the sheet streams out), and single cells
 * (cleared, written) are kept as their XML. A change that keeps most of a cell (restyled, detached from a shared
 * formula) is a rewrite of the cell's own text, made as the sheet streams out: the sheet's text is not held while
 * plans are made. A later change wins over an earlier one on the same cell, as when each change was written at once.
 */

/** A change made of the cell's text as it stands in the sheet (a cell that exists there). */
export type CellRewrite = (raw: string) => string;
/** A cell's new XML ('' removes the cell), or a rewrite of its own. */
export type CellChange = string | CellRewrite;

/** The cell's new XML, given its text in the sheet. */
export const changed = (change: CellChange, raw: string): string => (typeof change === 'string' ? change : change(raw));

export interface CellBlock {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The cell's XML ('' removes the cell), or undefined where the block leaves the cell alone. */
  cell(row: number, col: number): string | undefined;
}

export class CellChanges {
  /** row → column → the cell's new XML ('' removes the cell) or a rewrite of its text. */
  private readonly cells = new Map<number, Map<number, CellChange>>();
  private readonly blocks: CellBlock[] = [];

  get empty(): boolean {
    return this.cells.size === 0 && this.blocks.length === 0;
  }

  set(row: number, col: number, xml: CellChange): void {
    let r = this.cells.get(row);
    if (!r) {
      r = new Map();
      this.cells.set(row, r);
    }
    r.set(col, xml);
  }

  /** A written rectangle: single-cell changes inside it are replaced by it. */
  addBlock(block: CellBlock): void {
    for (let row = block.top; row <= block.bottom; row++) {
      const r = this.cells.get(row);
      if (!r) continue;
      for (const col of [...r.keys()]) if (col >= block.left && col <= block.right && block.cell(row, col) !== undefined) r.delete(col);
      if (r.size === 0) this.cells.delete(row);
    }
    this.blocks.push(block);
  }

  /** The cell's change, or undefined when it does not change. */
  get(row: number, col: number): CellChange | undefined {
    const single = this.cells.get(row)?.get(col);
    if (single !== undefined) return single;
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const b = this.blocks[i];
      if (row < b.top || row > b.bottom || col < b.left || col > b.right) continue;
      const xml = b.cell(row, col);
      if (xml !== undefined) return xml;
    }
    return undefined;
  }

  /** The cell's new XML if it was set as a single cell (not through a block): a cleared cell is ''. */
  single(row: number, col: number): CellChange | undefined {
    return this.cells.get(row)?.get(col);
  }

  /** Every row with a change, in order (marked in a bitmap: a block covers whole runs of rows). */
  rows(): number[] {
    if (this.blocks.length === 0) return [...this.cells.keys()].sort((a, b) => a - b);
    let last = 0;
    for (const row of this.cells.keys()) last = Math.max(last, row);
    for (const b of this.blocks) last = Math.max(last, b.bottom);
    const marked = new Uint8Array(last + 1);
    for (const row of this.cells.keys()) marked[row] = 1;
    for (const b of this.blocks) marked.fill(1, b.top, b.bottom + 1);
    const out: number[] = [];
    for (let row = 0; row <= last; row++) if (marked[row] === 1) out.push(row);
    return out;
  }

  /** One row's changes, column → change (made now: rows are asked for one at a time as the sheet is written). */
  row(row: number): Map<number, CellChange> {
    const out = new Map<number, CellChange>();
    for (const b of this.blocks) {
      if (row < b.top || row > b.bottom) continue;
      for (let col = b.left; col <= b.right; col++) {
        const xml = b.cell(row, col);
        if (xml !== undefined) out.set(col, xml);
      }
    }
    const single = this.cells.get(row);
    if (single) for (const [col, xml] of single) out.set(col, xml);
    return out;
  }
}
