/**
 * The report of an indicator analysis. Its JSON form is the command line's `indicators --json` contract
 * (issue 4): `{"indicators":[{"sheet","row","name","level1","level2","target":{…},"actual":{…},"completion",
 * "status","weight","score"}],"flags":[…],"total":{"score","grade"}}`. Field names must not change; fields may
 * be added (the ones after the contract's are additions).
 */
import type { IndicatorStatus, QualitativeBand } from './completion';
import type { Comparison, Direction, ValueKind, ValuePart } from './types';
import type { FormReport } from '../forms/types';

export type IndicatorLayoutKind = 'key-indicators' | 'task' | 'national' | 'simple' | 'own';

export interface IndicatorValueReport {
  /** The cell as written. */
  text: string;
  /** In the base unit (万人 → 人); null for several parts, qualitative and unparsed values. */
  value: number | null;
  unit: string | null;
  /** Target only (contract): higher / lower / equal / qualitative; null when it could not be read. */
  direction?: Direction;
  /** Every number read, in base units ("2000、8000 人" → two parts). */
  parts: ValuePart[];
  /** Additions. */
  kind: ValueKind;
  comparison?: Comparison;
  qualitativeWord?: string;
  /** Why it could not be read (kind 'unparsed'). */
  reason?: string;
  /** True when the number comes from the user's correction in the built sheet, not from the text. */
  corrected?: boolean;
}

export type GradeLetter = '优' | '良' | '中' | '差';

export interface IndicatorEntry {
  /** Where the indicator was read: the source sheet and row (the budget sheet's 合计 row for 预算执行率). */
  sheet: string;
  row: number;
  /** 三级指标 (关键性指标, 指标). */
  name: string;
  level1: string | null;
  level2: string | null;
  target: IndicatorValueReport;
  actual: IndicatorValueReport;
  /** A fraction (1.2 = 120%), null when it cannot be computed (qualitative, unparsed). */
  completion: number | null;
  status: IndicatorStatus;
  weight: number | null;
  /** Null when the user must act first (no band chosen, unparsed value, no weight). */
  score: number | null;
  // ── additions ──
  /** Same as name: the national form's column. */
  level3: string;
  /** 'execution' is the 预算执行率 row, scored by settings.scoring. */
  kind: 'indicator' | 'execution';
  /** Seed 002's 任务 cell. */
  task: string | null;
  /** Completion of each part of a several-part value. */
  partCompletions?: number[];
  /** Where the weight came from: the source's 分值, the user's cell in the built sheet, or the defaults. */
  weightSource: 'source' | 'sheet' | 'default' | 'settings' | 'none';
  /** The band the user chose in the built sheet (qualitative indicators). */
  band: QualitativeBand | null;
  /** 偏差原因分析及改进措施 as found (source or built sheet). */
  deviationReason: string | null;
  /** Why completion or score are missing, in Chinese. */
  reasons: string[];
  /** The table the row belongs to. */
  table: { sheet: string; headerRow: number; layout: IndicatorLayoutKind };
  /** Row of this indicator in the built sheet. */
  outputRow: number;
  /** For 预算执行率: the cell its rate is linked to ("'表1-2'!F11"), or null when typed. */
  linkedCell?: string | null;
}

export type IndicatorFlagRule =
  | 'short'
  | 'over'
  | 'unparsed'
  | 'qualitative-band'
  | 'weights'
  | 'weight-missing'
  | 'default-weights'
  | 'execution-unlinked'
  | 'no-indicators';

export interface IndicatorFlag {
  sheet: string;
  row: number;
  /** The cell of the built sheet that shows the flag (A1). */
  cell: string;
  name: string;
  rule: IndicatorFlagRule;
  /** One line in Chinese. */
  message: string;
  level: 'red' | 'orange' | 'grey' | 'info';
}

export interface WeightCheck {
  scope: 'total' | 'level1' | 'level2';
  /** 一级 / 二级 name, or 合计. */
  name: string;
  /** What the weights should add up to: the form's own subtotal row, or 100 for the total. */
  expected: number;
  /** The sum of the 三级 weights under it (plus 预算执行率 for the total). */
  actual: number;
  ok: boolean;
  /** 'form': a 分值 printed on a subtotal row of the source; 'standard': the 100-point total. */
  basis: 'form' | 'standard';
  /** Source sheet and row of the subtotal, when it came from the form. */
  sheet?: string;
  row?: number;
}

export interface IndicatorTableReport {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  layout: IndicatorLayoutKind;
  /** Column letters per role. */
  columns: Record<string, string>;
  indicators: number;
}

export interface IndicatorReport {
  indicators: IndicatorEntry[];
  flags: IndicatorFlag[];
  /** Sum of the scores that could be computed, and its grade; `unscored` counts indicators still waiting for the user. */
  total: { score: number; grade: GradeLetter; max: number; unscored: number };
  // ── additions ──
  weightChecks: WeightCheck[];
  tables: IndicatorTableReport[];
  /** The sheet built (绩效指标完成情况, or the fallback name when the user's own sheet has that name). */
  sheet: string;
  /** True when the built sheet was already there (it is cleared and rewritten). */
  refreshed: boolean;
  /** The standard form the indicators were read from (its 预算执行率 line is the form's total row), when there is one. */
  form?: FormReport;
}

/** 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 (issue 4). */
export function gradeOf(score: number): GradeLetter {
  if (score >= 90) return '优';
  if (score >= 80) return '良';
  if (score >= 60) return '中';
  return '差';
}
