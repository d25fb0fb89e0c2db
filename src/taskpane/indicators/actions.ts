/**
 * IndicatorActions over a workbook front end: one run each. 识别 reads every sheet and plans; 写入 reads again
 * (the workbook may have changed since), writes the budget sheets' rate formulas and then builds or refreshes
 * 绩效指标完成情况, shows it, and records the undo of all of it.
 *
 * The indicator engine is loaded when first used (its own bundle chunk): the pane opens as fast as it did before
 * it had this part, and the production bundle stays within its size budget (webpack.config.js).
 */
const planner = lazyModule(() => import(/* webpackChunkName: "indicators" */ './planning'));
import type { IndicatorActions, IndicatorApplyOutcome } from './types';
import { lazyModule } from '../shared/lazyModule';
import { readForEngine } from '../shared/progress';
import { applySequence, type UndoLedger } from '../shared/undoLedger';
import type { AppliedCounts, WorkbookFrontEnd } from '../host/WorkbookFrontEnd';

export function createIndicatorActions<Ctx, Done extends AppliedCounts>(fe: WorkbookFrontEnd<Ctx, Done>, ledger: UndoLedger): IndicatorActions {
  return {
    detectIndicators: async (settings, mappings, onProgress) => {
      const { planIndicators } = await planner();
      return fe.run(async (ctx) => {
        const wb = await readForEngine(fe, ctx, onProgress);
        const planning = planIndicators(wb.sheets, settings, mappings, fe.notesSupported());
        return { report: planning.report, preview: planning.preview, notesSupported: fe.notesSupported(), warnings: wb.warnings };
      });
    },

    applyIndicators: async (settings, mappings, onProgress) => {
      const { planIndicators } = await planner();
      return fe.run(async (ctx): Promise<IndicatorApplyOutcome> => {
        const wb = await readForEngine(fe, ctx, onProgress);
        const planning = planIndicators(wb.sheets, settings, mappings, fe.notesSupported());
        const done = await applySequence(fe, ctx, ledger, planning.plans, { kind: 'indicators', snapshots: wb.sheets, activate: planning.report.sheet, onProgress });
        const built = done[done.length - 1];
        const budget = done.slice(0, -1);
        return {
          report: planning.report,
          sheet: planning.report.sheet,
          created: built.sheetCreated === true,
          refreshed: planning.preview.refresh,
          formulas: built.formulasWritten,
          cellsWritten: built.cellsWritten,
          budgetFormulas: budget.reduce((n, d) => n + d.formulasWritten, 0),
          notesSkipped: planning.notesSkipped,
          warnings: done.flatMap((d) => d.warnings),
        };
      });
    },
  };
}
