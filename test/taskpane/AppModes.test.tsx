/** Server render of the pane's 绩效指标 and 年度工具 parts with a fake actions object: labels, score, lists, buttons. */
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PaneActions } from '../../src/taskpane/host/PaneActions';
import { App } from '../../src/taskpane/App';
import { indicatorReducer, initialIndicatorState, type IndicatorTab } from '../../src/taskpane/indicators/state';
import { initialYearState, yearReducer } from '../../src/taskpane/year/state';
import type { PaneMode } from '../../src/taskpane/shared/labels';
import { guangzhouDetection } from './indicatorSample';

const never = () => new Promise<never>(() => {});
const fake: PaneActions = {
  detect: never, apply: never, undo: never, select: never, loadSettings: never, saveSettings: never,
  detectIndicators: never, applyIndicators: never, previewNextYear: never, createNextYear: never, buildMonitor: never, lastWrite: () => null,
};

const html = (mode: PaneMode, extra: Partial<Parameters<typeof App>[0]> = {}) =>
  renderToString(<App actions={fake} initialMode={mode} {...extra} />).replace(/<!-- -->/g, '');

const detected = (tab: IndicatorTab) => ({ ...indicatorReducer(initialIndicatorState(), { type: 'detected', detection: guangzhouDetection() }), tab });

describe('<App> 绩效指标 and 年度工具', () => {
  it('has the three-way switch; 预算执行 stays the default part', () => {
    const out = html('budget');
    for (const id of ['mode-budget', 'mode-indicators', 'mode-year', 'detect-button']) expect(out).toContain(`data-testid="${id}"`);
    expect(out).not.toContain('data-testid="ind-detect-button"');
  });

  it('绩效指标 · 识别: tables, counts, and the total score with its grade', () => {
    const out = html('indicators', { initialIndicators: detected('detect') });
    expect((out.match(/data-testid="ind-table"/g) ?? []).length).toBe(5);
    expect(out).toContain('找到 5 个指标表，共 27 项指标');
    expect(out).toMatch(/data-testid="ind-total-score"[^>]*>\d+\.\d\d</);
    expect(out).toMatch(/data-testid="ind-grade"[^>]*>[优良中差]</);
    expect(out).toContain('data-status="over" data-count="1"');
  });

  it('绩效指标 · 预览 names the sheet to build and what the user must still do', () => {
    const out = html('indicators', { initialIndicators: detected('preview') });
    expect(out).toContain('新建工作表“绩效指标完成情况（自评）”，放在“绩效指标完成情况”之后');
    expect(out).toContain('未能读出数值 1 项');
    expect(out).toContain('未找到预算表的合计行');
    expect(out).toMatch(/<button[^>]*data-testid="ind-apply-button"/);
  });

  it('绩效指标 · 问题清单: rows are buttons, not clickable before the sheet is built', () => {
    const out = html('indicators', { initialIndicators: detected('issues') });
    expect(out).toContain('data-testid="ind-issues-not-built"');
    expect(out).toMatch(/<button[^>]*disabled=""[^>]*data-testid="ind-issue-row"[^>]*data-rule="over"/);
    expect(out).toContain('完成率 200.39%');
  });

  it('绩效指标 · 设置: the three scoring choices and the save button', () => {
    const out = html('indicators', { initialIndicators: detected('settings') });
    for (const label of ['预算执行率分值', '10 分', '20 分', '江西分档', '偏差法', '比值法', '保存评分设置']) expect(out).toContain(label);
  });

  it('年度工具: 下一年度 preview list, and 运行监控 with the month picker', () => {
    const preview = {
      toCreate: 1,
      year: 2022,
      report: { sheets: [{ from: '绩效指标', to: '绩效指标（2022年）', tables: 5, rowsKept: 38, cellsCleared: 38, year: 2022, yearSource: 'sheet', budgetTables: 0, indicatorTables: 5, sums: 0, rates: 0, yearsMoved: 3, carriedActuals: [], notes: [], staleNotesRemoved: 0 }], skipped: [] },
    } as const;
    const state = yearReducer(initialYearState(), { type: 'previewed', preview: preview as never });
    const out = html('year', { initialYear: state });
    expect(out).toContain('绩效指标 → 绩效指标（2022年）');
    expect(out).toContain('5 个表，保留 38 行，清空 38 个单元格');
    expect(out).toMatch(/<button[^>]*data-testid="next-year-create-button"/);
    const monitor = html('year', { initialYear: { ...initialYearState(), tool: 'monitor' } });
    expect(monitor).toContain('data-testid="monitor-month"');
    expect(monitor).toContain('生成 / 刷新运行监控表');
  });
});
