/**
 * Text helpers for cells typed by people: full-width characters, line breaks inside headers, stray spaces.
 */

/** Hoisted: a regex literal in a function body is a new object on every call, and this runs for every label. */
const FULL_WIDTH = /[\u3000\uff01-\uff5e]/g;

function halfWidthChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
}

/**
 * Full-width ASCII (！ to ～, and the ideographic space) to half-width: "１，５５０．００" → "1,550.00".
 * One replace: labels like "项目1：…" hold a full-width colon, and building the result char by char made garbage.
 */
export function toHalfWidth(s: string): string {
  // Most labels hold no full-width ASCII: a char scan is cheaper than running the replace (and its result) for them.
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x3000 || (code >= 0xff01 && code <= 0xff5e)) return s.replace(FULL_WIDTH, halfWidthChar);
  }
  return s;
}

/** True when the text holds full-width digits (which a plain VALUE() in a formula cannot read). */
export function hasFullWidthDigits(s: string): boolean {
  return /[０-９]/.test(s);
}

/**
 * A header or label reduced to what identifies it: half-width, no whitespace or line breaks,
 * no unit in brackets ("预算数（万元）" → "预算数"), no trailing colon.
 */
export function normalizeLabel(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/[(\[]\s*(单位[:：]?)?\s*(万元|元|千元|亿元|%|％)\s*[)\]]/g, '')
    .replace(/[:：]$/, '');
}

/** Text of a cell value as a person sees it ("" for empty). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).trim();
}
