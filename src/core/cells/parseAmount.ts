/**
 * Reading an amount the way finance staff type it: numbers, text with thousands separators ("1,550.00"),
 * full-width digits, a trailing unit ("120万元"), and "--" "—" "/" or blank for not applicable.
 */
import { toHalfWidth } from './text';

export type Amount =
  /** A number; `asText` is set when the cell holds it as text (the formula must convert it). */
  | { kind: 'number'; value: number; asText?: string }
  /** "--", "—", "/", "-", "无": the cell says not applicable. */
  | { kind: 'not-applicable'; text: string }
  | { kind: 'empty' }
  /** Text that is not an amount (a label, a sentence). */
  | { kind: 'text'; text: string };

const NOT_APPLICABLE = /^(-{1,3}|—{1,2}|–|\/|／|无|不适用|n\/?a)$/i;
/** Optional sign, digits with optional thousands separators, optional decimals, optional unit or percent. */
const AMOUNT_TEXT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万元|元|千元|亿元)?$/;

/** Shared: an empty cell is the commonest amount, and nothing changes an Amount after it is made. */
const EMPTY: Amount = Object.freeze({ kind: 'empty' });

export function parseAmount(v: unknown): Amount {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : EMPTY;
  if (typeof v === 'boolean') return { kind: 'text', text: String(v) };
  const raw = String(v);
  const t = toHalfWidth(raw).trim().replace(/，/g, ',');
  if (t === '') return EMPTY;
  if (NOT_APPLICABLE.test(t)) return { kind: 'not-applicable', text: raw.trim() };
  const m = AMOUNT_TEXT.exec(t.replace(/\s+(?=\d)/g, ''));
  if (!m) return { kind: 'text', text: raw.trim() };
  const value = Number(`${m[1]}${m[2].replace(/,/g, '')}${m[3] ?? ''}`);
  return Number.isFinite(value) ? { kind: 'number', value, asText: raw } : { kind: 'text', text: raw.trim() };
}

/** The number in an amount, or null when there is none. */
export function amountValue(a: Amount): number | null {
  return a.kind === 'number' ? a.value : null;
}
