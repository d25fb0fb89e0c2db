/**
 * Pure helpers for the A1 addresses Excel returns ("Sheet1!F5:F9, Sheet1!F11:F20") and for recognising our
 * own conditional-format rules on a second run (same areas and same formula, however Excel spells them).
 */
import { parseRect, rectAddress, type CellRect } from '../core';
import { sortedForm } from './ruleAreas';

/** Splits a RangeAreas address on commas/semicolons outside quoted sheet names. */
export function splitAreaList(address: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';')) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** "Sheet1!$F$5:$F$9" → { top: 5, left: 6, … }. */
export function areaRect(area: string): CellRect {
  return parseRect(area);
}

/** "Sheet1!$F$5:$F$9" → "F5:F9". */
export function bareArea(area: string): string {
  return rectAddress(parseRect(area));
}

/** A key for a set of areas that ignores order, sheet prefixes, "$" and case. */
export function areasKey(areas: string[]): string {
  return areas
    .map(bareArea)
    .sort()
    .join(',');
}

/** A formula with its case and spaces normalised outside string literals, with a leading "=". */
export function formulaKey(formula: string): string {
  const f = formula.startsWith('=') ? formula : `=${formula}`;
  let out = '';
  let quoted = false;
  for (const ch of f) {
    if (ch === '"') quoted = !quoted;
    if (quoted || ch === '"') out += ch;
    else if (!/\s/.test(ch)) out += ch.toUpperCase();
  }
  return out;
}

/** Same areas and the same formula, both in the engine's form (formula for the first area), whatever the areas' order. */
export function sameRule(a: { ranges: string[]; formula: string }, b: { ranges: string[]; formula: string }): boolean {
  if (areasKey(a.ranges) !== areasKey(b.ranges)) return false;
  return formulaKey(sortedForm(a).formula) === formulaKey(sortedForm(b).formula);
}
