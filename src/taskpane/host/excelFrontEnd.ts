/**
 * The one file that binds the pane's action layer to the Office.js front end (src/excel). Everything
 * Excel-specific the actions need passes through here, so the action layer itself stays host-neutral.
 */
import type { Plan, Settings } from '../../core';
import {
  UserFacingError,
  applyPlan,
  createSettingsStore,
  invertPlan,
  isExcelApiSupported,
  readSnapshot,
  readWorkbookSnapshots,
  runExcel,
  selectCell,
  watchCellEditWait,
  watchSheetEdits,
  type ApplyResult,
  type SettingsStore,
  type UserErrorCode,
} from '../../excel';
import { PaneFailure } from '../shared/paneError';
import type { AppliedCounts, WorkbookFrontEnd } from './WorkbookFrontEnd';

type ExcelApplied = AppliedCounts & { result: ApplyResult };

// Below ExcelApi 1.14 a change event does not say who made it: changes while one of our runs is going on, or
// within a moment after it (events arrive after the request completes), are taken to be ours.
const OWN_WRITE_GRACE_MS = 1500;
const own = { running: 0, endedAt: 0 };
const isOwnWrite = () => own.running > 0 || Date.now() - own.endedAt < OWN_WRITE_GRACE_MS;

// Created on first use: Office.context.document.settings only exists once Office.onReady has resolved.
let store: SettingsStore | null = null;
const settingsStore = () => (store ??= createSettingsStore());

export const excelFrontEnd: WorkbookFrontEnd<Excel.RequestContext, ExcelApplied> = {
  run: (fn) =>
    runExcel(async (context) => {
      own.running++;
      try {
        return await fn(context);
      } catch (e) {
        // runExcel maps anything that is not a UserFacingError to a generic message: keep the pane's own wording.
        if (e instanceof PaneFailure) throw new UserFacingError(e.code as UserErrorCode, e.messageZh, e.hint);
        throw e;
      } finally {
        own.running--;
        own.endedAt = Date.now();
      }
    }),

  watchEdits: (onEdit) => watchSheetEdits(onEdit, { isOwnWrite }),

  watchCellEditWait: (onWait) => watchCellEditWait(onWait),

  readSnapshot: (context, sheet) => readSnapshot(context, sheet === undefined ? {} : { sheetName: sheet }),

  readWorkbook: async (context) => {
    const wb = await readWorkbookSnapshots(context);
    return { sheets: wb.sheets, warnings: wb.warnings };
  },

  applyPlan: async (context, plan, options = {}): Promise<ExcelApplied> => {
    const result = await applyPlan(context, plan, options);
    return {
      result,
      cellsWritten: result.cellsWritten,
      formulasWritten: result.formulasWritten,
      rulesAdded: result.conditionalFormatsAdded,
      rulesRemoved: result.conditionalFormatsRemoved,
      notesWritten: result.notesWritten,
      notesRemoved: result.notesRemoved,
      warnings: result.warnings,
      sheetCreated: result.sheetCreated,
      sheetDeleted: result.sheetDeleted,
      sheets: result.sheets,
    };
  },

  invertPlan: (plan: Plan, applied?: ExcelApplied, known = {}) =>
    invertPlan(plan, {
      removedConditionalFormats: applied?.result.removedConditionalFormats,
      sheetCreated: applied ? applied.result.sheetCreated : known.creates,
      before: known.before,
    }),

  selectCell: (context, sheet, address) => selectCell(context, sheet, address),

  notesSupported: () => isExcelApiSupported('1.18'),

  loadSettings: async () => settingsStore().get(),

  saveSettings: (s: Settings) => settingsStore().set(s),
};
