/**
 * BudgetActions over a workbook front end (the host port): each user action is ONE run (one Excel.run in Excel):
 * read → run the engine → apply → keep the inverse plan for 撤销上次写入 (shared/undoLedger.ts).
 *
 * 写入 applies exactly what the user previewed: it reads the sheet the preview was made for (not whichever sheet
 * is active now) and refuses when that sheet, the settings or the column choices changed since 识别.
 */
import { isEmptyPlan, planRows, withDefaults } from '../../core';
import type { AppliedCounts, WorkbookFrontEnd } from '../host/WorkbookFrontEnd';
import { PaneFailure } from '../shared/paneError';
import { nextFrame, STEP } from '../shared/progress';
import { sheetFingerprint } from '../shared/sheetFingerprint';
import { undoLast, type UndoLedger } from '../shared/undoLedger';
import { buildDetection, planApply, sheetChanged } from './detection';
import type { ApplyOutcome, BudgetActions } from './types';

/** What the last 识别 showed: the sheet, its fingerprint, and the cells consent covers ("Sheet!F5"). */
interface Previewed {
  sheet: string;
  fingerprint: string;
  consented: Set<string>;
}

const notPreviewed = () => new PaneFailure('no-preview', '还没有预览：未写入任何内容。', '请先点击“识别表格”，在“预览”页确认后再写入。');

export function createBudgetActions<Ctx, Done extends AppliedCounts>(fe: WorkbookFrontEnd<Ctx, Done>, ledger: UndoLedger): BudgetActions {
  let previewed: Previewed | null = null;

  return {
    detect: (settings, mappings, onProgress) =>
      fe.run(async (ctx) => {
        onProgress?.({ step: '正在读取工作表…' });
        const snapshot = await fe.readSnapshot(ctx);
        onProgress?.({ step: `正在识别“${snapshot.name}”（${snapshot.values.length} 行）…` });
        await nextFrame();
        const detection = buildDetection(snapshot, settings, mappings, fe.notesSupported());
        // Each long step in its own turn, so the pane paints and answers keys between them.
        await nextFrame();
        previewed = {
          sheet: snapshot.name,
          fingerprint: sheetFingerprint(snapshot, settings, mappings),
          consented: new Set(detection.preview.overwrites.map((o) => `${o.sheet}!${o.cell}`)),
        };
        return detection;
      }),

    apply: (settings, mappings, consent, onProgress) =>
      fe.run(async (ctx): Promise<ApplyOutcome> => {
        if (!previewed) throw notPreviewed();
        onProgress?.({ step: `正在读取工作表“${previewed.sheet}”…` });
        const snapshot = await fe.readSnapshot(ctx, previewed.sheet);
        onProgress?.({ step: '正在核对并计算…' });
        await nextFrame();
        if (sheetFingerprint(snapshot, settings, mappings) !== previewed.fingerprint) throw sheetChanged(previewed.sheet);
        await nextFrame();
        const { report, plan, notesSkipped } = planApply(snapshot, settings, mappings, consent.overwrite, fe.notesSupported(), previewed.consented);
        const base = { sheet: plan.sheet, report, notesSkipped, overwritten: report.overwritten.length };
        if (isEmptyPlan(plan))
          return { ...base, formulas: 0, cellsWritten: 0, rulesAdded: 0, rulesRemoved: 0, notesWritten: 0, nothingToDo: true, warnings: [] };
        // Recorded before applying: if a later row block fails, what did get written can still be undone
        // (restoring a cell that was not reached puts back the value it still has).
        await nextFrame();
        ledger.inverses = [fe.invertPlan(plan)];
        ledger.kind = 'budget';
        onProgress?.({ step: STEP.writing, done: 0, total: planRows(plan) });
        await nextFrame();
        const done = await fe.applyPlan(ctx, plan, { onProgress: (rows, total) => onProgress?.({ step: STEP.writing, done: rows, total }) });
        // Now with what applying found (the out-of-date rules it removed), so undo can put those back too.
        ledger.inverses = [fe.invertPlan(plan, done)];
        // The sheet now holds the write: a second 写入 needs a new 识别 (which will find nothing left to do).
        previewed = null;
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
