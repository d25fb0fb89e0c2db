/**
 * One settings object everywhere: the command line's options, the pane's settings (saved in the workbook)
 * and the engine's input have this shape.
 */
import { SCHEME_IDS, SCHEMES, schemeForForm, type SchemeId, type ScoringScheme } from './schemes';

export type AdjustedMeans = 'total' | 'delta';

export interface ScoringSettings {
  /** Points for the 预算执行率 indicator (10 by default; Hubei uses 20). */
  executionWeight: number;
  /** 'linear' = min(rate,100%) × weight; 'jiangxi' = tiers 100%→10, 80–100%→7, 60–80%→5, <60%→0 (scaled to the weight). */
  executionRule: 'linear' | 'jiangxi';
  /** Lower-is-better variant: 'deviation' = (1 − (actual − target)/target) × weight; 'ratio' = target/actual × weight. */
  lowerIsBetter: 'deviation' | 'ratio';
}

export interface Settings {
  /** A project below this execution rate is flagged (low-execution). Fraction, default 0.90. */
  executionThreshold: number;
  /** |adjustment rate| above this is flagged (large-adjustment). Fraction, default 0.50. */
  adjustmentThreshold: number;
  /** Month of the year the data stands at (1–12), for 序时进度 (behind-schedule); undefined = year end, no such flag. */
  asOfMonth?: number;
  /** What the adjusted column holds: decided from the numbers ('auto'), or forced. */
  adjustedMeans: 'auto' | AdjustedMeans;
  /** Replace cells the user typed in the rate columns (listed in the report). */
  overwrite: boolean;
  /** Add flag notes on flagged cells. */
  notes: boolean;
  scoring: ScoringSettings;
  /**
   * The scoring scheme (schemes.ts): 'auto' scores a standard form by its kind's scheme and any other sheet by
   * `scoring`; a named scheme replaces `scoring` everywhere.
   */
  scheme: 'auto' | SchemeId;
}

export const DEFAULT_SETTINGS: Settings = {
  executionThreshold: 0.9,
  adjustmentThreshold: 0.5,
  asOfMonth: undefined,
  adjustedMeans: 'auto',
  overwrite: false,
  notes: true,
  scoring: { executionWeight: 10, executionRule: 'linear', lowerIsBetter: 'deviation' },
  scheme: 'auto',
};

/** Fills the gaps of a partial settings object with the defaults. */
export function withDefaults(partial: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    scoring: { ...DEFAULT_SETTINGS.scoring, ...(partial.scoring ?? {}) },
  };
}

/** Checks a settings object; returns one problem per line, in Chinese and English, or an empty list. */
export function validateSettings(s: Settings): string[] {
  const problems: string[] = [];
  const isFraction = (x: number) => Number.isFinite(x) && x >= 0 && x <= 10;
  if (!isFraction(s.executionThreshold))
    problems.push(`执行率阈值应为 0 到 1 之间的小数，如 0.9 / execution threshold must be a fraction such as 0.9 (got ${s.executionThreshold})`);
  if (!isFraction(s.adjustmentThreshold))
    problems.push(`调整率阈值应为小数，如 0.5 / adjustment threshold must be a fraction such as 0.5 (got ${s.adjustmentThreshold})`);
  if (s.asOfMonth !== undefined && !(Number.isInteger(s.asOfMonth) && s.asOfMonth >= 1 && s.asOfMonth <= 12))
    problems.push(`截至月份应为 1 到 12 的整数 / as-of month must be a whole number from 1 to 12 (got ${s.asOfMonth})`);
  if (s.scheme !== 'auto' && !SCHEME_IDS.includes(s.scheme))
    problems.push(`评分方案应为 ${SCHEME_IDS.join(' / ')} 或 auto / scheme must be one of ${SCHEME_IDS.join(', ')} or auto (got ${String(s.scheme)})`);
  return problems;
}

/**
 * The scheme a sheet is scored by and the settings with its scoring: a named scheme, else (auto) the scheme of the
 * form's kind, else (auto, not a form) the financial-department defaults with the settings' own scoring.
 */
export function schemeSettings(s: Settings, formKind: Parameters<typeof schemeForForm>[0] | null): { scheme: ScoringScheme; settings: Settings } {
  if (s.scheme !== 'auto') return { scheme: SCHEMES[s.scheme], settings: { ...s, scoring: { ...SCHEMES[s.scheme].scoring } } };
  if (formKind === null) return { scheme: SCHEMES['finance-defaults'], settings: s };
  const scheme = SCHEMES[schemeForForm(formKind)];
  return { scheme, settings: { ...s, scoring: { ...scheme.scoring } } };
}
