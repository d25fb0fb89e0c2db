/**
 * What the task pane asks of its host. The pane only talks to this interface, so the same React tree runs
 * in Excel (excelActions.ts), in the browser preview (simulated workbook) and in tests (a fake object).
 */
import type { BudgetReport, ColumnMap, OverwriteEntry, Settings } from '../core';

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

/** Turns whatever an action threw into something the status bar can show, never a bare stack trace. */
export function toPaneError(e: unknown): PaneError {
  if (e && typeof e === 'object' && typeof (e as PaneError).messageZh === 'string') {
    const p = e as PaneError;
    return { code: String(p.code ?? 'error'), messageZh: p.messageZh, hint: p.hint };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'unexpected', messageZh: `操作失败：${detail}`, hint: '请重试；如问题持续，请关闭并重新打开任务窗格。' };
}
