/**
 * What the pane's action layer needs from a workbook front end. Office.js satisfies it through
 * excelFrontEnd.ts (the one file that knows src/excel); tests use an in-memory one.
 */
import type { Plan, Settings, SheetSnapshot } from '../../core';

/** An edit the user made in the workbook: which sheet, which cells ("F12"). */
export interface SheetEdit {
  sheet: string;
  address: string;
}

/** What a front end reports after applying a plan (the pane shows these). */
export interface AppliedCounts {
  cellsWritten: number;
  formulasWritten: number;
  rulesAdded: number;
  rulesRemoved: number;
  notesWritten: number;
  notesRemoved: number;
  /** Things left undone on purpose, in Chinese. */
  warnings: string[];
  /** The plan's sheet was created by this apply (undo deletes it). */
  sheetCreated?: boolean;
  /** The undo of a created sheet deleted it. */
  sheetDeleted?: boolean;
  /** The workbook's sheets afterwards, when known (handed to the next plan of the same run). */
  sheets?: string[];
}

export interface ApplyPlanOptions {
  /** The workbook's sheet names in order, as just read: saves a round trip when a plan creates its sheet. */
  sheets?: string[];
  /** Show the plan's sheet when done (a sheet the user asked to build). */
  activate?: boolean;
  /** Rows written so far and in all, as the write goes (for the pane's progress bar). */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

/** Every sheet of the workbook, for the engines that look at all of them. */
export interface WorkbookRead {
  sheets: (SheetSnapshot & { warnings?: string[] })[];
  /** What this host could not read, once for the workbook (in Chinese). */
  warnings: string[];
}

export interface WorkbookFrontEnd<Ctx, Done extends AppliedCounts = AppliedCounts> {
  /** One batch (one Excel.run): failures come out as { code, messageZh, hint }. */
  run<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  /**
   * The active sheet (or the sheet named, e.g. the one a preview was made for) as an engine snapshot; `warnings`
   * says (in Chinese) what this host could not read.
   */
  readSnapshot(ctx: Ctx, sheet?: string): Promise<SheetSnapshot & { warnings?: string[] }>;
  /** Every sheet, in workbook order. */
  readWorkbook(ctx: Ctx): Promise<WorkbookRead>;
  /** Applies a plan, or an inverse plan made by invertPlan. */
  applyPlan(ctx: Ctx, plan: Plan, options?: ApplyPlanOptions): Promise<Done>;
  /**
   * The plan that puts back what `plan` changed; `applied` (when known) adds what applying found, e.g. rules it
   * removed or that it created the sheet. `known.before` is the sheet as read before (for what a refresh clears);
   * `known.creates` says the plan will create its sheet (the undo recorded before applying, in case it fails).
   */
  invertPlan(plan: Plan, applied?: Done, known?: { before?: SheetSnapshot; creates?: boolean }): Plan;
  selectCell(ctx: Ctx, sheet: string, address: string): Promise<void>;
  /**
   * Calls `onEdit` whenever the user (not this add-in) edits a sheet, until the returned function is called. A host
   * that cannot watch leaves it out: the pane then only learns of edits when it reads again.
   */
  watchEdits?(onEdit: (edit: SheetEdit) => void): Promise<() => Promise<void>>;
  /**
   * Calls `onWait(true)` while a batch waits for the user to finish editing a cell (Excel holds requests then),
   * `onWait(false)` when it goes on; returns a function that stops. A host without cell editing leaves it out.
   */
  watchCellEditWait?(onWait: (waiting: boolean) => void): () => void;
  /** Notes need ExcelApi 1.18. */
  notesSupported(): boolean;
  /** Settings saved in the workbook (Office.context.document.settings), or null when none were saved. */
  loadSettings(): Promise<Partial<Settings> | null>;
  saveSettings(s: Settings): Promise<void>;
}
