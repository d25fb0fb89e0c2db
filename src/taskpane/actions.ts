/**
 * What the task pane asks of its host. The pane only talks to this interface, so the same React tree runs
 * in Excel (excelActions.ts), in the browser preview (simulated workbook) and in tests (a fake object).
 */
import type { BudgetReport, ColumnMap, OverwriteEntry, Settings } from '../core';
import type { IndicatorReport } from '../core/indicators';
import type { MonitorReport } from '../core/monitor';
import type { NextYearReport } from '../core/nextYear';

/** Column-mapping corrections keyed by tableKey(sheet, firstHeaderRow): the engine's AnalyzeOptions.mappings. */
export type Mappings = Record<string, Partial<ColumnMap>>;

/** The roles a user can remap in the 识别 tab. */
export type MappableRole = 'name' | 'initial' | 'adjusted' | 'actual' | 'executionRate' | 'adjustmentRate';

/** A column the user may map a role to: its letter and the header text above it. */
export interface ColumnChoice {
  letter: string;
  label: string;
}

/** One column the plan writes into. */
export interface ColumnPreview {
  sheet: string;
  column: string;
  /** Which rate the column carries, or 'other' for anything else the plan writes. */
  role: 'executionRate' | 'adjustmentRate' | 'other';
  /** The engine adds the column (writes its header) rather than filling an existing one. */
  added: boolean;
  formulas: number;
  /** Worksheet rows written (first and last), for "F5:F11". */
  firstRow: number;
  lastRow: number;
}

/** What 写入 would do, summarised from the engine's plan. */
export interface PreviewSummary {
  sheet: string;
  columns: ColumnPreview[];
  formulas: number;
  cellsWritten: number;
  headersAdded: number;
  merges: number;
  rulesAdded: number;
  rulesRemoved: number;
  notesAdded: number;
  notesRemoved: number;
  /** Non-empty cells the user typed that the plan would replace, written only with explicit consent. */
  overwrites: OverwriteEntry[];
  /** Formula count when consent to overwrite is given. */
  formulasWithConsent: number;
  /** True when applying (without consent) would change nothing. */
  nothingToDo: boolean;
}

export interface Detection {
  sheet: string;
  report: BudgetReport;
  preview: PreviewSummary;
  /** Per table (tableKey): the columns its roles can be mapped to. */
  columnChoices: Record<string, ColumnChoice[]>;
  /** Notes on flagged cells need ExcelApi 1.18; false means they will be skipped. */
  notesSupported: boolean;
  /** What the host could not read (e.g. existing rules on an old Excel), in Chinese, shown with the result. */
  warnings: string[];
}

export interface ApplyOutcome {
  sheet: string;
  /** The report the plan came from (flags as written). */
  report: BudgetReport;
  formulas: number;
  cellsWritten: number;
  rulesAdded: number;
  rulesRemoved: number;
  notesWritten: number;
  /** Notes the plan wanted but that were not written because the host lacks ExcelApi 1.18. */
  notesSkipped: number;
  /** User cells replaced (only with consent). */
  overwritten: number;
  /** Nothing needed writing. */
  nothingToDo: boolean;
  /** Things left undone on purpose (e.g. a note the user edited), in Chinese. */
  warnings: string[];
}

export interface UndoOutcome {
  /** False when there was no apply to undo. */
  undone: boolean;
  cellsRestored: number;
  rulesRemoved: number;
  notesRestored: number;
  /** Sheets the undone write had created, deleted again. */
  sheetsDeleted?: string[];
}

/** A failure the pane can show: Chinese message and what to do. Actions reject with this shape. */
export interface PaneError {
  code: string;
  messageZh: string;
  hint?: string;
}

/** A failure raised by the pane's own action layer (no table, sheet changed since the preview). */
export class PaneFailure extends Error implements PaneError {
  override readonly name = 'PaneFailure';
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly hint: string,
  ) {
    super(messageZh);
  }
}

export interface BudgetActions {
  detect(settings: Settings, mappings: Mappings): Promise<Detection>;
  apply(settings: Settings, mappings: Mappings, consent: { overwrite: boolean }): Promise<ApplyOutcome>;
  undo(): Promise<UndoOutcome>;
  select(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
}

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

/** The 绩效指标 tab: read every sheet, build or refresh 绩效指标完成情况 (budget rate formulas first). */
export interface IndicatorActions {
  detectIndicators(settings: Settings, mappings: Mappings): Promise<IndicatorDetection>;
  applyIndicators(settings: Settings, mappings: Mappings): Promise<IndicatorApplyOutcome>;
}

/** 年度工具: next year's sheets and the mid-year monitor. */
export interface YearActions {
  previewNextYear(settings: Settings, choice: NextYearChoice): Promise<NextYearPreview>;
  createNextYear(settings: Settings, choice: NextYearChoice): Promise<NextYearOutcome>;
  buildMonitor(settings: Settings, month: number): Promise<MonitorOutcome>;
}

/** The part of the pane a write came from (the undo record says which). */
export type WriteKind = 'budget' | 'indicators' | 'year';

/** Everything the pane can ask: one object, one undo record shared by every kind of write. */
export type PaneActions = BudgetActions &
  IndicatorActions &
  YearActions & {
    /** Which part made the write 撤销上次写入 would take back (a failed write that got half way counts), or null. */
    lastWrite(): WriteKind | null;
  };

/** Turns whatever an action threw into something the status bar can show, never a bare stack trace. */
export function toPaneError(e: unknown): PaneError {
  if (e && typeof e === 'object' && typeof (e as PaneError).messageZh === 'string') {
    const p = e as PaneError;
    return { code: String(p.code ?? 'error'), messageZh: p.messageZh, hint: p.hint };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'unexpected', messageZh: `操作失败：${detail}`, hint: '请重试；如问题持续，请关闭并重新打开任务窗格。' };
}
