/** Server-side render of the whole pane with a fake actions object: catches render errors, checks the labels. */
import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { withDefaults } from '../../src/core';
import type { PaneActions } from '../../src/taskpane/host/PaneActions';
import { App } from '../../src/taskpane/App';
import { OutsideExcel } from '../../src/taskpane/OutsideExcel';
import { buildDetection } from '../../src/taskpane/budget/detection';
import { initialBudgetState, budgetReducer, type BudgetState, type BudgetTab } from '../../src/taskpane/budget/state';
import { sampleSheet } from './sample';

const never = () => new Promise<never>(() => {});
const fake: PaneActions = {
  detect: never, apply: never, undo: never, select: never, loadSettings: never, saveSettings: never,
  detectIndicators: never, applyIndicators: never, previewNextYear: never, createNextYear: never, buildMonitor: never, lastWrite: () => null,
};

function detected(tab: BudgetTab): BudgetState {
  const s = budgetReducer(initialBudgetState(), { type: 'detected', detection: buildDetection(sampleSheet(), withDefaults(), {}, false) });
  return { ...s, tab };
}

// React separates adjacent text nodes with <!-- --> in server output; drop them to match visible text.
const html = (state?: BudgetState) => renderToString(<App actions={fake} initialState={state} />).replace(/<!-- -->/g, '');
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('<App> server render', () => {
  it('renders the empty pane with toolbar and tabs', () => {
    const out = html();
    for (const label of ['预算执行助手', '识别表格', '撤销上次写入', '识别', '预览', '设置', '问题清单']) expect(out).toContain(label);
    expect(out).toContain('data-testid="detect-button"');
    expect(out).toContain('data-testid="undo-button"');
    expect(out).toContain('data-testid="detect-empty"');
  });

  it('识别 shows the table, its mapping dropdowns, total-or-change and row counts', () => {
    const out = html(detected('detect'));
    expect(count(out, /data-testid="table-summary"/g)).toBe(1);
    expect(out).toContain('data-table-key="执行表!3"');
    expect(out).toContain('2023年项目支出执行情况');
    for (const role of ['name', 'initial', 'adjusted', 'actual', 'executionRate', 'adjustmentRate']) expect(out).toContain(`data-testid="mapping-${role}"`);
    expect(out).toContain('C 列 · 年初预算数');
    expect(out).toContain('调整后总数');
    expect(out).toContain('“预算调整数”列：');
    expect(out).toContain('项目 4 行');
    expect(out).toContain('小计 / 合计核对一致');
    expect(out).toContain('data-testid="status-bar"');
  });

  it('预览 lists columns, formulas, notes skipped and the consent checkbox', () => {
    const out = html(detected('preview'));
    expect(out).toContain('F 列（预算执行率，填入已有列）：F4:F8，4 个公式');
    expect(out).toContain('G 列（预算调整率，新增列）：G4:G8，5 个公式');
    expect(out).toContain('公式共 9 个');
    expect(out).toContain('未添加注释：此版本的 Excel 不能添加注释');
    expect(out).toContain('data-testid="overwrite-consent"');
    expect(out).toContain('F5：99%');
    expect(out).toContain('data-testid="apply-button"');
  });

  it('设置 has the threshold inputs and the month selector', () => {
    const out = html(detected('settings'));
    for (const label of ['执行率阈值', '调整率阈值', '截至月份', '保存设置']) expect(out).toContain(label);
    expect(out).toContain('data-testid="threshold-execution"');
    expect(out).toContain('value="90"');
    expect(out).toContain('data-testid="as-of-month"');
  });

  it('问题清单 lists flagged rows as buttons with their cell', () => {
    const out = html(detected('issues'));
    expect(count(out, /data-testid="issue-row"/g)).toBe(2);
    expect(out).toContain('data-cell="F4"');
    expect(out).toContain('data-cell="G6"');
    expect(out).toContain('执行率偏低');
    expect(out).toContain('data-testid="rule-filter"');
    expect(out).toContain('全部（2）');
    expect(out).toMatch(/<button[^>]*data-testid="issue-row"/);
  });

  it('outside Excel says where the pane must run', () => {
    const out = renderToString(<OutsideExcel host={null} />);
    expect(out).toContain('请在 Excel 中打开预算执行助手');
    expect(out).toContain('npm run preview');
  });
});
