/**
 * The columns a user may map a role to in the 识别 tab, labelled with the header text above them, so the
 * Dropdown reads "C · 年初预算数" rather than a bare letter. Pure: works on the engine's snapshot.
 */
import { columnLetter, columnNumber, tableKey, type SheetSnapshot, type TableReport } from '../../core';
import type { ColumnChoice } from './types';

/** The text a reader sees in a cell, with merged areas resolved to their top-left cell. */
function cellText(s: SheetSnapshot, row: number, col: number): string {
  const m = s.merges.find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
  const [r, c] = m ? [m.top, m.left] : [row, col];
  const v = s.values[r - s.originRow]?.[c - s.originCol];
  return v === null || v === undefined ? '' : String(v).replace(/\s+/g, '');
}

export function columnChoicesFor(s: SheetSnapshot, t: TableReport): ColumnChoice[] {
  const width = s.values.reduce((w, r) => Math.max(w, r.length), 0);
  const choices: ColumnChoice[] = [];
  const seen = new Set<string>();
  for (let col = s.originCol; col < s.originCol + width; col++) {
    const parts: string[] = [];
    for (const row of t.headerRows) {
      const text = cellText(s, row, col);
      if (text && !parts.includes(text)) parts.push(text);
    }
    const letter = columnLetter(col);
    if (parts.length === 0) continue;
    choices.push({ letter, label: parts.join(' / ') });
    seen.add(letter);
  }
  // Columns the engine adds have no header yet; keep them choosable so the current mapping always shows.
  const mapped = Object.values(t.columns).filter((l): l is string => typeof l === 'string');
  for (const letter of mapped) if (!seen.has(letter)) choices.push({ letter, label: '（新增列）' });
  return choices.sort((a, b) => columnNumber(a.letter) - columnNumber(b.letter));
}

export function columnChoicesForSheet(s: SheetSnapshot, tables: TableReport[]): Record<string, ColumnChoice[]> {
  const out: Record<string, ColumnChoice[]> = {};
  for (const t of tables) if (t.sheet === s.name) out[tableKey(t.sheet, t.headerRows[0])] = columnChoicesFor(s, t);
  return out;
}
