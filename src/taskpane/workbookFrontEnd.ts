/**
 * What the pane's action layer needs from a workbook front end. Office.js satisfies it through
 * excelFrontEnd.ts (the one file that knows src/excel); tests use an in-memory one.
 */
import type { Plan, Settings, SheetSnapshot } from '../core';

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
}

export interface WorkbookFrontEnd<Ctx, Done extends AppliedCounts = AppliedCounts> {
  /** One batch (one Excel.run): failures come out as { code, messageZh, hint }. */
  run<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  /** The active sheet as an engine snapshot; `warnings` says (in Chinese) what this host could not read. */
  readSnapshot(ctx: Ctx): Promise<SheetSnapshot & { warnings?: string[] }>;
  /** Applies a plan, or an inverse plan made by invertPlan. */
  applyPlan(ctx: Ctx, plan: Plan): Promise<Done>;
  /** The plan that puts back what `plan` changed; `applied` (when known) adds what applying found, e.g. rules it removed. */
  invertPlan(plan: Plan, applied?: Done): Plan;
  selectCell(ctx: Ctx, sheet: string, address: string): Promise<void>;
  /** Notes need ExcelApi 1.18. */
  notesSupported(): boolean;
  /** Settings saved in the workbook (Office.context.document.settings), or null when none were saved. */
  loadSettings(): Promise<Partial<Settings> | null>;
  saveSettings(s: Settings): Promise<void>;
}
