/**
 * Reads the actual value (实际完成值 / 实际完成情况) of an indicator, which is often a report sentence rather
 * than a cell value: "已完成，为 528 名在站博士后发放生活补贴共 6900 万元。" The target decides what to look for:
 * a number in the target's unit family (528 名 for "约 500 人", not 6900 万元), never a year, a date, a
 * printed completion ratio or a change against last year. Two different candidates → unparsed, never a guess.
 */
import { isBlankValue, normalizeText } from './normalize';
import { findQualitativeWord, parseIndicatorValue } from './parseValue';
import { scanNumbers, type NumberToken } from './tokens';
import { unitsCompatible } from './units';
import { unparsed, type ParsedValue } from './types';

/** "30.55万人" as written, for reasons shown to the user. */
function written(text: string, t: NumberToken): string {
  return text.slice(t.start, t.end);
}

function unitLabel(unit: string | null): string {
  return unit ?? '无单位';
}

/** The actual value of `text`, read against `target` (a ParsedValue of the 年度指标值). */
export function extractActual(text: string, target: ParsedValue): ParsedValue {
  const source = text == null ? '' : String(text);
  const normalised = normalizeText(source);
  if (isBlankValue(normalised)) return unparsed(source, '实际值为空或不适用');

  if (target.kind === 'unparsed') return unparsed(source, '目标值无法解析，无法对照读取实际值');
  if (target.kind === 'qualitative') return qualitativeActual(source, normalised);
  if (target.kind === 'multi') return multiActual(source, target);

  const tokens = scanNumbers(normalised);
  // Years, dates, "完成指标任务（2.55 万人）的 200.39%" and "同比增长 128.8%" are never the actual.
  const usable = tokens.filter((t) => !t.calendar && !t.completionContext && !t.changeContext);
  const sameFamily = usable.filter((t) => unitsCompatible(t.unit, target.unit));
  const withUnit = sameFamily.filter((t) => t.unit !== null);
  let pool = withUnit.length > 0 ? withUnit : sameFamily;

  // A bare number against a target written in 万 ("16.19" for "17.42 万人") could be 人 or 万人: do not choose.
  if (withUnit.length === 0 && target.scale !== 1 && pool.some((t) => t.scale === 1)) {
    return unparsed(source, `实际值 ${pool.map((t) => written(normalised, t)).join('、')} 没有单位，而目标以万计（${target.text.trim()}），无法确定数量级`);
  }

  if (pool.length === 0) {
    const others = usable.filter((t) => t.unit !== null);
    if (others.length > 0) {
      const found = others.map((t) => written(normalised, t)).join('、');
      return unparsed(source, `实际值单位与目标单位（${unitLabel(target.unit)}）不一致：${found}`);
    }
    const word = findQualitativeWord(normalised);
    const result = unparsed(source, word ? `实际完成情况只有定性描述（${word}），没有数字` : '实际完成情况中没有可读的数字');
    if (word) result.qualitativeWord = word;
    return result;
  }

  // The same number said twice ("共资助 70,442 人 … 总人数为 70,442 人") is one candidate.
  const values = new Set(pool.map((t) => t.value));
  if (values.size > 1) {
    return unparsed(source, `有多个可能的实际值（${pool.map((t) => written(normalised, t)).join('、')}），无法确定是哪一个`);
  }
  const chosen = pool[0]!;
  const unit = chosen.unit ?? target.unit;
  return { text: source, kind: 'number', comparison: null, direction: null, value: chosen.value, unit, scale: chosen.scale, parts: [{ value: chosen.value, unit }] };
}

/** A qualitative target is answered by a word (落实, 已完成…), whatever numbers the sentence also has. */
function qualitativeActual(source: string, normalised: string): ParsedValue {
  const word = findQualitativeWord(normalised);
  if (word === undefined) return unparsed(source, '目标为定性指标，实际完成情况中没有定性描述');
  return { text: source, kind: 'qualitative', comparison: null, direction: null, value: null, unit: null, scale: 1, parts: [], qualitativeWord: word };
}

/** "2000、8000 人" is answered part by part: "3197、12063 人", the same number of parts in compatible units. */
function multiActual(source: string, target: ParsedValue): ParsedValue {
  const read = parseIndicatorValue(source, target.unit ? { preferUnit: target.unit } : {});
  if (read.kind !== 'multi' && read.kind !== 'number') {
    return unparsed(source, read.reason ?? `目标有 ${target.parts.length} 个数，实际完成情况中没有对应的数字`);
  }
  if (read.parts.length !== target.parts.length) {
    return unparsed(source, `目标有 ${target.parts.length} 个数，实际值读出 ${read.parts.length} 个，无法逐项对照`);
  }
  const mismatch = read.parts.findIndex((p, i) => !unitsCompatible(p.unit, target.parts[i]!.unit));
  if (mismatch >= 0) {
    return unparsed(source, `第 ${mismatch + 1} 项单位（${unitLabel(read.parts[mismatch]!.unit)}）与目标（${unitLabel(target.parts[mismatch]!.unit)}）不一致`);
  }
  return { ...read, comparison: null, direction: null };
}

/**
 * The completion ratio a report printed itself ("完成指标任务（2.55 万人）的 200.39%" → 2.0039), to check a
 * computed completion against; null when the sentence prints none.
 */
export function printedCompletion(text: string): number | null {
  const n = normalizeText(text ?? '');
  const m = /完成(?:了)?(?:全年|年度)?(?:的)?(?:指标|目标|计划)?(?:任务)?(?:\([^)]*\))?的?(\d+(?:\.\d+)?)%/.exec(n);
  return m ? Number(m[1]) / 100 : null;
}
