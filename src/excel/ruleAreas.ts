/**
 * Conditional-format rules over many areas, as Excel can take and give them back.
 *
 * - Excel refuses `Worksheet.getRanges(address)` for long lists: InvalidArgument at about 513 areas / 8,200
 *   characters (office-js#5198). A rule over 100,000 projects with a 小计 every 50 rows has ~2,000 areas and
 *   29,642 characters, so a rule is added in parts, each under the limit, one after another in priority.
 * - A rule's formula is taken relative to the top-left cell of the range it is added (or fetched) through, and read
 *   back relative to the top-left cell of the rule's own areas (office-js#5194, "by design"); Excel also lists the
 *   areas in an order of its own. The engine writes and expects formulas relative to the top-left cell of the
 *   rule's first area. So each part's formula is moved to the part's own top-left cell, and what is read back is
 *   put into the engine's form: areas sorted top to bottom, formula relative to the first, parts joined again.
 */
import { parseRect, rectAddress, shiftFormula, type CellRect } from '../core';

/** Below office-js#5198's failures (513 areas, 8,207 characters), with room for Excel's own separators. */
export const RULE_MAX_AREAS = 500;
export const RULE_MAX_CHARS = 8000;

export interface RuleAreas {
  ranges: string[];
  formula: string;
}

interface Cell {
  row: number;
  col: number;
}

const byPosition = (a: CellRect, b: CellRect) => a.top - b.top || a.left - b.left;

function topLeft(rects: CellRect[]): Cell {
  return { row: Math.min(...rects.map((r) => r.top)), col: Math.min(...rects.map((r) => r.left)) };
}

/** The formula written for cell `from`, as it reads for cell `to`. */
export function moveFormula(formula: string, from: Cell, to: Cell): string {
  return shiftFormula(formula, to.row - from.row, to.col - from.col);
}

/**
 * The parts a rule is added as (formula relative to its first area's top-left cell): areas in sheet order, each part
 * under the getRanges limits, its formula moved to the part's own top-left cell (the range it is added through).
 */
export function ruleParts(rule: RuleAreas): RuleAreas[] {
  if (rule.ranges.length === 0) return [];
  const first = parseRect(rule.ranges[0]);
  const rects = rule.ranges.map((r) => parseRect(r)).sort(byPosition);
  const parts: CellRect[][] = [];
  let current: CellRect[] = [];
  let chars = 0;
  for (const r of rects) {
    const length = rectAddress(r).length + 2;
    if (current.length > 0 && (current.length >= RULE_MAX_AREAS || chars + length > RULE_MAX_CHARS)) {
      parts.push(current);
      current = [];
      chars = 0;
    }
    current.push(r);
    chars += length;
  }
  parts.push(current);
  return parts.map((areas) => ({
    ranges: areas.map(rectAddress),
    formula: moveFormula(rule.formula, { row: first.top, col: first.left }, topLeft(areas)),
  }));
}

/** A rule in the engine's form (formula for its first area's top-left cell) with its areas sorted, formula following. */
export function sortedForm(rule: RuleAreas): RuleAreas {
  if (rule.ranges.length === 0) return rule;
  const first = parseRect(rule.ranges[0]);
  const rects = rule.ranges.map((r) => parseRect(r)).sort(byPosition);
  return { ranges: rects.map(rectAddress), formula: moveFormula(rule.formula, { row: first.top, col: first.left }, { row: rects[0].top, col: rects[0].left }) };
}

/** A rule read from Excel (areas in Excel's order, formula for their top-left cell) in the engine's form. */
export function engineForm(read: RuleAreas): RuleAreas {
  const rects = read.ranges.map((r) => parseRect(r)).sort(byPosition);
  if (rects.length === 0) return read;
  return { ranges: rects.map(rectAddress), formula: moveFormula(read.formula, topLeft(rects), { row: rects[0].top, col: rects[0].left }) };
}

export interface JoinedRule extends RuleAreas {
  /** Indexes (into the list read) of the Excel rules this one was added as. */
  members: number[];
}

/**
 * Rules read from Excel, in priority order, in the engine's form, with the consecutive parts of one rule joined:
 * a rule continues the one before when its formula is that rule's formula moved to its own first cell and its
 * areas come after. `same` says whether two rules may be parts of one (same look), when the caller knows it.
 */
export function joinRuleParts(read: RuleAreas[], same: (a: number, b: number) => boolean = () => true): JoinedRule[] {
  const out: JoinedRule[] = [];
  read.map(engineForm).forEach((rule, i) => {
    const last = out[out.length - 1];
    if (last && rule.ranges.length > 0 && same(last.members[0], i)) {
      const lastFirst = parseRect(last.ranges[0]);
      const lastEnd = parseRect(last.ranges[last.ranges.length - 1]);
      const first = parseRect(rule.ranges[0]);
      const continues = byPosition(lastEnd, first) < 0 && moveFormula(last.formula, { row: lastFirst.top, col: lastFirst.left }, { row: first.top, col: first.left }) === rule.formula;
      if (continues) {
        last.ranges.push(...rule.ranges);
        last.members.push(i);
        return;
      }
    }
    out.push({ ...rule, ranges: [...rule.ranges], members: [i] });
  });
  return out;
}
