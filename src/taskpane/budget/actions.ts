/**
 * BudgetActions over a workbook front end (the host port): each user action is ONE run (one Excel.run in Excel):
 * read → run the engine → apply → keep the inverse plan for 撤销上次写入 (shared/undoLedger.ts).
 */
import { isEmptyPlan, withDefaults } from '../../core';
import type { AppliedCounts, WorkbookFrontEnd } from '../host/WorkbookFrontEnd';
import { undoLast, type UndoLedger } from '../shared/undoLedger';
import { buildDetection, planApply } from './detection';
import type { ApplyOutcome, BudgetActions } from './types';

export function createBudgetActions<Ctx, Done extends AppliedCounts>(fe: WorkbookFrontEnd<Ctx, Done>, ledger: UndoLedger): BudgetActions {
  /** Cells ("Sheet!F5") the last preview listed as would-be-overwritten: what consent covers. */
  let consented = new Set<string>();

  return {
    detect: (settings, mappings) =>
      fe.run(async (ctx) => {
        const detection = buildDetection(await fe.readSnapshot(ctx), settings, mappings, fe.notesSupported());
        consented = new Set(detection.preview.overwrites.map((o) => `${o.sheet}!${o.cell}`));
        return detection;
      }),

    apply: (settings, mappings, consent) =>
      fe.run(async (ctx): Promise<ApplyOutcome> => {
        const snapshot = await fe.readSnapshot(ctx);
        const { report, plan, notesSkipped } = planApply(snapshot, settings, mappings, consent.overwrite, fe.notesSupported(), consented);
        const base = { sheet: plan.sheet, report, notesSkipped, overwritten: report.overwritten.length };
        if (isEmptyPlan(plan))
          return { ...base, formulas: 0, cellsWritten: 0, rulesAdded: 0, rulesRemoved: 0, notesWritten: 0, nothingToDo: true, warnings: [] };
        // Recorded before applying: if a later row block fails, what did get written can still be undone
        // (restoring a cell that was not reached puts back the value it still has).
        ledger.inverses = [fe.invertPlan(plan)];
        ledger.kind = 'budget';
        const done = await fe.applyPlan(ctx, plan);
        // Now with what applying found (the out-of-date rules it removed), so undo can put those back too.
        ledger.inverses = [fe.invertPlan(plan, done)];
        return {
          ...base,
          formulas: done.formulasWritten,
          cellsWritten: done.cellsWritten,
          rulesAdded: done.rulesAdded,
          rulesRemoved: done.rulesRemoved,
          notesWritten: done.notesWritten,
          nothingToDo: false,
          warnings: done.warnings,
        };
      }),

    undo: () => undoLast(fe, ledger),

    select: (sheet, cell) => fe.run((ctx) => fe.selectCell(ctx, sheet, cell)),

    loadSettings: async () => withDefaults((await fe.loadSettings()) ?? {}),

    saveSettings: (s) => fe.saveSettings(s),
  };
}
