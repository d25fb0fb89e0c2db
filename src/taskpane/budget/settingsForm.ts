/**
 * The 设置 form works on text (what the user is typing) and turns it into engine Settings only on save,
 * so a half-typed "9" never triggers a detection and errors are shown beside the field that caused them.
 * Thresholds are shown as percentages because that is how finance staff read them (90, not 0.9).
 */
import { SCHEMES, type SchemeId, type Settings } from '../../core';

export interface SettingsDraft {
  /** 执行率阈值, percent. */
  execution: string;
  /** 调整率阈值, percent. */
  adjustment: string;
  /** 截至月份 "1".."12", or "" for year end. */
  month: string;
  notes: boolean;
  /** 评分方案: 'auto' or a scheme id (schemes.ts). */
  scheme: 'auto' | SchemeId;
}

export type DraftErrors = Partial<Record<'execution' | 'adjustment' | 'month', string>>;

const toPercentText = (x: number) => String(Math.round(x * 10000) / 100);

export function draftFromSettings(s: Settings): SettingsDraft {
  return {
    execution: toPercentText(s.executionThreshold),
    adjustment: toPercentText(s.adjustmentThreshold),
    month: s.asOfMonth === undefined ? '' : String(s.asOfMonth),
    notes: s.notes,
    scheme: s.scheme ?? 'auto',
  };
}

function parsePercent(text: string, max: number): number | null {
  const t = text.trim().replace(/[%％]$/, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 && n <= max ? n / 100 : null;
}

export function settingsFromDraft(d: SettingsDraft, base: Settings): { settings: Settings | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const execution = parsePercent(d.execution, 100);
  if (execution === null) errors.execution = '请输入 0 到 100 之间的百分数，如 90';
  const adjustment = parsePercent(d.adjustment, 1000);
  if (adjustment === null) errors.adjustment = '请输入 0 到 1000 之间的百分数，如 50';
  let asOfMonth: number | undefined;
  if (d.month !== '') {
    const m = Number(d.month);
    if (Number.isInteger(m) && m >= 1 && m <= 12) asOfMonth = m;
    else errors.month = '截至月份应为 1 到 12 月';
  }
  if (Object.keys(errors).length > 0) return { settings: null, errors };
  return {
    settings: {
      ...base,
      executionThreshold: execution!,
      adjustmentThreshold: adjustment!,
      asOfMonth,
      notes: d.notes,
      scheme: d.scheme,
      // A named scheme sets the scoring everywhere; 'auto' keeps the scoring chosen in the indicator settings.
      scoring: d.scheme === 'auto' ? base.scoring : { ...SCHEMES[d.scheme].scoring },
    },
    errors,
  };
}
