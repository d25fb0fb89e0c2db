/**
 * The 绩效指标 part without Excel: planning on the seed sheets (pure), the issue list and its filter, and the
 * reducer (what the status bar says, when 写入 is possible, what undo does to the state).
 */
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/core';
import { SEED002_INDICATOR_TABLES } from '../fixtures/seedIndicators';
import { guangzhouIndicatorSheet } from '../core/indicators/seedSheets';
import { indicatorIssueCounts, indicatorIssueItems } from '../../src/taskpane/indicators/issues';
import { planIndicators } from '../../src/taskpane/indicators/planning';
import { canApplyIndicators, indicatorReducer, initialIndicatorState } from '../../src/taskpane/indicators/state';
import { guangzhouDetection } from './indicatorSample';


describe('planIndicators (seed 002)', () => {
  it('plans the fallback sheet beside the user’s own 绩效指标完成情况, with counts for the preview', () => {
    const p = planIndicators([guangzhouIndicatorSheet(SEED002_INDICATOR_TABLES).snapshot], withDefaults(), {}, true);
    expect(p.plans.map((x) => x.sheet)).toEqual(['绩效指标完成情况（自评）']);
    expect(p.preview).toMatchObject({ sheet: '绩效指标完成情况（自评）', refresh: false, indicators: 27, rows: 27, budgetSheets: [], dropDowns: 3 });
    expect(p.preview.formulas).toBeGreaterThan(27 * 3);
  });

  it('strips notes where the host cannot write them and counts them', () => {
    const p = planIndicators([guangzhouIndicatorSheet(SEED002_INDICATOR_TABLES).snapshot], withDefaults(), {}, false);
    expect(p.plans.every((x) => x.notes.length === 0)).toBe(true);
    expect(p.notesSkipped).toBeGreaterThan(0);
  });
});

describe('the 绩效指标 问题清单', () => {
  const { report } = guangzhouDetection();

  it('counts short / over / unparsed / other and filters by them', () => {
    const counts = Object.fromEntries(indicatorIssueCounts(report).map((c) => [c.filter, c.count]));
    expect(counts.over).toBe(1);
    expect(counts.short + counts.over + counts.unparsed + counts.other).toBe(report.flags.length);
    const over = indicatorIssueItems(report, 'over');
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ name: '扶持成功创业人数', rule: 'over', detail: '完成率 200.39%', sheet: '绩效指标完成情况（自评）', inBuiltSheet: true });
    expect(indicatorIssueItems(report, 'all')).toHaveLength(report.flags.length);
  });
});

describe('indicatorReducer', () => {
  it('识别 → 写入 → 撤销: status lines, 写入 once per preview, undo of a created sheet', () => {
    const d = guangzhouDetection();
    let s = indicatorReducer(initialIndicatorState(), { type: 'detected', detection: d });
    expect(s.status).toMatchObject({ title: '识别完成' });
    expect(s.status?.lines[0]).toContain('5 个指标表、27 项指标，自评得分');
    expect([canApplyIndicators(s), s.sheetBuilt]).toEqual([true, false]);

    s = indicatorReducer(s, {
      type: 'applied',
      outcome: { report: d.report, sheet: d.preview.sheet, created: true, refreshed: false, formulas: 84, cellsWritten: 500, budgetFormulas: 0, notesSkipped: 0, warnings: [] },
    });
    expect(s.status).toMatchObject({ intent: 'success', title: '写入完成' });
    expect(s.status?.lines[0]).toContain('已新建工作表“绩效指标完成情况（自评）”：84 个公式');
    expect([canApplyIndicators(s), s.sheetBuilt, s.canUndo]).toEqual([false, true, true]);

    s = indicatorReducer(s, { type: 'undone', outcome: { undone: true, cellsRestored: 0, rulesRemoved: 0, notesRemoved: 0, notesRestored: 0, sheets: [], sheetsDeleted: ['绩效指标完成情况（自评）'] } });
    expect(s.status?.lines).toEqual(['已删除新建的工作表：绩效指标完成情况（自评）。']);
    expect([s.sheetBuilt, s.stale, s.canUndo, canApplyIndicators(s)]).toEqual([false, true, false, false]);
  });

  it('saving scoring settings marks the preview stale (the sheet’s formulas follow the rule written)', () => {
    let s = indicatorReducer(initialIndicatorState(), { type: 'detected', detection: guangzhouDetection() });
    s = indicatorReducer(s, { type: 'scoring', scoring: { executionWeight: 20 } });
    expect(s.scoring).toEqual({ executionWeight: 20, executionRule: 'linear', lowerIsBetter: 'deviation' });
    s = indicatorReducer(s, { type: 'scoring-saved', scoring: s.scoring });
    expect([s.stale, canApplyIndicators(s), s.status?.title]).toEqual([true, false, '评分设置已写入工作簿']);
  });

  it('a failure shows its Chinese message and what to do', () => {
    const s = indicatorReducer({ ...initialIndicatorState(), busy: 'apply' }, { type: 'failed', error: { code: 'sheet-protected', messageZh: '工作表受保护，无法写入。', hint: '请撤消工作表保护' } });
    expect(s).toMatchObject({ busy: null, status: { intent: 'error', title: '工作表受保护，无法写入。', hint: '请撤消工作表保护' } });
  });
});
