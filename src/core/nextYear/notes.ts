/**
 * Notes of the new sheet. The copy carries the source's notes: the user's stay; ours (starting with NOTE_PREFIX,
 * written by the budget and indicator engines about this year's numbers) would be wrong next year and go, leaving
 * the user's part of a shared note. The template's own notes (low execution, over-achievement) are added, below a
 * user's note on the same cell.
 */
import type { SheetSnapshot } from '../snapshot';
import type { Plan } from '../plan';
import { NOTE_PREFIX } from '../budget/flags';
import type { NoteIntent } from './budgetTemplate';

function userPartOf(text: string): string {
  const i = text.indexOf(NOTE_PREFIX);
  return (i >= 0 ? text.slice(0, i) : text).trimEnd();
}

/** Adds the notes to the plan; returns how many of the source's own notes were removed or cut back. */
export function planTemplateNotes(source: SheetSnapshot, intents: NoteIntent[], plan: Plan): number {
  const existing = new Map((source.notes ?? []).map((n) => [`${n.row}:${n.col}`, n.text]));
  const desired = new Map<string, { row: number; col: number; lines: string[] }>();
  for (const n of intents) {
    const key = `${n.row}:${n.col}`;
    const entry = desired.get(key) ?? { row: n.row, col: n.col, lines: [] };
    entry.lines.push(n.text.startsWith(NOTE_PREFIX) ? n.text.slice(NOTE_PREFIX.length) : n.text);
    desired.set(key, entry);
  }
  for (const [key, d] of desired) {
    const before = existing.get(key) ?? null;
    const user = before === null ? '' : userPartOf(before);
    const ours = `${NOTE_PREFIX}${d.lines.join('\n')}`;
    plan.notes.push({ row: d.row, col: d.col, text: user ? `${user}\n${ours}` : ours, before });
  }
  let stale = 0;
  for (const n of source.notes ?? []) {
    const key = `${n.row}:${n.col}`;
    if (desired.has(key) || !n.text.includes(NOTE_PREFIX)) continue;
    stale++;
    const user = userPartOf(n.text);
    if (user) plan.notes.push({ row: n.row, col: n.col, text: user, before: n.text });
    else plan.removeNotes.push({ row: n.row, col: n.col, before: n.text });
  }
  return stale;
}
