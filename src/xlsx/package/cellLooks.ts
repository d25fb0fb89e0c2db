/**
 * Plan.looks as cell formats: every cell of a look's rectangle gets its own format with the look on top (a cell
 * written by the plan, one already there, or an empty one made to carry the format: borders and fills show on
 * empty cells too). Looks apply in the plan's order, so a later one adds to an earlier one (bold totals inside
 * the bordered rows). Runs after the cell writes, on their changes.
 */
import { cellAddress, type RangeLook } from '../../core';
import type { CellChange, CellChanges } from './cellChanges';
import { findCell, findRow, type SheetIndex } from './sheetIndex';
import type { CellLook, Styles } from './styles';
import { withAttrs } from './xml';

/** "#RRGGBB" (or "#RGB") as the ARGB styles.xml uses. */
export const toArgb = (hex: string) => {
  let h = hex.trim().replace(/^#/, '').toUpperCase();
  if (h.length === 3) h = h.replace(/./g, (ch) => ch + ch);
  return h.length === 8 ? h : `FF${h.padStart(6, '0').slice(-6)}`;
};

/** A cell's XML with format `style`: its start tag's `s` set (and `r`, which a changed row needs). */
function restyled(p: string, raw: string, row: number, col: number, style: number): string {
  if (raw === '') return `<${p}c r="${cellAddress(row, col)}" s="${style}"/>`;
  const open = /^<[^>]*>/.exec(raw)![0];
  return withAttrs(open, { r: cellAddress(row, col), s: String(style) }) + raw.slice(open.length);
}

const styleOf = (raw: string) => Number(/^<[^>]*?\ss=["'](\d+)["']/.exec(raw)?.[1] ?? 0);

/**
 * Applies the looks; returns how many cells got a format. A cell of the sheet the plan did not write is restyled
 * as the sheet is written (its text is not held): its format comes from the index, or from an earlier look.
 */
export function applyLooks(ix: SheetIndex, changes: CellChanges, styles: Styles, looks: RangeLook[] | undefined): number {
  const styled = new Set<string>();
  const p = ix.prefix;
  /** Formats given by a look to cells restyled as they are written. */
  const looked = new Map<string, number>();
  for (const look of looks ?? []) {
    const cell: CellLook = { bold: look.bold || undefined, fill: look.fill ? toArgb(look.fill) : undefined, wrap: look.wrap, horizontal: look.horizontal, borders: look.borders };
    const { top, left, bottom, right } = look.rect;
    for (let row = top; row <= bottom; row++) {
      const pos = findRow(ix, row);
      for (let col = left; col <= right; col++) {
        const key = `${row},${col}`;
        const before = changes.get(row, col);
        const k = typeof before === 'string' || pos < 0 ? -1 : findCell(ix, pos, col);
        let next: CellChange;
        if (typeof before === 'string' || k < 0) {
          const raw = typeof before === 'string' ? before : '';
          next = restyled(p, raw, row, col, styles.withLook(styleOf(raw), cell));
        } else {
          const style = styles.withLook(looked.get(key) ?? Math.max(ix.cellStyle[k], 0), cell);
          looked.set(key, style);
          next = before === undefined ? (raw) => restyled(p, raw, row, col, style) : (raw) => restyled(p, before(raw), row, col, style);
        }
        changes.set(row, col, next);
        styled.add(key);
      }
    }
  }
  return styled.size;
}
