/**
 * The report of the monitor (绩效运行监控). Its JSON form is the command line's `monitor --json` output; field
 * names must not change once published, fields may be added. Numbers are what the sheet's formulas give for the
 * workbook as read (a fraction for rates, × 100 with two decimals for the progress ratio).
 */
import type { Direction } from '../indicators/types';
import type { Light } from './layout';

export interface MonitorProject {
  sheet: string;
  row: number;
  name: string;
  /** 调整后预算数 and 累计执行数 as linked (null for "--"; an empty cell reads 0). */
  adjusted: number | null;
  actual: number | null;
  executionRate: number | null;
  /** 执行率 ÷ (N/12) × 100, two decimals. */
  progress: number | null;
  light: Light | null;
  // ── additions ──
  /** Row of the project in the monitor sheet. */
  outputRow: number;
  /** The budget cells the monitor's formulas read ("'表1-2'!D5"). */
  cells: { adjusted: string[]; actual: string };
}

export interface MonitorIndicator {
  sheet: string;
  row: number;
  /** 来源 key ("绩效指标!B5", "#2" for a second part). */
  key: string;
  name: string;
  unit: string;
  /** A number in `unit`, or the target text when it is not one. */
  target: number | string;
  current: number | string | null;
  /** Where the current value came from: the source table, the user's entry kept from the last run, or none yet. */
  currentFrom: 'source' | 'user' | null;
  /** Projected year-end completion (a fraction of the target); null when it cannot be computed. */
  projected: number | null;
  /** projected − 1. */
  deviation: number | null;
  direction: Direction;
  cumulative: boolean;
  /** The user's choices kept from the last run ('' when none). */
  likelihood: string;
  reason: string;
  outputRow: number;
}

export interface MonitorOverall {
  adjusted: number | null;
  actual: number | null;
  executionRate: number | null;
  progress: number | null;
  light: Light | null;
  /** The department's 合计 row the summary links to, or null when it adds up the projects listed. */
  linkedTo: { sheet: string; row: number; adjusted: string[]; actual: string } | null;
}

export interface MonitorReport {
  sheet: string;
  asOfMonth: number;
  /** N/12. */
  schedule: number;
  /** True when the sheet was there (ours): it is cleared and rewritten in place. */
  refreshed: boolean;
  projects: MonitorProject[];
  summary: { red: number; yellow: number; green: number; none: number };
  overall: MonitorOverall;
  indicators: MonitorIndicator[];
  /** Sheets left out because next year's sheet made from them is in the workbook (the monitor follows the newest). */
  superseded: string[];
}
