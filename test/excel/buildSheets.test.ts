/**
 * Plans that build sheets, against the simulated Excel: created and copied sheets (placed where the plan says),
 * a refreshed sheet cleared first, drop-downs, frozen panes, and their undo. Sync counts are asserted: creating a
 * sheet and filling it is one request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../src/core';
import { applyPlan, applyPlans, invertPlan, readSnapshot, runExcel } from '../../src/excel';
import { installSimulatedOffice, loadWorkbookFromJson, type SimulatedOffice, type SimWorkbook } from '../../src/preview/sim';
import { budgetSheet, SHEET } from './fixtures';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

const BUILT = '绩效指标完成情况';

function book(): SimWorkbook {
  const b = loadWorkbookFromJson({ sheets: [budgetSheet(5), { name: '说明', cells: [['备注']] }] });
  office = installSimulatedOffice(b);
  return b;
}

/** A built sheet: a title, a header, two rows linked to the budget sheet, a drop-down and frozen panes. */
function buildPlan(): Plan {
  return {
    ...emptyPlan(BUILT),
    createSheet: true,
    createAfter: SHEET,
    writes: [
      { row: 1, col: 1, inputs: [['绩效指标完成情况表']], before: [[null]], purpose: 'header' },
      { row: 2, col: 1, inputs: [['指标', '执行率', '偏差原因']], before: [[null, null, null]], purpose: 'header', headerStyle: true },
      {
        row: 3,
        col: 1,
        inputs: [['项目1', `=IFERROR('${SHEET}'!E5/'${SHEET}'!D5,"--")`, null], ['项目2', `=IFERROR('${SHEET}'!E6/'${SHEET}'!D6,"--")`, null]],
        before: [[null, null, null], [null, null, null]],
        numberFormat: '0.00%',
        purpose: 'value',
      },
    ],
    validations: [{ ranges: ['C3:C4'], items: ['人员原因', '制度原因', '经费原因', '其他原因'] }],
    freeze: { rows: 2, cols: 1 },
    conditionalFormats: [{ rule: 'short', ranges: ['B3:B4'], formula: '=AND(ISNUMBER(B3),B3<1)', style: { fill: '#FFC7CE', font: '#9C0006' }, priority: 1 }],
    columnWidths: [{ col: 3, width: 24 }],
  };
}

async function validationOf(sheet: string, address: string) {
  return Excel.run(async (context) => {
    const dv = context.workbook.worksheets.getItem(sheet).getRange(address).dataValidation.load('type, rule');
    await context.sync();
    return { type: dv.type, rule: dv.rule };
  });
}

describe('a plan that creates its sheet', () => {
  it('adds it after the sheet named, fills it, drop-downs and frozen panes included, in ONE sync when the sheets are known', async () => {
    const b = book();
    const result = await runExcel((context) => applyPlan(context, buildPlan(), { sheets: [SHEET, '说明'] }));
    expect(result).toMatchObject({ sheetCreated: true, copiedFrom: null, syncs: 1, validationsSet: 1, frozen: true, conditionalFormatsAdded: 1 });
    expect(b.syncCount).toBe(1);
    expect(b.sheets.map((s) => s.name)).toEqual([SHEET, BUILT, '说明']);
    expect(result.sheets).toEqual([SHEET, BUILT, '说明']);
    // Cross-sheet formulas compute: 项目1 executed 72555.63 of 73920.34.
    const grid = b.getDisplayGrid(BUILT);
    expect(grid.cells[2][1]).toMatchObject({ text: '98.15%', fill: '#FFC7CE' });
    expect(grid.cells[2][2].validation).toEqual(['人员原因', '制度原因', '经费原因', '其他原因']);
    expect(grid.cells[1][2].validation).toBeUndefined();
    expect(grid.frozen).toEqual({ rows: 2, cols: 1 });
    await expect(validationOf(BUILT, 'C3:C4')).resolves.toEqual({ type: 'List', rule: { list: { inCellDropDown: true, source: '人员原因,制度原因,经费原因,其他原因' } } });
    await Excel.run(async (context) => {
      const frozen = context.workbook.worksheets.getItem(BUILT).freezePanes.getLocationOrNullObject().load('address');
      await context.sync();
      expect(frozen.address).toBe(`${BUILT}!A1:A2`);
    });
  });

  it('looks the sheet names up (one more sync) when not told, and leaves an existing sheet where it is', async () => {
    const b = book();
    const first = await runExcel((context) => applyPlan(context, buildPlan()));
    expect([first.syncs, first.sheetCreated]).toEqual([2, true]);
    b.resetStats();
    const again = await runExcel((context) => applyPlan(context, buildPlan()));
    expect([again.syncs, again.sheetCreated, b.sheets.length]).toEqual([2, false, 3]);
  });

  it('undo deletes the sheet it created', async () => {
    const b = book();
    const plan = buildPlan();
    const result = await runExcel((context) => applyPlan(context, plan, { sheets: [SHEET, '说明'] }));
    const inverse = invertPlan(plan, { sheetCreated: result.sheetCreated });
    expect(inverse.deleteSheet).toBe(true);
    const undone = await runExcel((context) => applyPlan(context, inverse));
    expect(undone.sheetDeleted).toBe(true);
    expect(b.sheets.map((s) => s.name)).toEqual([SHEET, '说明']);
  });
});

describe('a plan that copies its sheet (next year)', () => {
  const NEXT = `${SHEET}（2025年）`;
  function nextPlan(): Plan {
    return {
      ...emptyPlan(NEXT),
      createSheet: true,
      copyFrom: SHEET,
      createAfter: SHEET,
      writes: [
        { row: 1, col: 1, inputs: [['2025年部门预算执行情况表']], before: [['2024年部门预算执行情况表']], purpose: 'value' },
        { row: 5, col: 3, inputs: [[null, null, null], [null, null, null]], before: [[80000, 73920.34, 72555.63], [1102, 1002, 951.9]], purpose: 'value' },
      ],
      notes: [{ row: 6, col: 5, text: '[预算执行助手] 上年执行率 95%', before: null }],
      removeNotes: [{ row: 5, col: 6, before: '[预算执行助手] 执行率偏低' }],
    };
  }

  it('copies layout, formats, merges, notes; then writes on the copy — the source stays as it was', async () => {
    const b = book();
    b.sheet(SHEET).notes.set('5,6', { row: 5, col: 6, content: '[预算执行助手] 执行率偏低', author: 'x' });
    b.sheet(SHEET).notes.set('7,2', { row: 7, col: 2, content: '用户的备注', author: 'x' });
    const before = await runExcel((context) => readSnapshot(context, { sheetName: SHEET }));
    b.resetStats();
    const result = await runExcel((context) => applyPlan(context, nextPlan(), { sheets: [SHEET, '说明'] }));
    // One sync to read the source's notes (what the copy will hold), one to copy and write.
    expect([result.syncs, b.syncCount, result.copiedFrom, result.notesWritten, result.notesRemoved]).toEqual([2, 2, SHEET, 1, 1]);
    expect(b.sheets.map((s) => s.name)).toEqual([SHEET, NEXT, '说明']);
    const copy = await runExcel((context) => readSnapshot(context, { sheetName: NEXT }));
    expect(copy.values[0][0]).toBe('2025年部门预算执行情况表');
    expect(copy.values[4].slice(2, 5)).toEqual([null, null, null]);
    expect(copy.numberFormats?.[6][3]).toBe('#,##0.00');
    expect(copy.merges).toEqual(before.merges);
    expect(copy.notes).toEqual([
      { row: 6, col: 5, text: '[预算执行助手] 上年执行率 95%' },
      { row: 7, col: 2, text: '用户的备注' },
    ]);
    const after = await runExcel((context) => readSnapshot(context, { sheetName: SHEET }));
    expect({ ...after, syncs: 0 }).toEqual({ ...before, syncs: 0 });
  });

  it('refuses a copy from a sheet that is not there, in Chinese', async () => {
    book();
    await expect(runExcel((context) => applyPlan(context, { ...nextPlan(), copyFrom: '不存在' }))).rejects.toMatchObject({ code: 'not-found', messageZh: expect.stringContaining('不存在') });
  });
});

describe('a refreshed sheet (clear, then rewrite)', () => {
  it('clears contents, formats, rules and drop-downs of the area, keeps notes, and undo restores the old cells', async () => {
    const b = book();
    await runExcel((context) => applyPlans(context, [buildPlan()]));
    b.setCells(BUILT, 3, 3, [['经费原因']]);
    b.setCells(BUILT, 5, 1, [['旧的一行']]);
    b.sheet(BUILT).notes.set('5,1', { row: 5, col: 1, content: '用户写的', author: 'x' });
    const snapshot = await runExcel((context) => readSnapshot(context, { sheetName: BUILT }));
    const refresh: Plan = {
      ...buildPlan(),
      clear: [{ top: 1, left: 1, bottom: 5, right: 3 }],
      writes: buildPlan().writes.slice(0, 2),
      validations: [],
      conditionalFormats: [],
    };
    b.resetStats();
    const result = await runExcel((context) => applyPlan(context, refresh));
    // The lookup of the sheet names (the plan may create its sheet), then clear and rewrite in one request.
    expect([result.cleared, result.sheetCreated, result.syncs]).toEqual([1, false, 2]);
    const grid = b.getDisplayGrid(BUILT, { bottom: 5, right: 3 });
    expect(grid.cells[2].map((c) => c.text)).toEqual(['', '', '']);
    expect(grid.cells[4][0]).toMatchObject({ text: '', note: '用户写的' });
    expect(grid.cells[2][2].validation).toBeUndefined();
    expect(b.sheet(BUILT).conditionalFormats).toEqual([]);

    await runExcel((context) => applyPlan(context, invertPlan(refresh, { before: snapshot })));
    const back = b.getDisplayGrid(BUILT, { bottom: 5, right: 3 });
    expect(back.cells[2].map((c) => c.text)).toEqual(['项目1', '98.15%', '经费原因']);
    expect(back.cells[4][0].text).toBe('旧的一行');
  });
});
