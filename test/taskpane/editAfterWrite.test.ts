/**
 * Issue 10, item 4: the pane notices edits. Through the real Office.js front end on the simulated Excel (liwan
 * sample, 项目支出): after 写入, the user changes amounts; the pane hears of it (its own write raised no "edit"),
 * the next 识别 plans the notes again, and after 写入 no note states a number that is no longer true.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/core';
import type { SimulatedOffice } from '../../src/preview/sim';
import { createExcelActions } from '../../src/taskpane/host/excelActions';
import type { SheetEdit } from '../../src/taskpane/host/WorkbookFrontEnd';
import { loadSample } from './sampleBook';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

const settings = withDefaults();
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('an edit after 写入', () => {
  it('is heard, and the next 识别 + 写入 leaves only notes that state true numbers', async () => {
    const sample = await loadSample('liwan-2021');
    office = sample.office;
    const { book } = sample;
    book.activateSheet('项目支出');
    const actions = createExcelActions();
    const edits: SheetEdit[] = [];
    const stop = actions.watchEdits!((e) => edits.push(e));
    await settle();

    await actions.detect(settings, {});
    await actions.apply(settings, {}, { overwrite: false });
    await settle();
    expect(edits).toEqual([]); // our own write is not the user's edit

    const sheet = book.getSheet('项目支出')!;
    const grid = sheet.values({ top: 1, left: 1, bottom: 80, right: 5 });
    const rowOf = (name: string) => grid.findIndex((row) => row[1] === name) + 1;
    const labour = rowOf('劳动保障监察工作经费');
    const training = rowOf('特色培训经费');
    expect(sheet.notes.get(`${labour},6`)?.content).toContain('45.89%');
    // 劳动保障监察工作经费 now spent in full; 特色培训经费 now spends half its budget.
    book.setCells('项目支出', labour, 5, [[grid[labour - 1][3] as number]]);
    book.setCells('项目支出', training, 5, [[32.5]]);
    await settle();
    expect(edits.map((e) => e.sheet)).toEqual(['项目支出', '项目支出']);

    const again = await actions.detect(settings, {});
    expect(again.preview.nothingToDo).toBe(false);
    expect(again.preview.notesRemoved + again.preview.notesAdded).toBeGreaterThan(0);
    await actions.apply(settings, {}, { overwrite: false });
    expect(sheet.notes.get(`${labour},6`)).toBeUndefined();
    expect(sheet.notes.get(`${training},6`)?.content).toContain('50.00%');
    stop();
  });

  it('on a host without triggerSource (ExcelApi 1.13), our own write is still not taken for the user\'s edit', async () => {
    const sample = await loadSample('liwan-2021');
    office = sample.office;
    const { book } = sample;
    book.setApiVersion('1.13');
    book.activateSheet('项目支出');
    const actions = createExcelActions();
    const edits: SheetEdit[] = [];
    const stop = actions.watchEdits!((e) => edits.push(e));
    await settle();
    await actions.detect(settings, {});
    await actions.apply(settings, {}, { overwrite: false });
    await settle();
    expect(edits).toEqual([]);
    stop();
  });
});
