/**
 * Notes on flagged cells. Our text starts with NOTE_PREFIX, so a re-run recognises it: a note the user wrote
 * is kept and ours is appended below it; when a flag goes away, only our part is removed.
 */
import type { SheetGrid } from '../grid';
import type { Plan } from '../plan';
import { NOTE_PREFIX } from './flags';
import { flagColumn, type ReadTable } from './readTable';

function userPartOf(text: string): string {
  const i = text.indexOf(NOTE_PREFIX);
  return (i >= 0 ? text.slice(0, i) : text).trimEnd();
}

export function planNotes(grid: SheetGrid, t: ReadTable, plan: Plan) {
  const existing = new Map<string, string>();
  for (const n of grid.snapshot.notes ?? []) existing.set(`${n.row}:${n.col}`, n.text);
  const desired = new Map<string, { row: number; col: number; lines: string[] }>();
  for (const r of t.rows) {
    for (const f of r.rowFlags) {
      const col = flagColumn(t, f.on);
      const key = `${r.row}:${col}`;
      const entry = desired.get(key) ?? { row: r.row, col, lines: [] };
      entry.lines.push(f.message);
      desired.set(key, entry);
    }
  }
  for (const [key, d] of desired) {
    const before = existing.get(key) ?? null;
    const ours = `${NOTE_PREFIX}${d.lines.join('\n')}`;
    const user = before === null ? '' : userPartOf(before);
    const text = user ? `${user}\n${ours}` : ours;
    if (text !== before) plan.notes.push({ row: d.row, col: d.col, text, before });
  }
  // Our notes in this table's rate cells whose flag went away (none to look for on a sheet without notes).
  if (existing.size === 0) return;
  const flagCols = new Set([flagColumn(t, 'executionRate'), flagColumn(t, 'adjustmentRate')]);
  for (const r of t.rows) {
    for (const col of flagCols) {
      const key = `${r.row}:${col}`;
      const before = existing.get(key);
      if (before === undefined || desired.has(key) || !before.includes(NOTE_PREFIX)) continue;
      const user = userPartOf(before);
      if (user) plan.notes.push({ row: r.row, col, text: user, before });
      else plan.removeNotes.push({ row: r.row, col, before });
    }
  }
}
