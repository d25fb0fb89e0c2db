/** The 年度工具 reducer: the typed year, when a preview is stale, what the status says after each tool. */
import { describe, expect, it } from 'vitest';
import type { MonitorOutcome, NextYearPreview } from '../../src/taskpane/year/types';
import { choiceFromState, initialYearState, yearReducer } from '../../src/taskpane/year/state';

const preview = { report: { sheets: [], skipped: [] }, toCreate: 2, year: 2022 } as NextYearPreview;
const monitor = {
  created: true,
  warnings: [],
  report: { sheet: '绩效运行监控', asOfMonth: 6, summary: { red: 1, yellow: 2, green: 30, none: 0 }, indicators: [1, 2, 3] },
} as unknown as MonitorOutcome;

describe('yearReducer', () => {
  it('reads the typed year: empty means “from the titles”, four digits a year, anything else an error', () => {
    expect(choiceFromState({ ...initialYearState(), year: '' }).choice).toEqual({ carryActuals: false });
    expect(choiceFromState({ ...initialYearState(), year: '2022', carryActuals: true }).choice).toEqual({ year: 2022, carryActuals: true });
    expect(choiceFromState({ ...initialYearState(), year: '22' })).toMatchObject({ choice: null, error: expect.stringContaining('四位年份') });
  });

  it('a new year or option drops the preview (创建 must make what was previewed)', () => {
    let s = yearReducer(initialYearState(), { type: 'previewed', preview });
    expect(s.preview).toBe(preview);
    s = yearReducer(s, { type: 'carry', value: true });
    expect(s.preview).toBeNull();
    s = yearReducer(yearReducer(s, { type: 'previewed', preview }), { type: 'year', year: '2023' });
    expect(s.preview).toBeNull();
  });

  it('the saved 截至月份 is the default month until one is picked here', () => {
    let s = yearReducer(initialYearState(), { type: 'month', month: 9, fromSettings: true });
    expect(s.month).toBe(9);
    s = yearReducer(s, { type: 'month', month: 6 });
    s = yearReducer(s, { type: 'month', month: 3, fromSettings: true });
    expect(s.month).toBe(6);
  });

  it('says what was created and how many lights', () => {
    const created = yearReducer(initialYearState(), { type: 'created', outcome: { report: { sheets: [], skipped: [] }, created: ['表1-2（2022年）'], warnings: [] } });
    expect(created.status).toMatchObject({ title: '下一年度工作表已创建', lines: expect.arrayContaining(['已添加 1 张工作表：表1-2（2022年）。']) });
    expect(created.canUndo).toBe(true);
    const none = yearReducer(initialYearState(), { type: 'created', outcome: { report: { sheets: [], skipped: [] }, created: [], warnings: [] } });
    expect([none.status?.title, none.canUndo]).toEqual(['无需创建', false]);
    const lit = yearReducer(initialYearState(), { type: 'monitored', outcome: monitor });
    expect(lit.status?.lines[1]).toBe('红灯 1 个、黄灯 2 个、绿灯 30 个项目；指标 3 项。');
  });
});
