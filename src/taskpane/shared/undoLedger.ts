/**
 * The pane's own record of its last write, as inverse plans (latest first), so 撤销上次写入 works whatever Excel's
 * undo stack holds. One record for every kind of write — budget formulas, the indicator sheet, next year's
 * sheets, the monitor — because "the last write" is one thing to the user.
 *
 * Writes of several plans are recorded plan by plan: the undo of a plan is kept before the plan is sent (so a
 * request that fails half way can still be undone) and replaced by the exact one once Excel says what it did.
 */
import { planRows, type Plan, type SheetSnapshot } from '../../core';
import type { UndoOutcome, WriteKind } from './paneTypes';
import { nextFrame, STEP, type OnProgress } from './progress';
import type { AppliedCounts, WorkbookFrontEnd } from '../host/WorkbookFrontEnd';

export interface UndoLedger {
  /** Inverse plans, in the order to apply them; null when there is nothing to undo. */
  inverses: Plan[] | null;
  /** Which part of the pane made the write. */
  kind: WriteKind | null;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export interface SequenceOptions {
  kind: WriteKind;
  /** The workbook as read in this run: sheet names (in order) and the snapshots a refresh's undo restores from. */
  snapshots: SheetSnapshot[];
  /** Show this sheet at the end (the one the user asked to build). */
  activate?: string;
  /** Rows written of all the plans' rows, as the write goes (the pane's progress bar). */
  onProgress?: OnProgress;
}

/** Applies plans in order in one run, recording their undo as it goes. */
export async function applySequence<Ctx, Done extends AppliedCounts>(
  fe: WorkbookFrontEnd<Ctx, Done>,
  ctx: Ctx,
  ledger: UndoLedger,
  plans: Plan[],
  options: SequenceOptions,
): Promise<Done[]> {
  let sheets = options.snapshots.map((s) => s.name);
  const inverses: Plan[] = [];
  ledger.inverses = inverses;
  ledger.kind = options.kind;
  const done: Done[] = [];
  const total = plans.reduce((n, p) => n + planRows(p), 0);
  let before = 0;
  const progress = (rows: number) => options.onProgress?.({ step: STEP.writing, done: before + rows, total });
  if (options.onProgress) {
    progress(0);
    await nextFrame();
  }
  for (const plan of plans) {
    const read = options.snapshots.find((s) => sameName(s.name, plan.sheet));
    const known = { before: read, creates: !read && Boolean(plan.createSheet || plan.copyFrom) };
    inverses.unshift(fe.invertPlan(plan, undefined, known));
    const activate = options.activate !== undefined && sameName(plan.sheet, options.activate);
    const result = await fe.applyPlan(ctx, plan, { sheets, activate, onProgress: options.onProgress && progress });
    before += planRows(plan);
    inverses[0] = fe.invertPlan(plan, result, known);
    sheets = result.sheets ?? sheets;
    done.push(result);
  }
  return done;
}

/**
 * Applies the recorded undo (one run) and forgets it. Each inverse is dropped from the record once applied, so
 * when one fails (a sheet protected since) the rest stays recorded and 撤销 can be tried again after the fix.
 */
export async function undoLast<Ctx, Done extends AppliedCounts>(fe: WorkbookFrontEnd<Ctx, Done>, ledger: UndoLedger): Promise<UndoOutcome> {
  const inverses = ledger.inverses;
  if (!inverses || inverses.length === 0) return { undone: false, cellsRestored: 0, rulesRemoved: 0, notesRemoved: 0, notesRestored: 0, sheets: [] };
  return fe.run(async (ctx) => {
    const out: UndoOutcome = { undone: true, cellsRestored: 0, rulesRemoved: 0, notesRemoved: 0, notesRestored: 0, sheets: [], sheetsDeleted: [] };
    while (inverses.length > 0) {
      const inverse = inverses[0];
      const done = await fe.applyPlan(ctx, inverse);
      inverses.shift();
      out.cellsRestored += done.cellsWritten;
      out.rulesRemoved += done.rulesRemoved;
      out.notesRemoved += done.notesRemoved;
      out.notesRestored += done.notesWritten;
      if (!out.sheets.includes(inverse.sheet)) out.sheets.push(inverse.sheet);
      if (done.sheetDeleted) out.sheetsDeleted!.push(inverse.sheet);
    }
    ledger.inverses = null;
    ledger.kind = null;
    return out;
  });
}
