/**
 * Finds the numbers in a normalised text, each with its unit and the context that decides whether it can be
 * an indicator value: years ("2022年", "2021-2022学年"), dates ("12月"), ordinals ("第3"), restated targets and
 * completion ratios ("完成指标任务（2.55 万人）的 200.39%"), and changes ("同比增长 128.8%").
 */
import { readUnit } from './units';

export interface NumberToken {
  /** Offsets in the normalised text: the number starts at `start`; `end` is after its unit. */
  start: number;
  end: number;
  /** The number as written, without thousands separators. */
  written: number;
  /** In the base unit (written × scale). */
  value: number;
  unit: string | null;
  scale: number;
  /** A year, a date or an ordinal: never a value. */
  calendar: boolean;
  /** After "完成…指标/目标/任务" in the same clause: the printed completion ratio or the target restated. */
  completionContext: boolean;
  /** After 同比, 增长, 比上年…: a change, not the level. */
  changeContext: boolean;
  /** Text of the clause before the number (since the last , ; : 。), for comparison words. */
  clausePrefix: string;
}

const NUMBER = /(?<![\d.])(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/g;

/** Years, including ranges: "2022年", "2021-2022学年", "2020—2021". */
const YEAR = /(?<![\d.])(?:19|20)\d{2}(?:[-~—至](?:19|20)\d{2}(?=年|学年|年度|$|[^\d])|(?=年|学年|届))/g;
/** Month and optional day: "12月", "6月30日". Not "3个月" (a duration: the 个 breaks the match). */
const MONTH_DAY = /(?<![\d.])(?:1[0-2]|0?[1-9])月(?:(?:[12]\d|3[01]|0?[1-9])[日号])?/g;
/** Ordinals and list numbers: "第3", "第二十". */
const ORDINAL = /第\d+/g;

const CLAUSE_BREAK = /[,;:。!?！？]/;
/** "完成指标任务", "完成全年指标", "完成年度目标任务", "完成目标": what follows restates the target or the ratio. */
const COMPLETION_MARK = /完成(?:了)?(?:全年|年度|全年度)?(?:的)?(?:指标|目标|计划|任务)/;
/** Changes against another period; the number that follows is a difference or a growth rate. */
const CHANGE_MARK = /同比|环比|增长|增加了|减少了|增幅|降幅|下降|[比较](?:上年|去年|上一年|上年度)|提高了|降低了/;

function spans(text: string, pattern: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(pattern)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function clauseStart(text: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) {
    // A comma between digits is a thousands separator, not a clause break.
    if (text[i] === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    if (CLAUSE_BREAK.test(text[i] ?? '')) return i + 1;
  }
  return 0;
}

/** Every number of `text` (already normalised), left to right, with unit and context. */
export function scanNumbers(text: string): NumberToken[] {
  const calendar = [...spans(text, YEAR), ...spans(text, MONTH_DAY), ...spans(text, ORDINAL)];
  const tokens: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const numberEnd = start + m[0].length;
    const written = Number(m[0].replace(/,/g, ''));
    if (!Number.isFinite(written)) continue;
    const reading = readUnit(text, numberEnd);
    const clausePrefix = text.slice(clauseStart(text, start), start);
    tokens.push({
      start,
      end: numberEnd + reading.length,
      written,
      value: toBase(written, reading.scale),
      unit: reading.unit,
      scale: reading.scale,
      calendar: calendar.some(([a, b]) => start < b && numberEnd > a),
      completionContext: COMPLETION_MARK.test(clausePrefix),
      changeContext: CHANGE_MARK.test(clausePrefix),
      clausePrefix,
    });
  }
  return tokens;
}

/**
 * written × scale without binary noise: 17.42 × 10000 is 174200.00000000003 in floating point, and a report
 * compares these values for equality ("70,442 人" twice is one candidate, not two).
 */
export function toBase(written: number, scale: number): number {
  return Number((written * scale).toPrecision(12));
}
