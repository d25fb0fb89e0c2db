/**
 * Shapes of the indicator-value engine (绩效指标完成情况表: 年度指标值 / 实际完成值).
 * Pure data: no Node, DOM or Office types, so the add-in, the command line and tests share them.
 */

/** How the target bounds the actual: ≥ (不少于, 以上), ≤ (不超过, 以下), = , ~ (约, 左右); null when the cell says nothing. */
export type Comparison = '>=' | '<=' | '=' | '~' | null;

/**
 * Which way is good. 'higher' and 'equal' score alike (DOMAIN.md §3); 'lower' is 投诉数, 差错率, 不超过…;
 * 'qualitative' is 落实 / 完成 / 促进…; null for values that are not targets (unparsed, extracted actuals).
 */
export type Direction = 'higher' | 'lower' | 'equal' | 'qualitative' | null;

export type ValueKind = 'number' | 'multi' | 'qualitative' | 'unparsed';

/** One number of a cell, already in its base unit ("17.42 万人" → { value: 174200, unit: '人' }). */
export interface ValuePart {
  value: number;
  /** Base unit ('人', '名', '个', '%', '万元'…), or null for a bare number. */
  unit: string | null;
}

export interface ParsedValue {
  /** The text as given (before normalisation), so a report can quote it. */
  text: string;
  kind: ValueKind;
  comparison: Comparison;
  direction: Direction;
  /** The number in the base unit (kind 'number'); null for multi, qualitative and unparsed. */
  value: number | null;
  /** Normalised base unit: '人', '名', '个', '件', '次', '%', '万元'…; null when the text has none. */
  unit: string | null;
  /** What the written number was multiplied by to reach the base unit: 10000 for 万人, 1e-4 for 元 (money is kept in 万元). */
  scale: number;
  /** Every number read: one part for kind 'number', several for 'multi' ("2000、8000 人"), none otherwise. */
  parts: ValuePart[];
  /** The qualitative word found (落实, 完成…; "未完成" when negated). */
  qualitativeWord?: string;
  /** Why the text could not be read (kind 'unparsed'), in Chinese. */
  reason?: string;
}

/** A value that could not be read, with the reason; shared by the parser and the extractor. */
export function unparsed(text: string, reason: string): ParsedValue {
  return { text, kind: 'unparsed', comparison: null, direction: null, value: null, unit: null, scale: 1, parts: [], reason };
}
