/**
 * The 年度工具 part of the pane as a pure reducer: 下一年度 (choose the year and the 上年实际支出 option → preview of
 * the sheets to add → create) and 运行监控 (choose the month → build or refresh 绩效运行监控 → light counts).
 */
import type { MonitorOutcome, NextYearChoice, NextYearOutcome, NextYearPreview } from './types';
import type { PaneError } from '../shared/paneError';
import type { UndoOutcome } from '../shared/paneTypes';
import type { PaneStatus } from '../shared/status';
import type { Progress } from '../shared/progress';

export type YearTool = 'next-year' | 'monitor';
export type YearBusy = 'preview' | 'create' | 'monitor' | 'undo' | null;

export interface YearState {
  tool: YearTool;
  /** The year as typed ("" = from the titles). */
  year: string;
  carryActuals: boolean;
  preview: NextYearPreview | null;
  created: NextYearOutcome | null;
  month: number;
  /** The month was chosen here (the saved 截至月份 no longer replaces it). */
  monthTouched: boolean;
  monitor: MonitorOutcome | null;
  busy: YearBusy;
  /** How far the running action is (step, rows written), painted under the buttons. */
  progress: Progress | null;
  status: PaneStatus | null;
  canUndo: boolean;
  yearError?: string;
}

export type YearEvent =
  | { type: 'busy'; busy: Exclude<YearBusy, null> }
  | { type: 'progress'; progress: Progress }
  | { type: 'tool'; tool: YearTool }
  | { type: 'year'; year: string }
  | { type: 'carry'; value: boolean }
  | { type: 'month'; month: number; fromSettings?: boolean }
  | { type: 'previewed'; preview: NextYearPreview }
  | { type: 'created'; outcome: NextYearOutcome }
  | { type: 'monitored'; outcome: MonitorOutcome }
  | { type: 'undone'; outcome: UndoOutcome }
  | { type: 'year-invalid'; message: string }
  | { type: 'failed'; error: PaneError }
  | { type: 'dismiss' };

export function initialYearState(month = 6): YearState {
  return { tool: 'next-year', year: '', carryActuals: false, preview: null, created: null, month, monthTouched: false, monitor: null, busy: null, progress: null, status: null, canUndo: false };
}

/** The typed year as the engine's option; an error message when it is not a four-digit year. */
export function choiceFromState(s: YearState): { choice: NextYearChoice | null; error?: string } {
  const t = s.year.trim();
  if (t === '') return { choice: { carryActuals: s.carryActuals } };
  const n = Number(t);
  if (!/^\d{4}$/.test(t) || n < 1900) return { choice: null, error: '请输入四位年份，如 2022；留空则按表格标题推算' };
  return { choice: { year: n, carryActuals: s.carryActuals } };
}

function createdStatus(o: NextYearOutcome): PaneStatus {
  if (o.created.length === 0)
    return { intent: 'info', title: '无需创建', lines: ['下一年度的工作表都已存在，未重复添加。'] };
  const lines = [`已添加 ${o.created.length} 张工作表：${o.created.join('、')}。`, '原工作表未作任何改动；新表中的金额已清空，公式保留。', ...o.warnings];
  return { intent: o.warnings.length > 0 ? 'warning' : 'success', title: '下一年度工作表已创建', lines };
}

function monitorStatus(o: MonitorOutcome): PaneStatus {
  const { summary, sheet, asOfMonth } = o.report;
  const lines = [
    `${o.created ? '已新建' : '已刷新'}“${sheet}”（截至 ${asOfMonth} 月，序时进度 ${((asOfMonth / 12) * 100).toFixed(2)}%）。`,
    `红灯 ${summary.red} 个、黄灯 ${summary.yellow} 个、绿灯 ${summary.green} 个项目；指标 ${o.report.indicators.length} 项。`,
    ...o.warnings,
  ];
  return { intent: o.warnings.length > 0 ? 'warning' : 'success', title: '绩效运行监控已生成', lines };
}

export function yearReducer(state: YearState, ev: YearEvent): YearState {
  switch (ev.type) {
    case 'busy':
      return { ...state, busy: ev.busy, progress: null };
    case 'progress':
      return state.busy ? { ...state, progress: ev.progress } : state;
    case 'tool':
      return { ...state, tool: ev.tool };
    case 'year':
      // A new year means a new preview: the one shown would not be what 创建 makes.
      return { ...state, year: ev.year, yearError: undefined, preview: null };
    case 'carry':
      return { ...state, carryActuals: ev.value, preview: null };
    case 'month':
      if (ev.fromSettings && state.monthTouched) return state;
      return { ...state, month: ev.month, monthTouched: state.monthTouched || !ev.fromSettings };
    case 'previewed':
      return { ...state, busy: null, preview: ev.preview, created: null, status: null };
    case 'created':
      return { ...state, busy: null, created: ev.outcome, canUndo: ev.outcome.created.length > 0, status: createdStatus(ev.outcome) };
    case 'monitored':
      return { ...state, busy: null, monitor: ev.outcome, canUndo: true, status: monitorStatus(ev.outcome) };
    case 'undone': {
      if (!ev.outcome.undone) return { ...state, busy: null, canUndo: false, status: { intent: 'info', title: '没有可撤销的写入', lines: [] } };
      const deleted = ev.outcome.sheetsDeleted ?? [];
      const lines = deleted.length > 0 ? [`已删除：${deleted.join('、')}。`] : [`已恢复 ${ev.outcome.cellsRestored} 个单元格。`];
      return { ...state, busy: null, canUndo: false, created: null, monitor: null, preview: null, status: { intent: 'success', title: '已撤销上次写入', lines } };
    }
    case 'year-invalid':
      return { ...state, yearError: ev.message, status: { intent: 'error', title: '年份有误', lines: [ev.message] } };
    case 'failed':
      return { ...state, busy: null, status: { intent: 'error', title: ev.error.messageZh, lines: [], hint: ev.error.hint } };
    case 'dismiss':
      return { ...state, status: null };
  }
}
