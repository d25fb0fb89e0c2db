/**
 * What the 预算执行 part asks of its actions (budget/actions.ts implements it over the host port) and the shapes
 * of what they return: a detection with its preview, the outcome of 写入.
 */
import type { BudgetReport, OverwriteEntry, Settings } from '../../core';
import type { Mappings, UndoOutcome } from '../shared/paneTypes';
import type { OnProgress } from '../shared/progress';

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
  role: 'executionRate' | 'adjustmentRate' | 'score' | 'other';
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
  /** Non-empty cells the user typed that the plan would replace, written only with explicit consent; `shown` as the cell shows it. */
  overwrites: (OverwriteEntry & { shown?: string })[];
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
  /** Per table (tableKey): the heading that tells it from the other tables of the sheet. */
  titles: Record<string, string>;
  /** Per table (tableKey): what is wrong with its column mapping, in Chinese (empty when nothing). 写入 waits for a fix. */
  mappingProblems: Record<string, string[]>;
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

export interface BudgetActions {
  detect(settings: Settings, mappings: Mappings, onProgress?: OnProgress): Promise<Detection>;
  apply(settings: Settings, mappings: Mappings, consent: { overwrite: boolean }, onProgress?: OnProgress): Promise<ApplyOutcome>;
  undo(): Promise<UndoOutcome>;
  select(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
}

