/**
 * Next year's sheet name: the years of the name advanced ("2021年项目表" → "2022年项目表"), or, for a name without a
 * year, a suffix that says which year ("表1-2（2022年）") or, when no year is known anywhere, "（下一年度）".
 * Excel's rules are kept: at most 31 characters, none of [ ] : * ? / \, no apostrophe at either end.
 */
import { shiftNameYears, yearsInName } from './years';

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
export const UNKNOWN_YEAR_SUFFIX = '（下一年度）';

/** A name Excel accepts: forbidden characters replaced, apostrophes trimmed at the ends, cut to 31 characters. */
export function validSheetName(name: string, max = MAX_SHEET_NAME): string {
  const cleaned = name.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '');
  // Cut by code points, so a character outside the BMP is never split.
  return [...cleaned].slice(0, max).join('').replace(/'+$/, '') || 'Sheet';
}

export function yearSuffix(year: number | null): string {
  return year === null ? UNKNOWN_YEAR_SUFFIX : `（${year}年）`;
}

/**
 * The name of the sheet that follows `name`. `delta` moves the years the name carries (null when the sheet's year
 * is unknown); `year` is next year, for the suffix of a name that carries none.
 */
export function nextSheetName(name: string, year: number | null, delta: number | null): string {
  if (yearsInName(name).length > 0 && delta !== null) return validSheetName(shiftNameYears(name, delta));
  const suffix = yearSuffix(year);
  return validSheetName(name, MAX_SHEET_NAME - [...suffix].length) + suffix;
}

/** A bracketed suffix at the end of a name ("（2022年）"), kept whole when the name is cut. */
const SUFFIX = /（[^（）]*）$/;

function splitSuffix(name: string): [head: string, suffix: string] {
  const m = SUFFIX.exec(name);
  return m ? [name.slice(0, m.index), m[0]] : [name, ''];
}

/**
 * `name`, or its twin "name~2", "name~3"… when `taken` already holds it (case-insensitive, as Excel compares). The
 * mark goes before a year suffix, the head is cut to fit: "…明细汇~2（2022年）".
 */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  const [head, suffix] = splitSuffix(name);
  for (let n = 2; ; n++) {
    const mark = `~${n}`;
    const candidate = validSheetName(head, MAX_SHEET_NAME - [...suffix].length - mark.length) + mark + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** True when `name` is `target` or a twin of it made by uniqueSheetName. */
export function isNameOrTwin(name: string, target: string): boolean {
  const a = name.toLowerCase();
  const t = target.toLowerCase();
  if (a === t) return true;
  const [head, suffix] = splitSuffix(a);
  const m = /^(.*)~\d+$/.exec(head);
  return m !== null && t.endsWith(suffix) && t.startsWith(m[1]!);
}
