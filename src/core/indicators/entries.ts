/**
 * The report's side of each indicator: completion, status and score computed by completion.ts from the same
 * numbers the built sheet holds (so the JSON and the sheet agree), the flags, and the notes that tell the user
 * why a cell could not be read.
 */
import { cellAddress } from '../snapshot';
import type { Settings } from '../settings';
import { indicatorScore, OVER_ACHIEVEMENT, type IndicatorStatus } from './completion';
import { effectiveValues, type IndicatorModel } from './model';
import { executionShare } from './execution';
import { OWN_COLUMNS, type OwnColumn } from './headers';
import type { RowLayout } from './planSheet';
import type { IndicatorEntry, IndicatorFlag, IndicatorValueReport } from './report';
import type { ParsedValue } from './types';

export interface EntryOutcome {
  entry: IndicatorEntry;
  flags: IndicatorFlag[];
  notes: { row: number; col: OwnColumn; text: string }[];
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

function valueReport(fresh: ParsedValue, used: ParsedValue | null, corrected: boolean, withDirection: boolean): IndicatorValueReport {
  const v = used ?? fresh;
  const out: IndicatorValueReport = { text: fresh.text, value: v.value, unit: v.unit, parts: v.parts, kind: v.kind };
  if (withDirection) out.direction = v.direction;
  if (fresh.comparison) out.comparison = fresh.comparison;
  if (fresh.qualitativeWord) out.qualitativeWord = fresh.qualitativeWord;
  if (fresh.kind === 'unparsed' && !corrected) out.reason = fresh.reason;
  if (corrected) out.corrected = true;
  return out;
}

interface Scored {
  completion: number | null;
  partCompletions?: number[];
  status: IndicatorStatus;
  score: number | null;
  reasons: string[];
}

function scoreExecution(m: IndicatorModel, rule: Settings['scoring']['executionRule']): Scored {
  const actual = m.parts[0]?.actual ?? null;
  if (actual === null) return { completion: null, status: 'unparsed', score: null, reasons: ['预算执行率未知：未链接到预算表，也没有填写'] };
  const rate = actual / 100;
  const status: IndicatorStatus = rate < 1 ? 'short' : rate > OVER_ACHIEVEMENT ? 'over' : 'achieved';
  return { completion: rate, status, score: m.weight === null ? null : m.weight * executionShare(rate, rule), reasons: [] };
}

/** A score the user typed in the form's own 得分 cell stands; completion and status are still computed where they can be. */
function scoreIndicator(m: IndicatorModel, s: Settings): Scored {
  const computed = computeScore(m, s);
  if (m.kind === 'execution' || m.enteredScore == null) return computed;
  const status = computed.status === 'unparsed' && m.direction === 'qualitative' ? 'qualitative' : computed.status;
  return { ...computed, status, score: m.enteredScore, reasons: [] };
}

function computeScore(m: IndicatorModel, s: Settings): Scored {
  if (m.kind === 'execution') return scoreExecution(m, s.scoring.executionRule);
  const values = effectiveValues(m);
  if (!values) {
    const reasons = [m.target.reason, m.actual.reason].filter((x): x is string => !!x);
    if (m.direction === null && reasons.length === 0) reasons.push('方向未定：请在方向列选择');
    return { completion: null, status: 'unparsed', score: null, reasons };
  }
  const qualitative = m.band ? { band: m.band, fraction: 1 } : undefined;
  const r = indicatorScore(values.target, values.actual, m.weight ?? 0, { lowerIsBetter: s.scoring.lowerIsBetter, ...(qualitative ? { qualitative } : {}) });
  const reasons = r.reason ? [r.reason] : [];
  // A completion that cannot be divided (a target of 0) is left to the user, as the sheet's formula does.
  if (r.completion === null && r.status !== 'qualitative') return { completion: null, status: 'unparsed', score: null, reasons };
  if (m.weight === null) reasons.push('没有分值');
  return { completion: r.completion, ...(r.parts ? { partCompletions: r.parts } : {}), status: r.status, score: m.weight === null ? null : r.score, reasons };
}

export function entryOf(m: IndicatorModel, at: RowLayout, s: Settings, outputSheet: string): EntryOutcome {
  const scored = scoreIndicator(m, s);
  const values = m.kind === 'execution' ? null : effectiveValues(m);
  const src = m.source;
  const execActual: ParsedValue | null =
    m.kind === 'execution' && m.parts[0]?.actual != null
      ? { ...m.target, text: src.actualText, direction: null, comparison: null, value: m.parts[0].actual, parts: [{ value: m.parts[0].actual, unit: '%' }] }
      : null;
  const numeric = (v: ParsedValue | undefined) => (v && v.kind !== 'qualitative' ? v : null);
  const entry: IndicatorEntry = {
    sheet: src.sheet === '' || src.row === 0 ? outputSheet : src.sheet,
    row: src.row === 0 ? at.main : src.row,
    name: src.name,
    level1: src.level1,
    level2: src.level2,
    target: { ...valueReport(m.target, numeric(values?.target), m.targetCorrected, true), direction: m.direction },
    actual: valueReport(m.actual, execActual ?? numeric(values?.actual), m.actualCorrected, false),
    completion: scored.completion,
    status: scored.status,
    weight: m.weight,
    score: scored.score,
    level3: src.name,
    kind: m.kind,
    task: src.task,
    ...(scored.partCompletions ? { partCompletions: scored.partCompletions } : {}),
    weightSource: m.weightSource,
    band: m.band,
    deviationReason: m.deviationReason,
    reasons: scored.reasons,
    table: { sheet: src.sheet, headerRow: src.headerRow, layout: src.layout },
    outputRow: at.main,
    ...(m.kind === 'execution' ? { linkedCell: m.linkedCell ?? null } : {}),
  };
  return { entry, flags: flagsOf(m, entry, outputSheet), notes: notesOf(m, at, scored) };
}

function flagsOf(m: IndicatorModel, e: IndicatorEntry, sheet: string): IndicatorFlag[] {
  const cell = (key: OwnColumn) => cellAddress(e.outputRow, OWN_COLUMNS[key].col);
  const base = { sheet, row: e.outputRow, name: e.name };
  const flags: IndicatorFlag[] = [];
  if (e.status === 'short' && e.completion !== null)
    flags.push({ ...base, cell: cell('completion'), rule: 'short', level: 'red', message: `${e.name}：完成率 ${pct(e.completion)}，未达到年度指标值` });
  if (e.status === 'over' && e.completion !== null)
    flags.push({ ...base, cell: cell('completion'), rule: 'over', level: 'orange', message: `${e.name}：完成率 ${pct(e.completion)}，超过 150%，年度指标值可能定得过低（超额不加分）` });
  if (e.status === 'unparsed')
    flags.push({ ...base, cell: cell(m.target.kind === 'unparsed' && !m.targetCorrected ? 'target' : 'actual'), rule: 'unparsed', level: 'grey', message: `${e.name}：无法解析，${e.reasons.join('；')}` });
  if (e.status === 'qualitative' && e.band === null && m.enteredScore == null)
    flags.push({ ...base, cell: cell('band'), rule: 'qualitative-band', level: 'info', message: `${e.name}：定性指标，请在定性评级列选择 达成 / 部分达成 / 未达成` });
  if (m.kind === 'execution' && !m.linkedCell)
    flags.push({ ...base, cell: cell('actual'), rule: 'execution-unlinked', level: 'info', message: '未找到预算执行表的合计执行率：预算执行率需手工填写（%）' });
  return flags;
}

function notesOf(m: IndicatorModel, at: RowLayout, scored: Scored): EntryOutcome['notes'] {
  const notes: EntryOutcome['notes'] = [];
  if (m.kind === 'execution') {
    if (!m.linkedCell && scored.completion === null) notes.push({ row: at.main, col: 'actual', text: '未找到预算执行表的合计行：请填写预算执行率（%，如 98.15）' });
    return notes;
  }
  if (m.target.kind === 'unparsed' && !m.targetCorrected)
    notes.push({ row: at.main, col: 'targetText', text: `${m.target.reason ?? '无法解析'}。请在“目标值”列填写数字，并在“方向”列选择正向/反向/等于/定性。` });
  else if (m.actual.kind === 'unparsed' && m.direction !== 'qualitative' && !m.actualCorrected)
    notes.push({ row: at.main, col: 'actualText', text: `${m.actual.reason ?? '无法解析'}。请在“实际值”列填写数字（单位同目标值：${m.unitLabel || '无单位'}）。` });
  return notes;
}
