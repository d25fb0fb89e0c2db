/**
 * A short fingerprint of what the engine reads from a sheet (values, formulas, formats, merges, rules, notes) and
 * of the choices it was read with. 写入 applies the plan the user previewed only when the sheet it was made for
 * still has the same fingerprint: a sheet switched to, edited or re-formatted since asks for a new 识别.
 */
import type { SheetSnapshot } from '../../core';

/** FNV-1a over the JSON text, two seeds: collisions between a sheet and its edited self are not a concern. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}`;
}

export function sheetFingerprint(snapshot: SheetSnapshot, ...choices: unknown[]): string {
  const { name, originRow, originCol, values, formulas, numberFormats, merges, conditionalFormats, notes } = snapshot;
  return hash(JSON.stringify([name, originRow, originCol, values, formulas, numberFormats, merges, conditionalFormats, notes, choices]));
}
