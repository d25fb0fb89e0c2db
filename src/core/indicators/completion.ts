/**
 * Completion (完成率) and score (得分) of one indicator, by the rules of DOMAIN.md §3:
 * - higher is better (≥, 不少于, 以上) and equal (=, 约): full marks when actual ≥ target, else actual/target × weight;
 * - lower is better (≤, 不超过, 投诉数…): 'deviation' (full when actual ≤ target, falling linearly to 0 at twice
 *   the target) or 'ratio' (target/actual × weight) — a setting, because forms differ;
 * - qualitative (落实, 完成…): a band chosen by the user; the engine never guesses one.
 * Over-achievement (> 150 %) is flagged, as seed 002 lost points for it, but never raises the score.
 */
import type { ScoringSettings } from '../settings';
import { unitsCompatible } from './units';
import type { ParsedValue } from './types';

export type IndicatorStatus = 'achieved' | 'short' | 'over' | 'qualitative' | 'unparsed';

/** 完成 / 部分完成 / 未完成 and their share of the weight. */
export type QualitativeBand = 'achieved' | 'partial' | 'not';
export const QUALITATIVE_BANDS: Record<QualitativeBand, readonly [low: number, high: number]> = {
  achieved: [0.8, 1],
  partial: [0.6, 0.8],
  not: [0, 0.6],
};

/** Completion above this is over-achievement: the target was set too low (seed 002, 200.39 %). */
export const OVER_ACHIEVEMENT = 1.5;

export interface Completion {
  /** actual / target for higher, equal and ~; 1 when a lower-is-better target is met, else target / actual; mean of parts. */
  completion: number | null;
  /** One completion per part, for "2000、8000 人" style targets. */
  parts?: number[];
  reason?: string;
}

export interface ScoreOptions {
  lowerIsBetter?: ScoringSettings['lowerIsBetter'];
  /** For qualitative indicators: the band the user chose and where in it (0 = bottom, 1 = top, the default). */
  qualitative?: { band: QualitativeBand; fraction?: number };
}

export interface IndicatorScore extends Completion {
  /** Points out of `weight`; null when the indicator cannot be scored without the user. */
  score: number | null;
  status: IndicatorStatus;
}

interface PartPair {
  target: number;
  actual: number;
}

/** The target and actual numbers side by side, or the reason they cannot be divided. */
function pairParts(target: ParsedValue, actual: ParsedValue): PartPair[] | string {
  if (target.kind === 'unparsed') return `目标值无法解析：${target.reason ?? ''}`;
  if (actual.kind === 'unparsed') return `实际值无法解析：${actual.reason ?? ''}`;
  if (target.kind === 'qualitative') return '定性指标，没有完成率';
  if (actual.kind === 'qualitative') return '目标为数值，实际值只有定性描述';
  if (target.parts.length !== actual.parts.length) {
    return `目标有 ${target.parts.length} 个数，实际值有 ${actual.parts.length} 个，无法逐项对照`;
  }
  const pairs: PartPair[] = [];
  for (let i = 0; i < target.parts.length; i++) {
    const t = target.parts[i]!;
    const a = actual.parts[i]!;
    // Values are already in base units (万人 → 人, 元 → 万元); only the family has to agree.
    if (!unitsCompatible(t.unit, a.unit)) return `单位不一致：目标 ${t.unit ?? '无单位'}，实际 ${a.unit ?? '无单位'}`;
    pairs.push({ target: t.value, actual: a.value });
  }
  return pairs;
}

function isLower(target: ParsedValue): boolean {
  return target.direction === 'lower';
}

/** Completion of one part; null when the target is 0 and the direction needs a division by it. */
function partCompletion(p: PartPair, lower: boolean): number | null {
  if (lower) {
    if (p.actual <= p.target) return 1;
    return p.target / p.actual;
  }
  return p.target === 0 ? null : p.actual / p.target;
}

export function completionRate(target: ParsedValue, actual: ParsedValue): Completion {
  const pairs = pairParts(target, actual);
  if (typeof pairs === 'string') return { completion: null, reason: pairs };
  const lower = isLower(target);
  const parts = pairs.map((p) => partCompletion(p, lower));
  if (parts.some((c) => c === null)) return { completion: null, reason: '目标值为 0，无法计算完成率' };
  const values = parts as number[];
  const completion = values.reduce((s, c) => s + c, 0) / values.length;
  return values.length > 1 ? { completion, parts: values } : { completion };
}

/** Share of the weight (0–1) earned by one part. */
function partShare(p: PartPair, lower: boolean, variant: ScoringSettings['lowerIsBetter']): number {
  if (lower) {
    if (p.actual <= p.target) return 1;
    if (variant === 'ratio') return Math.min(1, p.target / p.actual);
    // 'deviation': 1 − (actual − target)/target, reaching 0 at twice the target (and at once for a target of 0).
    if (p.target <= 0 || p.actual >= 2 * p.target) return 0;
    return 1 - (p.actual - p.target) / p.target;
  }
  if (p.actual >= p.target) return 1; // over-achievement earns no more than full marks
  return p.target > 0 ? Math.max(0, p.actual / p.target) : 0;
}

function qualitativeScore(weight: number, options: ScoreOptions, base: Completion): IndicatorScore {
  const choice = options.qualitative;
  if (!choice) {
    return { ...base, score: null, status: 'qualitative', reason: '定性指标：请选择完成档次（完成 80–100%、部分完成 60–80%、未完成 0–60%）' };
  }
  const band = QUALITATIVE_BANDS[choice.band];
  const fraction = choice.fraction ?? 1;
  if (!band || !(fraction >= 0 && fraction <= 1)) {
    return { ...base, score: null, status: 'qualitative', reason: `档次或档内位置无效（${String(choice.band)}，${fraction}）` };
  }
  return { ...base, score: weight * (band[0] + fraction * (band[1] - band[0])), status: 'qualitative' };
}

/** Score of one indicator out of `weight` points, with its completion and status. */
export function indicatorScore(target: ParsedValue, actual: ParsedValue, weight: number, options: ScoreOptions = {}): IndicatorScore {
  if (!(Number.isFinite(weight) && weight >= 0)) {
    return { completion: null, score: null, status: 'unparsed', reason: `分值无效（${weight}）` };
  }
  const base = completionRate(target, actual);
  if (target.kind === 'qualitative') return qualitativeScore(weight, options, { completion: null, reason: base.reason });

  const pairs = pairParts(target, actual);
  if (typeof pairs === 'string') return { completion: null, score: null, status: 'unparsed', reason: pairs };

  const lower = isLower(target);
  const variant = options.lowerIsBetter ?? 'deviation';
  // Each part of "2000、8000 人" is scored against its own target; the indicator gets the mean.
  const shares = pairs.map((p) => partShare(p, lower, variant));
  const score = (weight * shares.reduce((s, x) => s + x, 0)) / shares.length;

  // A shortfall in any part is a shortfall, even if another part is far over.
  const short = pairs.some((p) => (lower ? p.actual > p.target : p.actual < p.target));
  let status: IndicatorStatus = short ? 'short' : 'achieved';
  if (!short && !lower && base.completion !== null && base.completion > OVER_ACHIEVEMENT) status = 'over';
  return { ...base, score, status };
}
