/**
 * Issue 10, item 1: 写入 applies exactly the plan the user previewed, to the sheet it was made for. Switching to
 * another sheet before 写入 still writes the previewed sheet (and only it); an edit to the previewed sheet since
 * 识别 makes 写入 refuse, naming the sheet, and write nothing.
 */
import { describe, expect, it } from 'vitest';
import { countWrittenCells, withDefaults, type Plan, type SheetSnapshot } from '../../src/core';
import { createWorkbookActions } from '../../src/taskpane/host/workbookActions';
import type { WorkbookFrontEnd } from '../../src/taskpane/host/WorkbookFrontEnd';
import { applyToSnapshot } from '../helpers/applyToSnapshot';
import { sampleSheet } from './sample';

function twoSheetBook() {
  const other: SheetSnapshot = { ...sampleSheet(), name: '另一张表' };
  const book = { sheets: new Map<string, SheetSnapshot>([['执行表', sampleSheet()], ['另一张表', other]]), active: '执行表', applied: [] as string[] };
  const fe: WorkbookFrontEnd<null> = {
    run: async (fn) => fn(null),
    readSnapshot: async (_ctx, sheet) => book.sheets.get(sheet ?? book.active)!,
    readWorkbook: async () => ({ sheets: [...book.sheets.values()], warnings: [] }),
    applyPlan: async (_ctx, plan: Plan) => {
      book.applied.push(plan.sheet);
      book.sheets.set(plan.sheet, applyToSnapshot(book.sheets.get(plan.sheet)!, plan));
      return { cellsWritten: countWrittenCells(plan), formulasWritten: 0, rulesAdded: 0, rulesRemoved: 0, notesWritten: 0, notesRemoved: 0, warnings: [] };
    },
    invertPlan: (plan) => plan,
    selectCell: async () => undefined,
    notesSupported: () => true,
    loadSettings: async () => null,
    saveSettings: async () => undefined,
  };
  return { fe, book };
}

describe('写入 after switching sheets', () => {
  it('writes the sheet that was previewed, not the one active now', async () => {
    const { fe, book } = twoSheetBook();
    const actions = createWorkbookActions(fe);
    const d = await actions.detect(withDefaults(), {});
    expect(d.sheet).toBe('执行表');
    book.active = '另一张表';
    const out = await actions.apply(withDefaults(), {}, { overwrite: false });
    expect(out.sheet).toBe('执行表');
    expect(book.applied).toEqual(['执行表']);
  });

  it('refuses, naming the sheet, when the previewed sheet changed since 识别', async () => {
    const { fe, book } = twoSheetBook();
    const actions = createWorkbookActions(fe);
    await actions.detect(withDefaults(), {});
    const edited = book.sheets.get('执行表')!;
    book.sheets.set('执行表', { ...edited, values: edited.values.map((row, r) => (r === 3 ? row.map((v, c) => (c === 4 ? 10 : v)) : row)) });
    book.active = '另一张表';
    await expect(actions.apply(withDefaults(), {}, { overwrite: false })).rejects.toMatchObject({ code: 'sheet-changed', messageZh: expect.stringContaining('“执行表”') });
    expect(book.applied).toEqual([]);
  });

  it('refuses when the settings changed since the preview', async () => {
    const { fe, book } = twoSheetBook();
    const actions = createWorkbookActions(fe);
    await actions.detect(withDefaults(), {});
    await expect(actions.apply(withDefaults({ executionThreshold: 0.5 }), {}, { overwrite: false })).rejects.toMatchObject({ code: 'sheet-changed' });
    expect(book.applied).toEqual([]);
  });
});
