import { describe, expect, it } from 'vitest';
import { countWrittenCells, withDefaults, type Plan, type Settings, type SheetSnapshot } from '../../src/core';
import { createWorkbookActions } from '../../src/taskpane/host/workbookActions';
import type { WorkbookFrontEnd } from '../../src/taskpane/host/WorkbookFrontEnd';
import { applyToSnapshot } from '../helpers/applyToSnapshot';
import { sampleSheet } from './sample';

/** An in-memory front end: the "workbook" is one snapshot; runs, reads and applies are counted. */
function fakeFrontEnd(notes = true) {
  const state = { sheet: sampleSheet(), runs: 0, reads: 0, applies: [] as Plan[], saved: null as Settings | null, selected: [] as string[] };
  const fe: WorkbookFrontEnd<{ id: number }> = {
    run: async (fn) => fn({ id: ++state.runs }),
    readSnapshot: async () => (state.reads++, state.sheet),
    readWorkbook: async () => (state.reads++, { sheets: [state.sheet], warnings: [] }),
    applyPlan: async (_ctx, plan) => {
      state.applies.push(plan);
      state.sheet = applyToSnapshot(state.sheet, plan);
      const formulas = plan.writes.flatMap((w) => w.inputs.flat()).filter((v) => typeof v === 'string' && v.startsWith('=')).length;
      return { cellsWritten: countWrittenCells(plan), formulasWritten: formulas, rulesAdded: plan.conditionalFormats.length, rulesRemoved: plan.removeConditionalFormats.length, notesWritten: plan.notes.length, notesRemoved: plan.removeNotes.length, warnings: [] };
    },
    // Cell writes only: enough to check that undo applies the inverse and restores the typed cell.
    invertPlan: (plan) => ({
      ...plan,
      writes: plan.writes.map((w) => ({ ...w, inputs: w.before, before: w.inputs, numberFormat: undefined })),
      conditionalFormats: [],
      removeConditionalFormats: plan.conditionalFormats.map((c) => ({ ranges: c.ranges, formula: c.formula })),
      notes: [],
      merges: [],
      columnWidths: [],
    }),
    selectCell: async (_ctx, sheet, address) => void state.selected.push(`${sheet}!${address}`),
    notesSupported: () => notes,
    loadSettings: async () => state.saved,
    saveSettings: async (s) => void (state.saved = s),
  };
  return { fe, state };
}

const cell = (s: SheetSnapshot, row: number, col: number) => s.formulas[row - 1]?.[col - 1] ?? s.values[row - 1]?.[col - 1] ?? null;

describe('createWorkbookActions', () => {
  it('uses one run per user action and undoes its own write', async () => {
    const { fe, state } = fakeFrontEnd();
    const actions = createWorkbookActions(fe);
    const settings = withDefaults();
    const d = await actions.detect(settings, {});
    expect(state.runs).toBe(1);
    expect(d.preview.overwrites.map((o) => o.cell)).toEqual(['F5']);

    const out = await actions.apply(settings, {}, { overwrite: true });
    expect(state.runs).toBe(2);
    expect(state.reads).toBe(2);
    expect(out).toMatchObject({ formulas: 10, overwritten: 1, notesWritten: 2, notesSkipped: 0, nothingToDo: false });
    expect(cell(state.sheet, 5, 6)).toBe('=IFERROR(E5/D5,"--")');

    const undo = await actions.undo();
    expect(state.runs).toBe(3);
    expect(undo).toMatchObject({ undone: true, cellsRestored: 11 });
    expect(cell(state.sheet, 5, 6)).toBe('99%');
    expect(cell(state.sheet, 4, 6)).toBeNull();
    expect(await actions.undo()).toMatchObject({ undone: false });
  });

  it('refuses to overwrite a cell the preview did not list', async () => {
    const { fe, state } = fakeFrontEnd();
    const actions = createWorkbookActions(fe);
    await expect(actions.apply(withDefaults(), {}, { overwrite: true })).rejects.toMatchObject({ code: 'no-preview', messageZh: expect.any(String) });
    expect(state.applies).toHaveLength(0);
    expect(await actions.undo()).toMatchObject({ undone: false });
  });

  it('skips notes on hosts without ExcelApi 1.18 and says so', async () => {
    const { fe, state } = fakeFrontEnd(false);
    const actions = createWorkbookActions(fe);
    const d = await actions.detect(withDefaults(), {});
    expect(d.notesSupported).toBe(false);
    const out = await actions.apply(withDefaults(), {}, { overwrite: false });
    expect(out).toMatchObject({ formulas: 9, notesWritten: 0, notesSkipped: 2, overwritten: 0 });
    expect(state.applies[0].notes).toEqual([]);
    // A second 写入 needs a new 识别, which finds nothing left to do.
    await expect(actions.apply(withDefaults(), {}, { overwrite: false })).rejects.toMatchObject({ code: 'no-preview' });
    expect((await actions.detect(withDefaults(), {})).preview.nothingToDo).toBe(true);
    const again = await actions.apply(withDefaults(), {}, { overwrite: false });
    expect(again.nothingToDo).toBe(true);
  });

  it('loads defaults when nothing is saved, and selects cells', async () => {
    const { fe, state } = fakeFrontEnd();
    const actions = createWorkbookActions(fe);
    expect(await actions.loadSettings()).toEqual(withDefaults());
    await actions.saveSettings(withDefaults({ executionThreshold: 0.8 }));
    expect((await actions.loadSettings()).executionThreshold).toBe(0.8);
    await actions.select('执行表', 'F4');
    expect(state.selected).toEqual(['执行表!F4']);
  });
});
