/**
 * While a cell is being edited, Excel holds the add-in's batches (delayForCellEdit) and the pane would seem to hang
 * (office-js#806, #1393): the pane hears it and says "请先结束单元格编辑" until the batch goes on.
 */
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { readSnapshot, runExcel } from '../../src/excel';
import { installSimulatedOffice, type SimulatedOffice } from '../../src/preview/sim';
import { excelFrontEnd } from '../../src/taskpane/host/excelFrontEnd';
import { createWorkbookActions } from '../../src/taskpane/host/workbookActions';
import { CellEditNotice } from '../../src/taskpane/shared/components/CellEditNotice';
import { budgetBook } from '../excel/fixtures';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('waiting for a cell edit to end', () => {
  it('the actions hear that a batch waits for the cell edit, and that it went on', async () => {
    const book = budgetBook(3);
    office = installSimulatedOffice(book);
    const actions = createWorkbookActions(excelFrontEnd);
    const heard: boolean[] = [];
    const stop = actions.watchCellEditWait?.((w) => heard.push(w));
    try {
      book.enterCellEditMode();
      let done = false;
      const pending = runExcel((c) => readSnapshot(c)).then((s) => ((done = true), s));
      await sleep(1200);
      expect([done, heard]).toEqual([false, [true]]);
      book.exitCellEditMode();
      expect((await pending).values.length).toBe(7);
      expect(heard).toEqual([true, false]);
      // No edit going on: nothing to say.
      await runExcel((c) => readSnapshot(c));
      expect(heard).toEqual([true, false]);
    } finally {
      stop?.();
    }
  });

  it('the pane shows what to do while it waits, and nothing otherwise', () => {
    const shown = renderToString(<CellEditNotice waiting />);
    expect(shown).toContain('请先结束单元格编辑');
    expect(shown).toContain('Enter');
    expect(renderToString(<CellEditNotice waiting={false} />)).toBe('');
  });
});
