/** What the 年度工具 part asks of its actions (year/actions.ts) and the shapes they return. */
import type { Settings } from '../../core';
import type { MonitorReport } from '../../core/monitor';
import type { NextYearReport } from '../../core/nextYear';
import type { OnProgress } from '../shared/progress';

export interface NextYearChoice {
  /** Next year; empty = the year the titles name, plus one. */
  year?: number;
  /** Add 上年实际支出 beside each budget table. */
  carryActuals: boolean;
}

export interface NextYearPreview {
  report: NextYearReport;
  /** Sheets that will be added (not there yet). */
  toCreate: number;
  year: number | null;
}

export interface NextYearOutcome {
  report: NextYearReport;
  created: string[];
  warnings: string[];
}

export interface MonitorOutcome {
  report: MonitorReport;
  created: boolean;
  warnings: string[];
}

/** 年度工具: next year's sheets and the mid-year monitor. */
export interface YearActions {
  previewNextYear(settings: Settings, choice: NextYearChoice, onProgress?: OnProgress): Promise<NextYearPreview>;
  createNextYear(settings: Settings, choice: NextYearChoice, onProgress?: OnProgress): Promise<NextYearOutcome>;
  buildMonitor(settings: Settings, month: number, onProgress?: OnProgress): Promise<MonitorOutcome>;
}

