/**
 * Years in titles, headers, notes and sheet names, and moving them to next year.
 * In cell text only a year that reads as one counts: four digits 2000–2099 followed by 年 ("2021年", "2021 年度",
 * "2020—2021年") or after a 年度 / 年份 label ("年度：2021"); a number inside an amount or a document number ("穗财农[2021]38 号")
 * is left alone, and so is a date ("填报日期：2022年5月16日": when the form was filled, not the year it reports).
 * In a sheet name any standalone 20xx counts ("2021项目表"): names carry no amounts.
 */

/**
 * 2021年 / 2021 年度 / the first year of a range "2020—2021年" (not the tail of a longer number or of a decimal),
 * or 年度：2021 / 年份 2021. One pattern, so a year matched both ways ("年度2021年") moves once.
 */
const TEXT_YEAR = /(?<![\d.０-９])(20\d{2})(?=\s*年(?!\s*\d{1,2}\s*月)|\s*[-—–~至]\s*20\d{2}\s*年)|((?:年度|年份)\s*[:：]?\s*)(20\d{2})(?!\d)/g;
/** Any standalone 20xx (sheet names). */
const STANDALONE_YEAR = /(?<!\d)(20\d{2})(?!\d)/g;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

/** Years a text names as years. */
export function yearsInText(text: string): number[] {
  return [...text.matchAll(TEXT_YEAR)].map((m) => Number(m[1] ?? m[3]));
}

export function yearsInName(name: string): number[] {
  return [...name.matchAll(STANDALONE_YEAR)].map((m) => Number(m[1]));
}

/** Every year of the text moved by `delta` ("2021年度" + 1 → "2022年度"); keeps relations between several years. */
export function shiftTextYears(text: string, delta: number): string {
  if (delta === 0) return text;
  return text.replace(TEXT_YEAR, (_all, before: string | undefined, label: string | undefined, after: string | undefined) =>
    before !== undefined ? String(Number(before) + delta) : `${label}${Number(after) + delta}`,
  );
}

export function shiftNameYears(name: string, delta: number): string {
  return delta === 0 ? name : name.replace(STANDALONE_YEAR, (y) => String(Number(y) + delta));
}

/** The largest of the years, or null. */
export function latestYear(years: Iterable<number>): number | null {
  let best: number | null = null;
  for (const y of years) if (y >= MIN_YEAR && y <= MAX_YEAR && (best === null || y > best)) best = y;
  return best;
}
