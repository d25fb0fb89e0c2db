/**
 * The standard forms split what the national form writes in one cell ("≥1000人") over three: 指标性质 (≥, ＝, ﹦,
 * ≧, ＞, ≤, ≦, ＜, 定量 / 定性), 指标值 (1000) and 度量单位 (人). Joined back, the value reads like any other target,
 * so the rest of the engine (parse, completion, score) needs no second path.
 */
import { toHalfWidth } from '../cells/text';

export type NatureSign = '>=' | '<=' | '=' | 'qualitative' | 'quantitative' | null;

/**
 * The comparison a 指标性质 cell states. ﹦ (U+FE66, a small equals sign) is really used in filed forms; ＞ and ＜ are
 * read as ≥ and ≤ (forms write ＞ for "at least", and the scoring is the same).
 */
export function natureSign(text: string): NatureSign {
  const t = toHalfWidth(text).replace(/\s+/g, '').replace(/[﹦＝]/g, '=').replace(/﹥/g, '>').replace(/﹤/g, '<');
  if (t === '') return null;
  if (/^(>=|≥|≧|⩾|>|≻|大于等于|不低于|不少于)$/.test(t)) return '>=';
  if (/^(<=|≤|≦|⩽|<|小于等于|不高于|不超过|不多于)$/.test(t)) return '<=';
  if (/^(=|==|等于)$/.test(t)) return '=';
  if (/^定性(指标)?$/.test(t)) return 'qualitative';
  if (/^定量(指标)?$/.test(t)) return 'quantitative';
  return null;
}

const SIGN_TEXT: Record<'>=' | '<=' | '=', string> = { '>=': '≥', '<=': '≤', '=': '=' };

/** A bare number ("1000", "95.5"), as typed in a 指标值 / 完成值 cell. */
const BARE_NUMBER = /^\s*[+-]?\d[\d,]*(\.\d+)?\s*$/;

/** The value with its unit ("95" + "%" → "95%"); a value that already carries text is left as it is. */
export function withUnit(value: string, unit: string): string {
  return unit !== '' && BARE_NUMBER.test(value) ? `${value.trim()}${unit}` : value;
}

/** "≥" + "1000" + "人" → "≥1000人"; a value that already states its comparison keeps it. */
export function joinTarget(nature: string, value: string, unit: string): string {
  const sign = natureSign(nature);
  const text = withUnit(value, unit);
  if (sign === null || sign === 'qualitative' || sign === 'quantitative' || !BARE_NUMBER.test(value)) return text;
  return `${SIGN_TEXT[sign]}${text}`;
}
