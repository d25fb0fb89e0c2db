/**
 * The 绩效指标 part of the pane as a pure reducer (as budgetReducer.ts is for the budget part): what is shown, when
 * 写入 is possible, what the status bar says. The hook (useIndicatorPane) only runs actions and dispatches.
 */
import { DEFAULT_SETTINGS, type ScoringSettings } from '../../core';
import type { IndicatorApplyOutcome, IndicatorDetection } from './types';
import type { PaneError } from '../shared/paneError';
import type { UndoOutcome } from '../shared/paneTypes';
import { NOTES_SKIPPED_MESSAGE } from '../shared/notes';
import { scoreText, type IndicatorIssueFilter } from './labels';
import type { PaneStatus } from '../shared/status';
import type { Progress } from '../shared/progress';

export type IndicatorTab = 'detect' | 'preview' | 'settings' | 'issues';
/** 'refresh' is the quiet re-read after the user edits the workbook (the score follows their ratings). */
export type IndicatorBusy = 'detect' | 'apply' | 'undo' | 'save' | 'refresh' | null;

export interface IndicatorState {
  tab: IndicatorTab;
  detection: IndicatorDetection | null;
  /** The preview was written (写入 again only after a new 识别). */
  applied: boolean;
  /** The built sheet exists in the workbook (refreshed or written): its cells can be selected. */
  sheetBuilt: boolean;
  /** The workbook changed under the detection (undo, new scoring): re-detect before writing. */
  stale: boolean;
  busy: IndicatorBusy;
  /** How far the running action is (step, rows written), painted under the buttons. */
  progress: Progress | null;
  status: PaneStatus | null;
  filter: IndicatorIssueFilter;
  /** The scoring settings being edited (saved with the workbook's settings). */
  scoring: ScoringSettings;
  canUndo: boolean;
}

export type IndicatorEvent =
  | { type: 'busy'; busy: Exclude<IndicatorBusy, null> }
  | { type: 'progress'; progress: Progress }
  | { type: 'detected'; detection: IndicatorDetection }
  | { type: 'refreshed'; detection: IndicatorDetection; sheet: string }
  | { type: 'refresh-failed' }
  | { type: 'applied'; outcome: IndicatorApplyOutcome }
  | { type: 'undone'; outcome: UndoOutcome }
  | { type: 'failed'; error: PaneError }
  | { type: 'scoring'; scoring: Partial<ScoringSettings> }
  | { type: 'scoring-saved'; scoring: ScoringSettings }
  | { type: 'tab'; tab: IndicatorTab }
  | { type: 'filter'; filter: IndicatorIssueFilter }
  | { type: 'dismiss' };

export function initialIndicatorState(scoring: ScoringSettings = DEFAULT_SETTINGS.scoring): IndicatorState {
  return { tab: 'detect', detection: null, applied: false, sheetBuilt: false, stale: false, busy: null, progress: null, status: null, filter: 'all', scoring, canUndo: false };
}

function detectedStatus(d: IndicatorDetection): PaneStatus {
  const { report, preview } = d;
  const total = `自评得分 ${scoreText(report.total.score)}（${report.total.grade}）`;
  if (report.tables.length === 0)
    return {
      intent: 'warning',
      title: '未找到绩效指标表',
      lines: [`写入后“${preview.sheet}”只有预算执行率一行，${total}。`, ...d.warnings],
      hint: '指标表需有“指标 / 三级指标”“年度指标值 / 预期值”“实际完成值 / 实际值”等表头；也可写入后在表中补填指标。',
    };
  const lines = [`找到 ${report.tables.length} 个指标表、${preview.indicators} 项指标，${total}。`, ...d.warnings];
  return { intent: d.warnings.length > 0 ? 'warning' : 'info', title: '识别完成', lines };
}

function appliedStatus(o: IndicatorApplyOutcome): PaneStatus {
  const lines = [`已${o.created ? '新建' : '刷新'}工作表“${o.sheet}”：${o.formulas} 个公式，自评得分 ${scoreText(o.report.total.score)}（${o.report.total.grade}）。`];
  if (o.budgetFormulas > 0) lines.push(`预算表写入 ${o.budgetFormulas} 个执行率 / 调整率公式（预算执行率一行链接到合计行）。`);
  if (o.notesSkipped > 0) lines.push(NOTES_SKIPPED_MESSAGE);
  lines.push(...o.warnings);
  return { intent: o.warnings.length > 0 ? 'warning' : 'success', title: '写入完成', lines };
}

export function indicatorReducer(state: IndicatorState, ev: IndicatorEvent): IndicatorState {
  switch (ev.type) {
    case 'busy':
      return { ...state, busy: ev.busy, progress: null };
    case 'progress':
      return state.busy ? { ...state, progress: ev.progress } : state;
    case 'detected':
      return {
        ...state,
        busy: null,
        detection: ev.detection,
        applied: false,
        stale: false,
        sheetBuilt: ev.detection.preview.refresh,
        status: detectedStatus(ev.detection),
      };
    case 'refreshed': {
      // Re-read after an edit: ratings chosen in the built sheet only change the score (its formulas are live);
      // an edit anywhere else means the built sheet is behind its sources, so 写入 is offered again.
      const inBuilt = ev.sheet.toLowerCase() === ev.detection.preview.sheet.toLowerCase();
      const total = ev.detection.report.total;
      const before = state.detection?.report.total;
      // A message that still quotes the old score would contradict the card: say what it is now.
      const status: PaneStatus | null =
        before && (before.score !== total.score || before.grade !== total.grade)
          ? { intent: 'info', title: '自评得分已随表中改动更新', lines: [`自评得分 ${scoreText(total.score)}（${total.grade}）。`] }
          : state.status;
      return { ...state, busy: null, detection: ev.detection, applied: inBuilt && state.applied, stale: false, sheetBuilt: ev.detection.preview.refresh, status };
    }
    case 'refresh-failed':
      return { ...state, busy: null, stale: true };
    case 'applied': {
      const detection = state.detection ? { ...state.detection, report: ev.outcome.report } : null;
      return { ...state, busy: null, detection, applied: true, sheetBuilt: true, canUndo: true, status: appliedStatus(ev.outcome) };
    }
    case 'undone': {
      if (!ev.outcome.undone) return { ...state, busy: null, canUndo: false, status: { intent: 'info', title: '没有可撤销的写入', lines: [] } };
      const deleted = ev.outcome.sheetsDeleted ?? [];
      const lines = deleted.length > 0 ? [`已删除新建的工作表：${deleted.join('、')}。`] : [`已恢复 ${ev.outcome.cellsRestored} 个单元格。`];
      if (deleted.length > 0 && ev.outcome.cellsRestored > 0) lines.push(`预算表恢复 ${ev.outcome.cellsRestored} 个单元格。`);
      return { ...state, busy: null, canUndo: false, applied: false, stale: true, sheetBuilt: deleted.length === 0 && state.sheetBuilt, status: { intent: 'success', title: '已撤销上次写入', lines } };
    }
    case 'failed':
      return { ...state, busy: null, status: { intent: 'error', title: ev.error.messageZh, lines: [], hint: ev.error.hint } };
    case 'scoring':
      return { ...state, scoring: { ...state.scoring, ...ev.scoring } };
    case 'scoring-saved':
      return {
        ...state,
        busy: null,
        scoring: ev.scoring,
        stale: state.detection !== null,
        status: { intent: 'success', title: '评分设置已写入工作簿', lines: ['请保存工作簿（Ctrl+S），审核人员打开时才能看到同样的评分规则；再重新识别并写入，使表中的得分公式按新规则计算。'] },
      };
    case 'tab':
      return { ...state, tab: ev.tab };
    case 'filter':
      return { ...state, filter: ev.filter };
    case 'dismiss':
      return { ...state, status: null };
  }
}

/** 写入 is possible with a fresh preview that was not written yet. */
export function canApplyIndicators(s: IndicatorState): boolean {
  return s.detection !== null && !s.busy && !s.applied && !s.stale;
}
