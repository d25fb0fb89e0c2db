/** What the 绩效指标 part asks of its actions (indicators/actions.ts) and the shapes they return. */
import type { Settings } from '../../core';
import type { IndicatorReport } from '../../core/indicators';
import type { Mappings } from '../shared/paneTypes';
import type { OnProgress } from '../shared/progress';

/** What 写入 does on the indicator side, before it does it (the 绩效指标 tab's 预览). */
export interface IndicatorPreview {
  /** The sheet built: 绩效指标完成情况, or 绩效指标完成情况（自评） when the user's own sheet has that name. */
  sheet: string;
  /** The sheet is there already (ours): it is cleared and rewritten, the user's answers kept. */
  refresh: boolean;
  /** Placed after this sheet when created. */
  createAfter: string | null;
  /** Rows of indicators written (a several-part indicator takes one row per part, plus its own). */
  rows: number;
  indicators: number;
  /** Indicators whose target or actual could not be read: left for the user, never guessed. */
  unparsed: number;
  /** Qualitative indicators waiting for the user to choose a band. */
  bandsToChoose: number;
  formulas: number;
  /** Columns given a drop-down list (定性评级, 偏差原因, 方向). */
  dropDowns: number;
  /** Budget sheets whose rate formulas are written first (the 预算执行率 row links to them), and how many. */
  budgetSheets: string[];
  budgetFormulas: number;
  /** The 预算执行率 row reads this cell ("'表1-2'!F11"), or null when it is typed. */
  linkedCell: string | null;
}

export interface IndicatorDetection {
  report: IndicatorReport;
  preview: IndicatorPreview;
  notesSupported: boolean;
  warnings: string[];
}

export interface IndicatorApplyOutcome {
  report: IndicatorReport;
  sheet: string;
  created: boolean;
  refreshed: boolean;
  formulas: number;
  cellsWritten: number;
  budgetFormulas: number;
  notesSkipped: number;
  warnings: string[];
}

/** The 绩效指标 tab: read every sheet, build or refresh 绩效指标完成情况 (budget rate formulas first). */
export interface IndicatorActions {
  detectIndicators(settings: Settings, mappings: Mappings, onProgress?: OnProgress): Promise<IndicatorDetection>;
  applyIndicators(settings: Settings, mappings: Mappings, onProgress?: OnProgress): Promise<IndicatorApplyOutcome>;
}

