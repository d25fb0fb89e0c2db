/**
 * Issue 10, item 13: a header the engine adds (预算调整率 beside 预算执行率) takes the neighbouring header's fill,
 * through the Office.js front end on the simulated Excel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/core';
import { installSimulatedOffice, loadWorkbookFromSnapshots, type SimulatedOffice } from '../../src/preview/sim';
import { createExcelActions } from '../../src/taskpane/host/excelActions';
import { sampleSheet } from './sample';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

describe('an added header', () => {
  it('has the fill of the header beside it', async () => {
    const book = loadWorkbookFromSnapshots([sampleSheet()]);
    const sheet = book.getSheet('执行表')!;
    sheet.applyStyle({ top: 3, left: 1, bottom: 3, right: 6 }, { fill: '#DDEBF7', bold: true });
    office = installSimulatedOffice(book);
    const actions = createExcelActions();
    const d = await actions.detect(withDefaults(), {});
    expect(d.preview.columns.find((c) => c.added)?.column).toBe('G');
    await actions.apply(withDefaults(), {}, { overwrite: false });
    expect(sheet.values({ top: 3, left: 7, bottom: 3, right: 7 })[0][0]).toBe('预算调整率');
    expect(sheet.styleAt(3, 7)).toMatchObject({ fill: '#DDEBF7', bold: true });
  });
});
