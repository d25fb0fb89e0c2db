/**
 * The live formulas a form's own cells get: the budget line's 得分, each indicator's 得分 (the scoring of the built
 * sheet 绩效指标完成情况, computed from the form's own cells), and the 总分. Each reads the cells the user types, so
 * editing an amount, a 完成值 or a 分值 changes the score at once. Every formula starts with one of OWN_STARTS, so a
 * re-run recognises (and may replace) its own, and leaves the user's alone.
 */
import type { SheetGrid } from '../grid';
import { cellAddress } from '../snapshot';
import type { ScoringSettings } from '../settings';
import type { ScoringScheme } from '../schemes';
import type { Direction, ParsedValue } from '../indicators/types';

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** One number in a text cell, ASCII digits: what a formula can read with SUBSTITUTE + VALUE. */
const ONE_NUMBER = /^([^\d]*?)([+-]?\d[\d,]*(?:\.\d+)?)([^\d]*)$/;

/**
 * A formula expression giving the number a cell holds, in the scale the parser read it ("95%" → 95): the cell
 * itself for a number (× 100 in a percent-formatted cell, shown as "95%"), VALUE(SUBSTITUTE(…)) for a text holding
 * one number ("≥1000人", "不少于 70000 名"). Null when the cell holds no single number: then no formula is written.
 * `expected` is the number the engine read: a reading that disagrees with it is refused, never written.
 */
export function numberExpression(grid: SheetGrid, row: number, col: number, expected: number | null): string | null {
  const ref = cellAddress(row, col);
  const v = grid.rawValue(row, col);
  const percent = (grid.numberFormat(row, col) ?? '').includes('%');
  if (typeof v === 'number') {
    const read = percent ? v * 100 : v;
    return expected === null || Math.abs(read - expected) <= 1e-9 * Math.max(1, Math.abs(read)) ? (percent ? `${ref}*100` : ref) : null;
  }
  if (typeof v !== 'string') return null;
  const m = ONE_NUMBER.exec(v);
  if (!m) return null;
  const number = Number(m[2].replace(/,/g, ''));
  if (expected !== null && Math.abs(number - expected) > 1e-9 * Math.max(1, Math.abs(number))) return null;
  let e = ref;
  for (const piece of new Set([m[1], m[3]])) if (piece !== '') e = `SUBSTITUTE(${e},${q(piece)},"")`;
  if (m[2].includes(',')) e = `SUBSTITUTE(${e},",","")`;
  return `VALUE(${e})`;
}

/**
 * The expression for a 完成值 cell not filled in yet: read as the target is written, so "1200" and "1200人" both
 * count once typed ("≥1000人" → the unit 人 is dropped). Null for a percentage target: Excel stores a typed "95%"
 * as 0.95 and a typed "95" as 95, which a formula cannot tell apart without the cell's format.
 */
export function blankActualExpression(row: number, col: number, targetText: string): string | null {
  const m = ONE_NUMBER.exec(targetText.trim());
  const unit = m ? m[3].trim() : '';
  if (/[%％]/.test(unit)) return null;
  const ref = cellAddress(row, col);
  return unit === '' ? `VALUE(${ref})` : `VALUE(SUBSTITUTE(${ref},${q(unit)},""))`;
}

/** The number a parsed value holds in the scale it was written in (what numberExpression reads). */
export function writtenNumber(v: ParsedValue): number | null {
  if (v.kind !== 'number' || v.value === null) return null;
  return Number((v.value / v.scale).toPrecision(12));
}

export interface IndicatorCells {
  /** Expressions of the target and actual numbers (numberExpression). */
  target: string;
  actual: string;
  /** The actual cell, for "not filled in yet". */
  actualRef: string;
  /** The 分值 / 权重 cell. */
  weightRef: string;
  /** actual scale / target scale ("2.55 万人" against "25500 人"): 1 when both are written alike. */
  factor: number;
}

/** 得分 of an indicator row: the rules of completion.ts (DOMAIN.md §3), live; "" until the 完成值 is filled in. */
export function indicatorScoreFormula(c: IndicatorCells, direction: Direction, lowerIsBetter: ScoringSettings['lowerIsBetter']): string | null {
  const A = c.factor === 1 ? c.actual : `(${c.actual}*${c.factor})`;
  const [T, W] = [c.target, c.weightRef];
  let share: string;
  if (direction === 'higher' || direction === 'equal') share = `MIN(MAX(${A}/${T},0),1)`;
  else if (direction === 'lower' && lowerIsBetter === 'ratio') share = `IF(${A}<=${T},1,MIN(1,${T}/${A}))`;
  else if (direction === 'lower') share = `IF(${A}<=${T},1,IF(${T}<=0,0,MAX(0,1-(${A}-${T})/${T})))`;
  else return null;
  return `=IF(OR(${c.actualRef}="",NOT(ISNUMBER(${W}))),"",IFERROR(${W}*${share},""))`;
}

/** 得分 of the budget line: 分值 × MIN(执行率, 1) by default; the scheme's rule and cap otherwise. */
export function budgetScoreFormula(rateRef: string, weight: string, scheme: ScoringScheme): string {
  const r = rateRef;
  const share =
    scheme.scoring.executionRule === 'jiangxi'
      ? `IF(${r}>=1,1,IF(${r}>=0.8,0.7,IF(${r}>=0.6,0.5,0)))`
      : scheme.executionCap
        ? `MIN(MAX(${r},0),1)`
        : `MAX(${r},0)`;
  return `=IF(ISNUMBER(${r}),${weight}*${share},"")`;
}

/** The same rule in numbers, for the report. */
export function budgetShare(rate: number, scheme: ScoringScheme): number {
  if (scheme.scoring.executionRule === 'jiangxi') return rate >= 1 ? 1 : rate >= 0.8 ? 0.7 : rate >= 0.6 ? 0.5 : 0;
  return scheme.executionCap ? Math.min(Math.max(rate, 0), 1) : Math.max(rate, 0);
}

/** 总分: the budget line plus the indicators (unrounded: the sum of the formulas, not of what the cells show). */
export function totalScoreFormula(areas: string[]): string {
  const list = areas.join(',');
  return `=IF(COUNT(${list})=0,"",SUM(${list}))`;
}

/** 得分系数 of a department form: the score as a share of the weight. */
export function coefficientFormula(scoreRef: string, weightRef: string): string {
  return `=IF(AND(ISNUMBER(${scoreRef}),ISNUMBER(${weightRef})),IFERROR(${scoreRef}/${weightRef},""),"")`;
}

const OWN_STARTS = ['=IF(ISNUMBER(', '=IF(OR(', '=IF(COUNT(', '=IF(AND(ISNUMBER('];

/** True for a formula this engine writes into a form's 得分 / 总分 cells. */
export function isOwnFormFormula(formula: string): boolean {
  const f = formula.replace(/\s+/g, '');
  return (OWN_STARTS.some((s) => f.startsWith(s)) && f.includes(',"")')) || /^=IF\(COUNT\(.*\)=0,"",SUM\(.*\)\)$/.test(f);
}

export const SCORE_FORMAT = '0.00';
