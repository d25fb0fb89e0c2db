/**
 * Reads a target cell (年度指标值 / 预期值): comparison, number, unit, or a qualitative word. DOMAIN.md §4:
 * "Values mix comparison, number and unit in one cell, and must be split … What cannot be parsed is shown as
 * such, never guessed." So a cell with two unrelated numbers is unparsed, not "the first one".
 */
import { isBlankValue, normalizeText, targetClause } from './normalize';
import { scanNumbers, toBase, type NumberToken } from './tokens';
import { resolveUnit } from './units';
import { unparsed, type Comparison, type Direction, type ParsedValue, type ValuePart } from './types';

export interface ParseOptions {
  /** Unit for a bare number, e.g. from the column header "人数（万人）": "58" then reads as 580000 人. */
  preferUnit?: string;
  /** The indicator's name (三级指标): 投诉数, 差错率… make a bare target lower-is-better. */
  name?: string;
}

/** Words before the number. Sorted longest first so "不超过" is read before "超过" and "不低于" before "低于". */
const PREFIX_COMPARISONS: Array<[string, Exclude<Comparison, null>]> = (
  [
    ['不得超过', '<='], ['不超过', '<='], ['不超出', '<='], ['不超', '<='], ['不高于', '<='], ['不大于', '<='],
    ['不多于', '<='], ['控制在', '<='], ['低于', '<='], ['少于', '<='], ['小于', '<='], ['<=', '<='], ['<', '<='],
    ['不得低于', '>='], ['不少于', '>='], ['不低于', '>='], ['不小于', '>='], ['至少', '>='], ['超过', '>='],
    ['高于', '>='], ['大于', '>='], ['多于', '>='], ['达到', '>='], ['>=', '>='], ['>', '>='],
    ['大约', '~'], ['约为', '~'], ['约', '~'], ['接近', '~'], ['等于', '='], ['=', '='],
  ] as Array<[string, Exclude<Comparison, null>]>
).sort((a, b) => b[0].length - a[0].length);

const PREFIX_PATTERN = new RegExp(
  PREFIX_COMPARISONS.map(([w]) => (w === '约' ? '(?<![节预制契简公条邀违履])约' : w.replace(/[<>=]/g, (c) => `\\${c}`))).join('|'),
  'g',
);

/** Words right after the number and unit; they override a prefix ("控制在 95% 以上" is ≥). */
const SUFFIX_PATTERN = /^(?:及以上|或以上|以上|及以下|或以下|以下|以内|之内|内|左右|上下)/;

/** Qualitative targets and answers (落实 / 落实, 促进 / 促进 in seed 000). Longest first; 是/否/有/无 only alone. */
const QUALITATIVE_WORDS = [
  '达成年度指标', '达成年度目标', '达到预期', '符合要求', '落实', '完成', '促进', '达标', '有效', '达成', '提升',
  '提高', '改善', '较好', '良好', '优良', '显著', '明显', '加强', '保障', '维护', '稳定', '合格', '符合', '满意',
  '及时', '规范', '到位', '实现', '推进', '持续', '完善', '健全',
].sort((a, b) => b.length - a.length);
const WHOLE_ANSWERS = new Set(['是', '否', '有', '无']);
/** Negation right before the word: "未完成", "没有落实", "不达标". ("不断提升" is not: 断 sits in between.) */
const NEGATION = /(?:尚未|没有|未能|未|不)$/;

/**
 * Lower-is-better by the indicator's name (DOMAIN.md §3: 投诉数, 差错率), for targets with no comparison word.
 * Rates of handling complaints or accidents (投诉办复率, 结案率, 处理率…) are higher-is-better and are excluded.
 */
export function directionFromName(name: string): 'lower' | null {
  const n = normalizeText(name ?? '');
  if (/(?:结案|办复|办结|处理|处置|回复|答复|化解|整改|查处|受理|解决|响应|调解)率|满意/.test(n)) return null;
  return /投诉|差错|事故|违规|违纪|违法|失误|出错|错误|逾期|超支|故障|返工|退回/.test(n) ? 'lower' : null;
}

/** The earliest qualitative word of a (normalised) text, with its negation, or undefined. */
export function findQualitativeWord(normalised: string): string | undefined {
  const whole = normalised.replace(/[。.!！]+$/, '');
  if (WHOLE_ANSWERS.has(whole)) return whole;
  let best: { at: number; word: string } | undefined;
  for (const word of QUALITATIVE_WORDS) {
    const at = normalised.indexOf(word);
    if (at >= 0 && (!best || at < best.at)) best = { at, word };
  }
  if (!best) return undefined;
  const negation = NEGATION.exec(normalised.slice(Math.max(0, best.at - 2), best.at));
  return negation ? negation[0] + best.word : best.word;
}

/** The comparison of a value: a suffix after the last number wins, else the last comparison word before the first. */
function readComparison(text: string, first: NumberToken, last: NumberToken): Comparison {
  const suffix = SUFFIX_PATTERN.exec(text.slice(last.end));
  if (suffix) {
    const s = suffix[0];
    if (s.endsWith('以上')) return '>=';
    if (s === '左右' || s === '上下') return '~';
    return '<=';
  }
  let found: Comparison = null;
  for (const m of first.clausePrefix.matchAll(PREFIX_PATTERN)) {
    found = PREFIX_COMPARISONS.find(([w]) => w === m[0])?.[1] ?? found;
  }
  return found;
}

function directionOf(comparison: Comparison, name: string | undefined): Direction {
  if (comparison === '>=') return 'higher';
  if (comparison === '<=') return 'lower';
  if (comparison === '=' || comparison === '~') return 'equal';
  // A bare target ("30000 个") is read as a floor, as the forms score it, unless the name says fewer is better.
  return name && directionFromName(name) === 'lower' ? 'lower' : 'higher';
}

/** Several numbers form one value only when separated by list marks: "2000、8000 人", "3197,12063人". */
const LIST_SEPARATOR = /^(?:、|,|\/|和|及|与)$/;
const RANGE_SEPARATOR = /^(?:-|~|—|至|到)$/;

/** The parts of a list, the earlier bare numbers taking the last number's unit ("2000、8000 人" → both 人). */
function listParts(text: string, tokens: NumberToken[]): ValuePart[] | null {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!LIST_SEPARATOR.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))) return null;
  }
  const last = tokens[tokens.length - 1]!;
  return tokens.map((t) =>
    t.unit === null && t.scale === 1 && last.unit !== null
      ? { value: toBase(t.written, last.scale), unit: last.unit }
      : { value: t.value, unit: t.unit },
  );
}

export function parseIndicatorValue(text: string, opts: ParseOptions = {}): ParsedValue {
  const source = text == null ? '' : String(text);
  const normalised = normalizeText(source);
  if (isBlankValue(normalised)) return unparsed(source, '空白或不适用（--、/），没有指标值');
  const clause = targetClause(normalised);
  const tokens = scanNumbers(clause).filter((t) => !t.calendar);

  if (tokens.length === 0) {
    const word = findQualitativeWord(clause);
    if (word === undefined) return unparsed(source, '没有可读的数字，也没有定性词（落实、完成、达标…）');
    return { text: source, kind: 'qualitative', comparison: null, direction: 'qualitative', value: null, unit: null, scale: 1, parts: [], qualitativeWord: word };
  }

  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const comparison = readComparison(clause, first, last);
  const direction = directionOf(comparison, opts.name);

  if (tokens.length === 1) {
    let { unit, scale, value } = first;
    const preferred = unit === null && opts.preferUnit ? resolveUnit(opts.preferUnit) : null;
    if (preferred) {
      unit = preferred.unit;
      // A multiplier in the header (万人) applies only when the cell did not write its own (1690万).
      if (scale === 1) scale = preferred.scale;
      value = toBase(first.written, scale);
    }
    return { text: source, kind: 'number', comparison, direction, value, unit, scale, parts: [{ value, unit }] };
  }

  const parts = listParts(clause, tokens);
  if (!parts) {
    const gap = clause.slice(first.end, tokens[1]!.start);
    const reason = RANGE_SEPARATOR.test(gap)
      ? `区间值（${clause}），无法确定单一目标值`
      : `含多个数字（${tokens.map((t) => clause.slice(t.start, t.end)).join('、')}），无法确定哪个是指标值`;
    return unparsed(source, reason);
  }
  const units = new Set(parts.map((p) => p.unit));
  const scales = new Set(tokens.map((t) => (t.unit === null && t.scale === 1 ? last.scale : t.scale)));
  return {
    text: source,
    kind: 'multi',
    comparison,
    direction,
    value: null,
    unit: units.size === 1 ? parts[0]!.unit : null,
    scale: scales.size === 1 ? [...scales][0]! : 1,
    parts,
  };
}
