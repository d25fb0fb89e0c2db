/**
 * 年度工具 through the real Office.js front end on the simulated Excel (liwan-2021 sample): the preview of next
 * year's sheets, their creation beside the sources (sources untouched, a second run adds nothing), the monitor at
 * month 6 and its refresh, undo, and the errors the pane shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/core';
import { readWorkbookSnapshots, runExcel } from '../../src/excel';
import type { SimulatedOffice } from '../../src/preview/sim';
import { createExcelActions } from '../../src/taskpane/host/excelActions';
import { loadSample } from './sampleBook';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

const settings = withDefaults();

async function liwan() {
  const sample = await loadSample('liwan-2021');
  office = sample.office;
  return { book: sample.book, actions: createExcelActions() };
}

describe('下一年度', () => {
  it('previews, then copies each sheet beside its source; the sources stay exactly as they were; a second run leaves them alone', async () => {
    const { book, actions } = await liwan();
    const before = await runExcel((c) => readWorkbookSnapshots(c));
    const preview = await actions.previewNextYear(settings, { carryActuals: false });
    expect(preview.toCreate).toBe(3);
    const targets = preview.report.sheets.map((s) => s.to);
    expect(preview.report.sheets.map((s) => s.from)).toEqual(['表1-2', '项目支出', '绩效指标']);
    expect(book.sheets).toHaveLength(3); // a preview changes nothing

    const out = await actions.createNextYear(settings, { carryActuals: false });
    expect(out.created).toEqual(targets);
    const names = book.sheets.map((s) => s.name);
    for (const t of targets) expect(names.indexOf(t)).toBe(names.indexOf(preview.report.sheets.find((s) => s.to === t)!.from) + 1);
    expect(book.activeSheet.name).toBe(targets[0]);
    const after = await runExcel((c) => readWorkbookSnapshots(c));
    for (const s of before.sheets) expect({ ...after.sheets.find((x) => x.name === s.name), syncs: 0 }).toEqual({ ...s, syncs: 0 });

    // A second run never re-creates or changes a sheet that is there (which sheets the engine proposes is its call).
    const six = await runExcel((c) => readWorkbookSnapshots(c));
    const again = await actions.createNextYear(settings, { carryActuals: false });
    expect(again.created.filter((n) => names.includes(n))).toEqual([]);
    expect(book.sheets).toHaveLength(6 + again.created.length);
    const later = await runExcel((c) => readWorkbookSnapshots(c));
    for (const s of six.sheets) expect({ ...later.sheets.find((x) => x.name === s.name), syncs: 0 }).toEqual({ ...s, syncs: 0 });
  });

  it('undo deletes the sheets it created', async () => {
    const { book, actions } = await liwan();
    await actions.createNextYear(settings, { year: 2022, carryActuals: true });
    expect(book.sheets).toHaveLength(6);
    expect(actions.lastWrite()).toBe('year');
    const undo = await actions.undo();
    expect(actions.lastWrite()).toBeNull();
    expect(undo.sheetsDeleted).toHaveLength(3);
    expect(book.sheets.map((s) => s.name)).toEqual(['表1-2', '项目支出', '绩效指标']);
  });

  it('a year that is not four digits is refused in Chinese before anything is written', async () => {
    const { book, actions } = await liwan();
    await expect(actions.createNextYear(settings, { year: 22, carryActuals: false })).rejects.toMatchObject({ messageZh: expect.stringContaining('年度填写有误') });
    expect(book.sheets).toHaveLength(3);
  });
});

describe('运行监控', () => {
  it('month 6 builds 绩效运行监控 with lights and drop-downs; month 12 refreshes the same sheet; undo restores month 6', async () => {
    const { book, actions } = await liwan();
    const six = await actions.buildMonitor(settings, 6);
    expect(six.created).toBe(true);
    expect(book.activeSheet.name).toBe('绩效运行监控');
    const grid = () => book.getDisplayGrid('绩效运行监控');
    const cellText = (label: string) => grid().cells.find((r) => r[0].text === label)![1].text;
    expect(cellText('截至月份')).toBe('6');
    expect(cellText('绿灯项目数')).toBe(String(six.report.summary.green));
    const lights = grid().cells.flat().filter((c) => c.text === '绿灯');
    expect(lights.every((c) => c.fill === '#C6EFCE')).toBe(true);
    expect(grid().cells.flat().some((c) => c.validation?.includes('完全不可能'))).toBe(true);

    const twelve = await actions.buildMonitor(settings, 12);
    expect([twelve.created, twelve.report.refreshed, book.sheets.filter((s) => s.name === '绩效运行监控').length]).toEqual([false, true, 1]);
    expect(twelve.report.summary.red).toBeGreaterThanOrEqual(2);
    expect(cellText('红灯项目数')).toBe(String(twelve.report.summary.red));

    await actions.undo();
    expect(cellText('截至月份')).toBe('6');
  });

  it('refuses a month outside 1–12 in Chinese', async () => {
    const { actions } = await liwan();
    await expect(actions.buildMonitor(settings, 13)).rejects.toMatchObject({ messageZh: '截至月份应为 1 到 12 月。' });
  });
});
