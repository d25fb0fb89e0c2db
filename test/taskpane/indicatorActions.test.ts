/**
 * The 绩效指标 actions through the real Office.js front end on the simulated Excel, with the sample workbooks as
 * the preview loads them: what 识别 reports, what 写入 builds (formulas computed by HyperFormula), the requests it
 * takes, the undo, a second 写入 refreshing in place, and a failure reaching the pane in Chinese.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/core';
import { OWN_COLUMNS } from '../../src/core/indicators';
import type { SimulatedOffice } from '../../src/preview/sim';
import { createExcelActions } from '../../src/taskpane/host/excelActions';
import { GUANGZHOU_PRINTED } from '../e2e/indicatorExpected';
import { loadSample } from './sampleBook';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

const J = OWN_COLUMNS.completion.col;
const settings = withDefaults();

function rowOf(book: Awaited<ReturnType<typeof loadSample>>['book'], sheet: string, name: string): number {
  const g = book.getDisplayGrid(sheet);
  const line = g.cells.find((row) => row[OWN_COLUMNS.level3.col - 1]?.text === name);
  if (!line) throw new Error(`no ${name}`);
  return line[0].row;
}

describe('绩效指标 actions on the guangzhou-2022 sample', () => {
  it('识别 reads every sheet (two requests); 写入 builds 绩效指标完成情况（自评） in one more, showing 200.39 %', async () => {
    const sample = await loadSample('guangzhou-2022-indicators');
    office = sample.office;
    const { book } = sample;
    const actions = createExcelActions();
    const d = await actions.detectIndicators(settings, {});
    expect(book.syncCount).toBe(2);
    expect(d.report.tables).toHaveLength(5);
    expect(d.preview).toMatchObject({ sheet: '绩效指标完成情况（自评）', refresh: false, createAfter: '绩效指标完成情况', indicators: 27, unparsed: 1, budgetSheets: [], linkedCell: null });

    book.resetStats();
    const out = await actions.applyIndicators(settings, {});
    expect(book.syncCount).toBe(3);
    expect(out).toMatchObject({ sheet: '绩效指标完成情况（自评）', created: true, refreshed: false, budgetFormulas: 0 });
    expect(book.sheets.map((s) => s.name)).toEqual(['绩效指标完成情况', '绩效指标完成情况（自评）']);
    expect(book.activeSheet.name).toBe('绩效指标完成情况（自评）');
    for (const e of GUANGZHOU_PRINTED) {
      const cell = book.getDisplayGrid(out.sheet).cells[rowOf(book, out.sheet, e.name) - 1][J - 1];
      expect(cell.value as number, e.name).toBeCloseTo(e.completion, 4);
    }
    const r = rowOf(book, out.sheet, '扶持成功创业人数');
    expect(book.getDisplayGrid(out.sheet).cells[r - 1][J - 1]).toMatchObject({ text: '200.39%', fill: '#F8CBAD' });
    // The drop-downs and frozen panes of the plan are on the sheet.
    const reason = book.getDisplayGrid(out.sheet).cells[r - 1][OWN_COLUMNS.reason.col - 1];
    expect(reason.validation).toEqual(['人员原因', '制度原因', '经费原因', '其他原因']);
    expect(book.sheet(out.sheet).frozen).toEqual({ rows: 2, cols: 3 });
  });

  it('a second 写入 refreshes the sheet in place and keeps the reason the user chose; undo puts the earlier one back', async () => {
    const sample = await loadSample('guangzhou-2022-indicators');
    office = sample.office;
    const { book } = sample;
    const actions = createExcelActions();
    const first = await actions.applyIndicators(settings, {});
    const r = rowOf(book, first.sheet, '扶持成功创业人数');
    book.setCells(first.sheet, r, OWN_COLUMNS.reason.col, [['经费原因']]);
    const again = await actions.applyIndicators(settings, {});
    expect([again.created, again.refreshed, book.sheets.length]).toEqual([false, true, 2]);
    const grid = () => book.getDisplayGrid(first.sheet).cells[r - 1];
    expect(grid()[OWN_COLUMNS.reason.col - 1].text).toBe('经费原因');
    book.setCells(first.sheet, r, OWN_COLUMNS.actual.col, [[9.99]]);
    await actions.undo(); // the refresh's undo: the cleared area comes back as it was before the second 写入
    expect(grid()[OWN_COLUMNS.actual.col - 1].text).toBe('5.11');
    expect(book.sheets.length).toBe(2);
  });
});

describe('绩效指标 actions on the liwan-2021 sample', () => {
  it('writes the budget rate formulas first, links 预算执行率 to 表1-2, and undo removes the sheet and the formulas', async () => {
    const sample = await loadSample('liwan-2021');
    office = sample.office;
    const { book } = sample;
    const actions = createExcelActions();
    const f11Before = book.sheet('表1-2').formulas({ top: 11, left: 6, bottom: 11, right: 6 })[0][0];
    const out = await actions.applyIndicators(settings, {});
    expect(out).toMatchObject({ sheet: '绩效指标完成情况', created: true });
    expect(out.budgetFormulas).toBeGreaterThan(0);
    const built = book.getDisplayGrid('绩效指标完成情况');
    expect(built.cells[2][OWN_COLUMNS.actual.col - 1].formula).toBe(`=IFERROR('表1-2'!F11*100,"")`);
    expect(built.cells[2][J - 1].text).toBe('98.15%');
    const total = built.cells.find((row) => row[0].text === '自评得分')!;
    expect(Number(total[OWN_COLUMNS.score.col - 1].value)).toBeCloseTo(out.report.total.score, 6);

    const undo = await actions.undo();
    expect(undo.sheetsDeleted).toEqual(['绩效指标完成情况']);
    expect(book.sheets.map((s) => s.name)).toEqual(['表1-2', '项目支出', '绩效指标']);
    expect(book.sheet('表1-2').formulas({ top: 11, left: 6, bottom: 11, right: 6 })[0][0]).toBe(f11Before);
  });

  it('a protected budget sheet stops 写入 with a Chinese message and what to do', async () => {
    const sample = await loadSample('liwan-2021');
    office = sample.office;
    sample.book.protectSheet('项目支出');
    const actions = createExcelActions();
    // 表1-2's rates are typed (left alone): what its plan adds is the flag rules.
    const rules = () => sample.book.sheet('表1-2').conditionalFormats.length;
    const before = rules();
    await expect(actions.applyIndicators(settings, {})).rejects.toMatchObject({
      code: 'sheet-protected',
      messageZh: '工作表受保护，无法写入。',
      hint: expect.stringContaining('撤消工作表保护'),
    });
    // 表1-2 was written before 项目支出 refused: that half of the write is recorded, and undo takes it back — once
    // the protection is lifted (undo tries the protected sheet too, and says so the same way).
    expect(actions.lastWrite()).toBe('indicators');
    expect(rules()).toBeGreaterThan(before);
    await expect(actions.undo()).rejects.toMatchObject({ code: 'sheet-protected' });
    sample.book.protectSheet('项目支出', false);
    await actions.undo();
    expect([rules(), actions.lastWrite()]).toEqual([before, null]);
  });
});

describe('progress of the 绩效指标 and 年度工具 actions (the pane paints a step and a bar, as 预算执行 does)', () => {
  it('识别 says it reads then computes; 写入 counts the rows written up to all of them, in the same requests', async () => {
    const sample = await loadSample('guangzhou-2022-indicators');
    office = sample.office;
    const actions = createExcelActions();
    const steps: { step: string; done?: number; total?: number }[] = [];
    await actions.detectIndicators(settings, {}, (p) => steps.push(p));
    expect(steps.map((s) => s.step)).toEqual(['正在读取工作簿…', '正在计算（1 个工作表）…']);

    steps.length = 0;
    sample.book.resetStats();
    await actions.applyIndicators(settings, {}, (p) => steps.push(p));
    expect(sample.book.syncCount).toBe(3);
    const writes = steps.filter((s) => s.step === '正在写入…');
    expect(writes[0]).toMatchObject({ done: 0 });
    const total = writes[0].total!;
    expect(total).toBeGreaterThan(27); // one row per indicator and more (header, totals)
    expect(writes.every((w) => w.total === total)).toBe(true);
    expect(writes[writes.length - 1].done).toBe(total);
    expect(writes.map((w) => w.done!)).toEqual([...writes.map((w) => w.done!)].sort((a, b) => a - b));
  });

  it('运行监控 reports its steps and rows too', async () => {
    const sample = await loadSample('liwan-2021');
    office = sample.office;
    const steps: { step: string; done?: number; total?: number }[] = [];
    await createExcelActions().buildMonitor(settings, 6, (p) => steps.push(p));
    expect(steps[0].step).toBe('正在读取工作簿…');
    expect(steps[1].step).toMatch(/^正在计算（\d+ 个工作表）…$/);
    const last = steps[steps.length - 1];
    expect(last).toMatchObject({ step: '正在写入…' });
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThan(38);
  });
});
