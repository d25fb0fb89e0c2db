import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/core';
import type { ApplyOutcome, Detection } from '../../src/taskpane/budget/types';
import { buildDetection } from '../../src/taskpane/budget/detection';
import { canApply, initialBudgetState, budgetReducer, type BudgetEvent, type BudgetState } from '../../src/taskpane/budget/state';
import { draftFromSettings, settingsFromDraft } from '../../src/taskpane/budget/settingsForm';
import { issueItems, ruleCounts } from '../../src/taskpane/budget/issueItems';
import { NOTES_SKIPPED_MESSAGE } from '../../src/taskpane/shared/notes';
import { sampleSheet } from './sample';

const run = (s: BudgetState, ...events: BudgetEvent[]) => events.reduce(budgetReducer, s);
const detection = (): Detection => buildDetection(sampleSheet(), withDefaults(), {}, true);

function outcome(d: Detection, over: Partial<ApplyOutcome> = {}): ApplyOutcome {
  return { sheet: d.sheet, report: d.report, formulas: 9, cellsWritten: 10, rulesAdded: 3, rulesRemoved: 0, notesWritten: 2, notesSkipped: 0, overwritten: 0, nothingToDo: false, warnings: [], ...over };
}

describe('budgetReducer', () => {
  it('starts with defaults and no detection; cannot apply', () => {
    const s = initialBudgetState();
    expect(s.draft).toEqual({ execution: '90', adjustment: '50', month: '', notes: true, scheme: 'auto' });
    expect(canApply(s)).toBe(false);
  });

  it('a detection enables 写入 and resets consent', () => {
    const s = run(initialBudgetState(), { type: 'consent', value: true }, { type: 'busy', busy: 'detect' }, { type: 'detected', detection: detection() });
    expect(s.busy).toBeNull();
    expect(s.consent).toBe(false);
    expect(s.status).toMatchObject({ intent: 'success', title: `已识别工作表“${s.detection?.sheet}”`, lines: [] });
    expect(canApply(s)).toBe(true);
    expect(canApply({ ...s, busy: 'apply' })).toBe(false);
  });

  it('an empty sheet gives a warning, not an error', () => {
    const d = detection();
    const s = run(initialBudgetState(), { type: 'detected', detection: { ...d, report: { ...d.report, tables: [], flags: [] } } });
    expect(s.status).toMatchObject({ intent: 'warning', title: `工作表“${d.sheet}”中没有找到预算表` });
    expect(s.status?.hint).not.toContain('选中');
    expect(canApply(s)).toBe(false);
  });

  it('after 写入: success message, notes-skipped line, undo enabled, no second 写入 until re-detect', () => {
    const d = detection();
    const s = run(initialBudgetState(), { type: 'detected', detection: d }, { type: 'applied', outcome: outcome(d, { notesWritten: 0, notesSkipped: 2 }) });
    expect(s.status?.intent).toBe('success');
    expect(s.status?.title).toBe(`已写入工作表“${d.sheet}”`);
    expect(s.status?.lines).toEqual([`写入了 9 个公式、3 条条件格式规则。`, NOTES_SKIPPED_MESSAGE]);
    expect(s.canUndo).toBe(true);
    expect(s.applied).toBe(true);
    expect(canApply(s)).toBe(false);
    const u = run(s, { type: 'undone', outcome: { undone: true, cellsRestored: 10, rulesRemoved: 3, notesRemoved: 0, notesRestored: 0, sheets: ['项目支出'] } });
    expect(u.canUndo).toBe(false);
    expect(u.stale).toBe(true);
    expect(u.status?.title).toBe('已撤销上次写入');
    expect(u.status?.lines).toEqual(['工作表“项目支出”：恢复了 10 个单元格，移除了 3 条条件格式规则。']);
  });

  it('consent alone makes 写入 possible when only overwrites remain', () => {
    const d = detection();
    const nothing = { ...d, preview: { ...d.preview, nothingToDo: true } };
    const s = run(initialBudgetState(), { type: 'detected', detection: nothing });
    expect(canApply(s)).toBe(false);
    expect(canApply(budgetReducer(s, { type: 'consent', value: true }))).toBe(true);
  });

  it('failures show the Chinese message and the hint', () => {
    const s = run(initialBudgetState(), { type: 'busy', busy: 'apply' }, { type: 'failed', error: { code: 'protected', messageZh: '工作表受保护', hint: '请撤销工作表保护后重试。' } });
    expect(s.busy).toBeNull();
    expect(s.status).toEqual({ intent: 'error', title: '工作表受保护', lines: [], hint: '请撤销工作表保护后重试。' });
  });

  it('mapping corrections accumulate per table and mark the detection stale', () => {
    const s = run(
      initialBudgetState(),
      { type: 'detected', detection: detection() },
      { type: 'mapping', key: '执行表!3', role: 'executionRate', letter: null },
      { type: 'mapping', key: '执行表!3', role: 'initial', letter: 'C' },
    );
    expect(s.mappings).toEqual({ '执行表!3': { executionRate: null, initial: 'C' } });
    expect(canApply(s)).toBe(false);
  });

  it('a rule filter that no longer matches falls back to all', () => {
    const d = detection();
    const s = run(initialBudgetState(), { type: 'filter', rule: 'behind-schedule' }, { type: 'detected', detection: d });
    expect(s.ruleFilter).toBe('all');
    const t = run(initialBudgetState(), { type: 'filter', rule: 'low-execution' }, { type: 'detected', detection: d });
    expect(t.ruleFilter).toBe('low-execution');
  });

  it('saved settings replace the draft; invalid drafts list errors', () => {
    const saved = withDefaults({ executionThreshold: 0.85, asOfMonth: 6 });
    const s = run(initialBudgetState(), { type: 'settings-saved', settings: saved });
    expect(s.draft).toEqual({ execution: '85', adjustment: '50', month: '6', notes: true, scheme: 'auto' });
    const bad = run(s, { type: 'draft-invalid', errors: { execution: 'x' } });
    expect(bad.status?.intent).toBe('error');
    expect(bad.draftErrors).toEqual({ execution: 'x' });
  });
});

describe('settingsForm', () => {
  it('round-trips percentages and months', () => {
    const base = withDefaults();
    const { settings } = settingsFromDraft({ execution: '85.5', adjustment: '30%', month: '9', notes: false, scheme: 'auto' }, base);
    expect(settings).toMatchObject({ executionThreshold: 0.855, adjustmentThreshold: 0.3, asOfMonth: 9, notes: false, scheme: 'auto' });
    expect(draftFromSettings(settings!)).toEqual({ execution: '85.5', adjustment: '30', month: '9', notes: false, scheme: 'auto' });
    expect(settingsFromDraft({ execution: '', adjustment: '-1', month: '13', notes: true, scheme: 'auto' }, base).errors).toEqual({
      execution: expect.any(String),
      adjustment: expect.any(String),
      month: expect.any(String),
    });
    expect(settingsFromDraft({ ...draftFromSettings(base), month: '' }, base).settings?.asOfMonth).toBeUndefined();
    // A named scoring scheme (issue 8) sets the scoring with it; auto keeps the scoring as it was.
    const national = settingsFromDraft({ ...draftFromSettings(base), scheme: 'national-project' }, base).settings!;
    expect(national).toMatchObject({ scheme: 'national-project', scoring: { lowerIsBetter: 'ratio' } });
    expect(settingsFromDraft({ ...draftFromSettings(base), scheme: 'auto' }, base).settings!.scoring).toEqual(base.scoring);
  });
});

describe('issueItems', () => {
  it('lists flags with rate text and filters by rule', () => {
    const r = detection().report;
    expect(issueItems(r, 'all').map((i) => [i.cell, i.label, i.rateText])).toEqual([
      ['F4', '执行率偏低', '执行率 50.00%'],
      ['G6', '预算调整幅度大', '调整率 200.00%'],
    ]);
    expect(issueItems(r, 'large-adjustment').map((i) => i.cell)).toEqual(['G6']);
    expect(ruleCounts(r).map((c) => c.count)).toEqual([1, 0, 1, 0]);
  });
});
