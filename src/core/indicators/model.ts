/**
 * One indicator as the built sheet holds it: the texts as written, the numbers the formulas divide (in the
 * target's written scale, so "17.42 万人" shows 17.42 and the actual "16.19 万人" 16.19 — both 万人), the
 * direction, and the user's answers kept from the previous run. Several-part values ("2000、8000 人") keep one
 * pair of numbers per part: the sheet gives each part a row of its own under the indicator.
 */
import { parseIndicatorValue } from './parseValue';
import { extractActual } from './extractActual';
import { toBase } from './tokens';
import type { Direction, ParsedValue } from './types';
import type { QualitativeBand } from './completion';
import type { SourceIndicator } from './readTable';
import type { OwnRow } from './ownSheet';
import { DIRECTION_WORD, FORMER_DIRECTION_WORD } from './headers';

export interface SheetPart {
  /** Numbers in the display scale; null where the text could not be read and the user has not filled it in. */
  target: number | null;
  actual: number | null;
}

export interface IndicatorModel {
  kind: 'indicator' | 'execution';
  source: SourceIndicator;
  /** The texts as read, before any correction. */
  target: ParsedValue;
  actual: ParsedValue;
  targetCorrected: boolean;
  actualCorrected: boolean;
  /** The direction the formulas use (the user's 方向 when they changed it). */
  direction: Direction;
  /** Base value = display value × displayScale (万人 → 10000). */
  displayScale: number;
  baseUnit: string | null;
  /** The 单位 column ("万人", "%", "个"). */
  unitLabel: string;
  /** One pair per part; none for a qualitative indicator. */
  parts: SheetPart[];
  weight: number | null;
  weightSource: 'source' | 'sheet' | 'default' | 'settings' | 'none';
  band: QualitativeBand | null;
  deviationReason: string | null;
  /** 预算执行率: the budget cell its rate is linked to, quoted ("'表1-2'!F11"), or null when typed. */
  linkedCell?: string | null;
  /** A score the user typed in the source table's own 得分 cell: it stands (管理效率 items, qualitative ones). */
  enteredScore?: number | null;
}

const MULTIPLIER_LABEL: Record<number, string> = { 1: '', 1000: '千', 10000: '万', 100000000: '亿' };
const MONEY_LABEL: Record<number, string> = { 1: '万元', 0.0001: '元', 0.1: '千元', 10000: '亿元' };

/** The 单位 shown for a base unit read at a scale: 人 × 10000 → 万人, 万元 × 1e-4 → 元. */
export function unitLabelOf(unit: string | null, scale: number): { label: string; scale: number } {
  if (unit === '万元') return MONEY_LABEL[scale] ? { label: MONEY_LABEL[scale], scale } : { label: '万元', scale: 1 };
  if (unit !== null && unit.includes('/')) return { label: unit, scale: 1 };
  const prefix = MULTIPLIER_LABEL[scale];
  return prefix === undefined ? { label: unit ?? '', scale: 1 } : { label: `${prefix}${unit ?? ''}`, scale };
}

const squash = (s: string) => s.replace(/\s+/g, '');
const sameNumber = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** A bare number typed under a header with a unit ("实际值（万人）" over "16.19") reads in that unit. */
function withHeaderUnit(text: string, unit: string | null): string {
  return unit && /^\s*[\d.,]+\s*$/.test(text) ? `${text.trim()}${unit}` : text;
}

const WORD_DIRECTION = new Map<string, Direction>([
  ...Object.entries(DIRECTION_WORD).map(([d, w]) => [w, d as Direction] as const),
  ...Object.entries(FORMER_DIRECTION_WORD).map(([w, d]) => [w, d as Direction] as const),
]);

export function directionWord(d: Direction): string {
  return d ? DIRECTION_WORD[d] : '';
}

/** Parses the source's texts and lays them out as sheet numbers, then applies the user's corrections. */
export function readModel(source: SourceIndicator, own: Map<string, OwnRow> | undefined): IndicatorModel {
  const target = parseIndicatorValue(source.targetText, { name: source.name, ...(source.targetUnit ? { preferUnit: source.targetUnit } : {}) });
  const actual = extractActual(withHeaderUnit(source.actualText, source.actualUnit), target);
  const numeric = target.kind === 'number' || target.kind === 'multi';
  const baseUnit = numeric ? (target.unit ?? (actual.kind === 'number' || actual.kind === 'multi' ? actual.unit : null)) : null;
  const shown = numeric ? unitLabelOf(baseUnit, target.scale) : { label: '', scale: 1 };
  const display = (v: number) => toBase(v, 1 / shown.scale);

  let parts: SheetPart[] = [];
  if (numeric) {
    const actualParts = actual.kind === 'number' || actual.kind === 'multi' ? actual.parts : [];
    parts = target.parts.map((p, i) => ({
      target: display(p.value),
      actual: actualParts.length === target.parts.length ? display(actualParts[i]!.value) : null,
    }));
  } else if (target.kind === 'unparsed') {
    parts = [{ target: null, actual: null }];
  }

  const model: IndicatorModel = {
    kind: 'indicator',
    source,
    target,
    actual,
    targetCorrected: false,
    actualCorrected: false,
    direction: target.kind === 'qualitative' ? 'qualitative' : target.direction,
    displayScale: shown.scale,
    baseUnit,
    unitLabel: shown.label,
    parts,
    weight: null,
    weightSource: 'none',
    band: null,
    deviationReason: source.deviationReason,
  };
  const mine = own?.get(source.key);
  if (mine) applyCorrections(model, mine, own!);
  if (source.enteredScore != null) model.enteredScore = source.enteredScore;
  return model;
}

/**
 * The user's answers in the built sheet. Numbers and 方向 are kept only while the text they correct is unchanged
 * (a new 年度指标值 in the source is read afresh); the band, the 偏差原因 and a typed 分值 are always kept.
 */
function applyCorrections(m: IndicatorModel, mine: OwnRow, own: Map<string, OwnRow>) {
  const targetSame = squash(mine.targetText) === squash(m.source.targetText);
  const actualSame = squash(mine.actualText) === squash(m.source.actualText);
  if (targetSame) {
    const word = WORD_DIRECTION.get(mine.direction);
    if (word !== undefined && word !== m.direction) {
      m.direction = word;
      m.targetCorrected = true;
    }
    if (m.direction !== 'qualitative' && m.parts.length === 0) m.parts = [{ target: null, actual: null }];
    if (m.direction === 'qualitative') m.parts = [];
  }
  m.parts.forEach((part, i) => {
    const row = m.parts.length === 1 ? mine : own.get(`${m.source.key}#${i + 1}`);
    if (!row) return;
    if (targetSame && row.target !== null && !sameNumber(row.target, part.target)) {
      part.target = row.target;
      m.targetCorrected = true;
    }
    if (actualSame && row.actual !== null && !sameNumber(row.actual, part.actual)) {
      part.actual = row.actual;
      m.actualCorrected = true;
    }
  });
  // A value the engine could not read has no unit of its own: the user's 单位 stands.
  if (m.target.kind !== 'number' && m.target.kind !== 'multi' && targetSame && mine.unit !== '') m.unitLabel = mine.unit;
  m.band = mine.band;
  if (mine.reason !== '') m.deviationReason = mine.reason;
  if (mine.weight !== null) {
    m.weight = mine.weight;
    m.weightSource = 'sheet';
  }
}

/** The numbers as ParsedValues in base units, for the scoring rules of completion.ts; null when a number is missing. */
export function effectiveValues(m: IndicatorModel): { target: ParsedValue; actual: ParsedValue } | null {
  if (m.direction === 'qualitative') return { target: { ...m.target, kind: 'qualitative', direction: 'qualitative' }, actual: m.actual };
  if (m.direction === null || m.parts.length === 0 || m.parts.some((p) => p.target === null || p.actual === null)) return null;
  const unit = m.baseUnit;
  const value = (v: number) => toBase(v, m.displayScale);
  const build = (pick: (p: SheetPart) => number, text: string, direction: Direction): ParsedValue => {
    const parts = m.parts.map((p) => ({ value: value(pick(p)), unit }));
    const kind = parts.length > 1 ? 'multi' : 'number';
    return { text, kind, comparison: null, direction, value: kind === 'number' ? parts[0]!.value : null, unit, scale: m.displayScale, parts };
  };
  return {
    target: build((p) => p.target!, m.source.targetText, m.direction),
    actual: build((p) => p.actual!, m.source.actualText, null),
  };
}
