/**
 * 预算执行率 and 预算调整率: the numbers (for the report and flags) and the live Excel formulas that compute
 * the same numbers in the workbook. Both follow one rule so the report never disagrees with the sheet:
 * an empty amount counts as 0, a "--" or unreadable amount makes the rate "--", and so does a zero denominator.
 */
import { cellAddress } from '../snapshot';
import { hasFullWidthDigits, toHalfWidth } from '../cells/text';
import type { Amount } from '../cells/parseAmount';
import type { AdjustedMeans } from '../settings';

/** What a formula sees in an amount cell: a number, or an error (not applicable / not a number). */
export type Operand = number | 'error';

export function operand(a: Amount): Operand {
  if (a.kind === 'number') return a.value;
  if (a.kind === 'empty') return 0;
  return 'error';
}

/**
 * The rules on raw doubles, NaN standing for an error (an operand that is no number, or no rate): readTable's loop
 * over every row uses these, so no number is boxed on the way; the functions below apply them to operands.
 * Finite operands never make NaN here (a zero denominator is tested), so NaN means exactly "error".
 */
export function budgetOfNumbers(initial: number, adjusted: number, means: AdjustedMeans): number {
  return means === 'total' ? adjusted : initial + adjusted;
}

/** 预算执行率 on raw doubles (NaN: no rate). */
export function executionRateOfNumbers(initial: number, adjusted: number, actual: number, means: AdjustedMeans): number {
  const budget = budgetOfNumbers(initial, adjusted, means);
  return budget === 0 ? NaN : actual / budget;
}

/** 预算调整率 on raw doubles (NaN: no rate). */
export function adjustmentRateOfNumbers(initial: number, adjusted: number, means: AdjustedMeans): number {
  const change = means === 'total' ? adjusted - initial : adjusted;
  return initial === 0 ? NaN : change / initial;
}

const raw = (o: Operand): number => (o === 'error' ? NaN : o);
/** A raw double back as a number, or null for NaN. */
export const orNull = (x: number): number | null => (x === x ? x : null);

/** 预算执行率 = 实际支出 / 调整后预算. */
export function executionRate(initial: Amount, adjusted: Amount, actual: Amount, means: AdjustedMeans): number | null {
  return orNull(executionRateOfNumbers(raw(operand(initial)), raw(operand(adjusted)), raw(operand(actual)), means));
}

/** 预算调整率 = (调整后预算 − 年初预算) / 年初预算. */
export function adjustmentRate(initial: Amount, adjusted: Amount, means: AdjustedMeans): number | null {
  return orNull(adjustmentRateOfNumbers(raw(operand(initial)), raw(operand(adjusted)), means));
}

/**
 * How a formula reads an amount cell. A number (or an empty cell) is read as it is; an amount typed as text
 * ("1,550.00", "１２０", "120万元") is converted with SUBSTITUTE + VALUE, which every spreadsheet engine has.
 */
export function amountExpression(row: number, col: number, a: Amount): string {
  const ref = cellAddress(row, col);
  if (a.kind !== 'number' || a.asText === undefined) return ref;
  const subs: [string, string][] = [];
  const seen = new Set<string>();
  for (const ch of a.asText) {
    if (seen.has(ch)) continue;
    seen.add(ch);
    if (ch === ',' || ch === '，' || ch === ' ' || ch === '\u3000') subs.push([ch, '']);
    else if (hasFullWidthDigits(ch) || ch === '．' || ch === '－' || ch === '＋') subs.push([ch, toHalfWidth(ch)]);
  }
  const unit = /(万元|千元|亿元|元)\s*$/.exec(a.asText);
  if (unit) subs.push([unit[1], '']);
  const inner = subs.reduce((e, [from, to]) => `SUBSTITUTE(${e},"${from}","${to}")`, ref);
  return `VALUE(${inner})`;
}

export interface RateCells {
  row: number;
  initialCol: number | undefined;
  adjustedCol: number | undefined;
  actualCol: number | undefined;
  initial: Amount;
  adjusted: Amount;
  actual: Amount;
}

const DASH = '"--"';

/**
 * One flat string from its parts. A template literal leaves a tree of joined pieces that the plan keeps for every
 * row of the table (and the garbage collector copies on every collection); join writes the characters once.
 */
function flat(parts: string[]): string {
  return parts.join('');
}

/** =IFERROR(actual / adjusted budget, "--"), or null when the table lacks a column it needs. */
export function executionRateFormula(c: RateCells, means: AdjustedMeans): string | null {
  if (c.actualCol === undefined || c.adjustedCol === undefined) return null;
  if (means === 'delta' && c.initialCol === undefined) return null;
  const act = amountExpression(c.row, c.actualCol, c.actual);
  const adj = amountExpression(c.row, c.adjustedCol, c.adjusted);
  const budget = means === 'total' ? adj : `(${amountExpression(c.row, c.initialCol!, c.initial)}+${adj})`;
  return flat(['=IFERROR(', act, '/', budget, ',', DASH, ')']);
}

/** =IFERROR((adjusted − initial) / initial, "--") for a total column; =IFERROR(change / initial, "--") for a change. */
export function adjustmentRateFormula(c: RateCells, means: AdjustedMeans): string | null {
  if (c.initialCol === undefined || c.adjustedCol === undefined) return null;
  const init = amountExpression(c.row, c.initialCol, c.initial);
  const adj = amountExpression(c.row, c.adjustedCol, c.adjusted);
  const change = means === 'total' ? `(${adj}-${init})` : adj;
  return flat(['=IFERROR(', change, '/', init, ',', DASH, ')']);
}

/** One past Excel's last row: never a real row, so in a template formula it marks where the row number goes. */
const TEMPLATE_ROW = String(1_048_577);
const PLAIN: Amount = { kind: 'empty' };

/** True when the amount is read by its bare cell reference (no SUBSTITUTE / VALUE around it). */
export function isPlainAmount(a: Amount): boolean {
  return a.kind !== 'number' || a.asText === undefined;
}

/**
 * A rate formula of a table, split where its row number goes: for rows whose amounts are all plain, the formula
 * is these pieces joined with the row number (one string per row, no addresses or pieces built row by row).
 * Made by the formula function itself, so the text is the same by construction. Null when the table lacks a column.
 */
export function rateFormulaPieces(
  formula: (c: RateCells, means: AdjustedMeans) => string | null,
  cols: Pick<RateCells, 'initialCol' | 'adjustedCol' | 'actualCol'>,
  means: AdjustedMeans,
): string[] | null {
  const f = formula({ ...cols, row: Number(TEMPLATE_ROW), initial: PLAIN, adjusted: PLAIN, actual: PLAIN }, means);
  return f === null ? null : f.split(TEMPLATE_ROW);
}

/** True when a formula is one this engine writes (so a re-run may update it without asking). */
export function isOwnRateFormula(formula: string | null): boolean {
  return formula !== null && /^=IFERROR\(.*,"--"\)$/.test(formula.replace(/\s+/g, ''));
}

export const RATE_FORMAT = '0.00%';
