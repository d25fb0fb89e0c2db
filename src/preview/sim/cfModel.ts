/**
 * Conditional formats of a simulated sheet: Excel's priority order (index 0 wins, `add` puts a rule on top,
 * setting `priority` moves it), and evaluation for display: a custom rule's formula is moved from the
 * top-left cell of its areas' bounding box (office-js#5194) to each cell and computed by HyperFormula.
 */
import type { CellRect } from '../../core';
import { contains, intersect } from './addresses';
import { accessDenied, itemNotFound } from './errors';
import { shiftFormula } from './formulaShift';
import type { SimConditionalFormat, SimSheet } from './sheetModel';
import { topLeftOf } from './limits';

let nextId = 1;

export function addConditionalFormat(sheet: SimSheet, areas: CellRect[]): SimConditionalFormat {
  if (sheet.isProtected) throw accessDenied(sheet.name);
  const rule: SimConditionalFormat = {
    id: `{sim-cf-${nextId++}}`,
    type: 'Custom',
    areas: areas.map((a) => ({ ...a })),
    formula: '',
    fill: null,
    fontColor: null,
    stopIfTrue: false,
  };
  sheet.conditionalFormats.unshift(rule);
  sheet.host.changed(sheet, null);
  return rule;
}

/** A rule copied onto another sheet (a sheet copy): same areas, formula and look, a new id, kept in priority order. */
export function copyConditionalFormat(sheet: SimSheet, rule: SimConditionalFormat): void {
  sheet.conditionalFormats.push({ ...rule, id: `{sim-cf-${nextId++}}`, areas: rule.areas.map((a) => ({ ...a })) });
}

/** Rules with an area inside the rectangle are removed (what ConditionalFormatCollection.clearAll does to them). */
export function clearConditionalFormatsIn(sheet: SimSheet, rect: CellRect): number {
  if (sheet.isProtected) throw accessDenied(sheet.name);
  const before = sheet.conditionalFormats.length;
  const keep = sheet.conditionalFormats.filter((rule) => !rule.areas.some((a) => intersect(a, rect)));
  sheet.conditionalFormats.splice(0, before, ...keep);
  if (keep.length !== before) sheet.host.changed(sheet, null);
  return before - keep.length;
}

export function findConditionalFormat(sheet: SimSheet, id: string): SimConditionalFormat {
  const rule = sheet.conditionalFormats.find((r) => r.id === id);
  if (!rule) throw itemNotFound(`conditional format ${id}`);
  return rule;
}

export function conditionalFormatPriority(sheet: SimSheet, id: string): number {
  return sheet.conditionalFormats.indexOf(findConditionalFormat(sheet, id));
}

/** Priorities beyond the ends clamp to them; negative ones count from the back (Office.js's documented rule). */
export function setConditionalFormatPriority(sheet: SimSheet, id: string, priority: number): void {
  if (sheet.isProtected) throw accessDenied(sheet.name);
  const list = sheet.conditionalFormats;
  const rule = findConditionalFormat(sheet, id);
  list.splice(list.indexOf(rule), 1);
  const target = priority < 0 ? Math.max(0, list.length + 1 + priority) : Math.min(priority, list.length);
  list.splice(target, 0, rule);
  sheet.host.changed(sheet, null);
}

export function deleteConditionalFormat(sheet: SimSheet, id: string): void {
  if (sheet.isProtected) throw accessDenied(sheet.name);
  const list = sheet.conditionalFormats;
  list.splice(list.indexOf(findConditionalFormat(sheet, id)), 1);
  sheet.host.changed(sheet, null);
}

/** Rules with an area that touches any of the rectangles, in priority order. */
export function conditionalFormatsTouching(sheet: SimSheet, rects: CellRect[]): SimConditionalFormat[] {
  return sheet.conditionalFormats.filter((rule) => rule.areas.some((a) => rects.some((r) => intersect(a, r))));
}

function isTrue(result: unknown): boolean {
  if (typeof result === 'boolean') return result;
  if (typeof result === 'number') return result !== 0;
  return false; // text, errors and arrays never trigger a rule
}

export interface ConditionalLook {
  fill?: string;
  fontColor?: string;
  /** Ids of the rules whose formulas were true here. */
  matched: string[];
}

/** Which fill and font colour the rules give the cell: the highest-priority true rule decides each. */
export function evaluateConditionalFormats(sheet: SimSheet, row: number, col: number): ConditionalLook {
  const look: ConditionalLook = { matched: [] };
  for (const rule of sheet.conditionalFormats) {
    if (!rule.formula || !rule.areas.some((a) => contains(a, row, col))) continue;
    const anchor = topLeftOf(rule.areas);
    const formula = shiftFormula(rule.formula, row - anchor.row, col - anchor.col);
    sheet.host.settle();
    let result: unknown;
    try {
      result = sheet.host.hf.calculateFormula(formula, sheet.hfId);
    } catch {
      result = false; // a formula HyperFormula cannot parse behaves like an error: the rule does not apply
    }
    if (!isTrue(result)) continue;
    look.matched.push(rule.id);
    if (look.fill === undefined && rule.fill) look.fill = rule.fill;
    if (look.fontColor === undefined && rule.fontColor) look.fontColor = rule.fontColor;
    if (rule.stopIfTrue) break;
  }
  return look;
}
