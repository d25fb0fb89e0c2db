/**
 * YearActions over a workbook front end: next year's sheets (a preview of what would be added, then one run that
 * copies and empties them) and the mid-year monitor (one run that builds or refreshes 绩效运行监控). The engines
 * decide everything (planning.ts, loaded on first use); this file reads, applies and records the undo
 * (created sheets are deleted by it).
 */
import type { Plan } from '../../core';
import type { MonitorOutcome, NextYearOutcome, YearActions } from './types';
import { lazyModule } from '../shared/lazyModule';
import { withoutNotes } from '../shared/notes';
import { readForEngine } from '../shared/progress';
import { applySequence, type UndoLedger } from '../shared/undoLedger';
import type { AppliedCounts, WorkbookFrontEnd } from '../host/WorkbookFrontEnd';

const planner = lazyModule(() => import(/* webpackChunkName: "year-tools" */ './planning'));

export function createYearActions<Ctx, Done extends AppliedCounts>(fe: WorkbookFrontEnd<Ctx, Done>, ledger: UndoLedger): YearActions {
  const notes = (p: Plan) => (fe.notesSupported() ? p : withoutNotes(p));
  return {
    previewNextYear: async (settings, choice, onProgress) => {
      const { nextYearPlans, previewOf } = await planner();
      return fe.run(async (ctx) => {
        const wb = await readForEngine(fe, ctx, onProgress);
        const planned = nextYearPlans(wb.sheets, settings, choice);
        return previewOf(planned.report, planned.plans);
      });
    },

    createNextYear: async (settings, choice, onProgress) => {
      const { nextYearPlans } = await planner();
      return fe.run(async (ctx): Promise<NextYearOutcome> => {
        const wb = await readForEngine(fe, ctx, onProgress);
        const planned = nextYearPlans(wb.sheets, settings, choice);
        if (planned.plans.length === 0) return { report: planned.report, created: [], warnings: [] };
        const plans = planned.plans.map(notes);
        const done = await applySequence(fe, ctx, ledger, plans, { kind: 'year', snapshots: wb.sheets, activate: plans[0].sheet, onProgress });
        return {
          report: planned.report,
          created: plans.filter((_, i) => done[i].sheetCreated === true).map((p) => p.sheet),
          warnings: done.flatMap((d) => d.warnings),
        };
      });
    },

    buildMonitor: async (settings, month, onProgress) => {
      const { monitorPlan } = await planner();
      return fe.run(async (ctx): Promise<MonitorOutcome> => {
        const wb = await readForEngine(fe, ctx, onProgress);
        const { report, plan } = monitorPlan(wb.sheets, settings, month);
        const [done] = await applySequence(fe, ctx, ledger, [notes(plan)], { kind: 'year', snapshots: wb.sheets, activate: plan.sheet, onProgress });
        return { report, created: done.sheetCreated === true, warnings: done.warnings };
      });
    },
  };
}
