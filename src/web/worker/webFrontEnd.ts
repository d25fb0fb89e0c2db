/**
 * The 网页版's front end on the pane's host port (WorkbookFrontEnd): the third one, beside Office.js and the
 * simulator. Its context is the workbook open in the page (a WorkbookSession). It runs inside the Web Worker,
 * under the same action layer as in Excel (createWorkbookActions), so 识别 / 写入 / 撤销 mean the same here.
 *
 * Undo: the inverse of a plan is "go back to the point before this plan" (session.ts replays the operations up
 * to there and keeps the user's typing since), which restores rules, notes, merges and created sheets exactly.
 */
import { countWrittenCells, emptyPlan, planRows, type Plan } from '../../core';
import type { AppliedCounts, WorkbookFrontEnd } from '../../taskpane/host/WorkbookFrontEnd';
import type { WorkbookSession } from './session';
import { parseCell } from '../../core';

export type WebApplied = AppliedCounts;

/** The inverse of a plan: come back to the checkpoint taken before it was applied. */
interface RestorePlan extends Plan {
  restoreTo: number;
  /** What applying it takes back, for the pane's "已恢复 N 个单元格". */
  counts: { cells: number; rules: number; notes: number; sheetCreated: boolean };
}

const isRestore = (p: Plan): p is RestorePlan => typeof (p as RestorePlan).restoreTo === 'number';

export function createWebFrontEnd(session: WorkbookSession): WorkbookFrontEnd<WorkbookSession, WebApplied> {
  /** Checkpoints by plan: the first invertPlan call (before applying) takes it; the second (after) reuses it. */
  const checkpoints = new WeakMap<Plan, number>();
  let pendingRestore: number | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const runNow = async <T>(fn: (ctx: WorkbookSession) => Promise<T>): Promise<T> => {
    const start = session.checkpoint;
    pendingRestore = null;
    try {
      const out = await fn(session);
      if (pendingRestore !== null) await session.restore(pendingRestore);
      return out;
    } catch (e) {
      // A failed run leaves nothing half-written: back to where it started.
      await session.restore(start);
      throw e;
    } finally {
      pendingRestore = null;
    }
  };

  return {
    // One run at a time, as Excel.run batches queue behind each other.
    run: <T>(fn: (ctx: WorkbookSession) => Promise<T>): Promise<T> => {
      const next = queue.then(() => runNow(fn));
      queue = next.catch(() => undefined);
      return next;
    },

    readSnapshot: async (ctx, sheet) => {
      const name = sheet ?? ctx.activeSheet;
      const snapshot = await ctx.sheet(name);
      if (!snapshot) throw { code: 'sheet-missing', messageZh: `工作簿中没有工作表“${name}”。`, hint: '请在下方的工作表标签中选择要处理的工作表，然后重新识别。' };
      return snapshot;
    },

    readWorkbook: async (ctx) => ({ sheets: await ctx.sheets(), warnings: [] }),

    applyPlan: async (ctx, plan, options = {}) => {
      if (isRestore(plan)) {
        pendingRestore = Math.min(pendingRestore ?? plan.restoreTo, plan.restoreTo);
        const c = plan.counts;
        return {
          cellsWritten: c.cells,
          formulasWritten: 0,
          rulesAdded: 0,
          rulesRemoved: c.rules,
          notesWritten: c.notes,
          notesRemoved: 0,
          warnings: [],
          sheetDeleted: c.sheetCreated,
        };
      }
      const rows = planRows(plan);
      options.onProgress?.(0, rows);
      const done = await ctx.apply(plan);
      options.onProgress?.(rows, rows);
      if (options.activate) ctx.show(plan.sheet, null);
      return { ...done, sheets: ctx.sheetNames() };
    },

    invertPlan: (plan, applied, known = {}) => {
      let at = checkpoints.get(plan);
      if (at === undefined) {
        at = session.checkpoint;
        checkpoints.set(plan, at);
      }
      const restore: RestorePlan = {
        ...emptyPlan(plan.sheet),
        restoreTo: at,
        counts: {
          cells: countWrittenCells(plan),
          rules: plan.conditionalFormats.length,
          notes: plan.notes.length + plan.removeNotes.length,
          sheetCreated: applied ? applied.sheetCreated === true : known.creates === true,
        },
      };
      return restore;
    },

    selectCell: async (ctx, sheet, address) => {
      const { row, col } = parseCell(address.replace(/\$/g, '').split(':')[0]);
      ctx.show(sheet, { sheet, row, col });
    },

    // Notes are written into the file's own comments part, whatever program opens it later.
    notesSupported: () => true,

    loadSettings: async () => session.settings,

    saveSettings: (s) => session.saveSettings(s),
  };
}
