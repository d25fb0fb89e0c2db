/**
 * A cell of a worksheet as the reader meets it: its column from its reference, its value as displayed, its formula
 * (shared formulas expanded from their master).
 */
import { type CellValue, shiftFormula } from '../../core';
import { FORMULA_ARRAY, FORMULA_PLAIN, FORMULA_SHARED_CHILD, FORMULA_SHARED_MASTER, type SheetIndex } from './sheetIndex';
import { ownCopy } from './textChunks';

const UNIX_EPOCH_SERIAL = 25_569;

/** What the reader needs to show a cell's value (its shared strings). */
export interface CellContext {
  sharedStrings: string[];
}

export function cellColumn(ref: string | undefined, previous: number): number {
  if (!ref) return previous + 1;
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

export function displayed(t: string | undefined, v: string, ctx: CellContext): CellValue {
  switch (t) {
    case 's':
      return ctx.sharedStrings[Number(v)] ?? null;
    case 'str':
    case 'inlineStr':
    case 'e':
      return ownCopy(v);
    case 'b':
      return v === '1' || v === 'true';
    case 'd': {
      const ms = Date.parse(v);
      return Number.isNaN(ms) ? ownCopy(v) : ms / 86_400_000 + UNIX_EPOCH_SERIAL;
    }
    default: {
      if (v === '') return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** A cell's formula ("=…"), expanding shared formulas from their master; records the kind in the index. */
export function readFormula(ix: SheetIndex, kinds: Uint8Array, k: number, row: number, col: number, f: Record<string, string> | null, text: string | null): string | null {
  if (!f) return null;
  if (f.t === 'shared' && f.si !== undefined) {
    const si = Number(f.si);
    if (text) {
      kinds[k] = FORMULA_SHARED_MASTER;
      ix.shared.set(si, { si, row, col, text, ref: ownCopy(f.ref ?? '') });
      return `=${text}`;
    }
    const master = ix.shared.get(si);
    kinds[k] = FORMULA_SHARED_CHILD;
    ix.cellSi.set(k, si);
    return master ? `=${shiftFormula(master.text, row - master.row, col - master.col)}` : null;
  }
  if (f.t === 'dataTable') return null;
  kinds[k] = f.t === 'array' ? FORMULA_ARRAY : FORMULA_PLAIN;
  return text ? `=${text}` : null;
}

