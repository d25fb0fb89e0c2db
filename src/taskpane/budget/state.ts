/**
 * The pane's state and every transition, as a pure reducer: the hook (useBudgetPane) only runs actions and
 * dispatches their results, so the behaviour (what is stale, when consent resets, what the status says) is
 * unit-tested without React or Excel.
 */
import { DEFAULT_SETTINGS, type FlagRule, type Settings } from '../../core';
import type { ApplyOutcome, Detection, MappableRole } from './types';
import type { Mappings, UndoOutcome } from '../shared/paneTypes';
import type { PaneError } from '../shared/paneError';
import { NOTES_SKIPPED_MESSAGE } from '../shared/notes';
import { appliedMessage } from './previewSummary';
import { draftFromSettings, type DraftErrors, type SettingsDraft } from './settingsForm';
import type { PaneStatus } from '../shared/status';

export type BudgetTab = 'detect' | 'preview' | 'settings' | 'issues';
export type Busy = 'load' | 'detect' | 'apply' | 'undo' | 'save' | null;

export interface BudgetState {
  tab: BudgetTab;
  /** The settings detections and writes use (as saved in the workbook). */
  settings: Settings;
  draft: SettingsDraft;
  draftErrors: DraftErrors;
  mappings: Mappings;
  detection: Detection | null;
  /** The detection was written to the sheet (its preview is no longer pending). */
  applied: boolean;
  /** The sheet changed under the detection (after undo): re-detect before trusting it. */
  stale: boolean;
  /** Consent to replace the user's cells; reset whenever the preview changes, so it is always informed. */
  consent: boolean;
  ruleFilter: FlagRule | 'all';
  busy: Busy;
  status: PaneStatus | null;
  canUndo: boolean;
}

export type BudgetEvent =
  | { type: 'busy'; busy: Exclude<Busy, null> }
  | { type: 'settings-loaded'; settings: Settings }
  | { type: 'settings-saved'; settings: Settings }
  | { type: 'settings-adopted'; settings: Settings }
  | { type: 'draft'; draft: Partial<SettingsDraft> }
  | { type: 'draft-invalid'; errors: DraftErrors }
  | { type: 'detected'; detection: Detection }
  | { type: 'applied'; outcome: ApplyOutcome }
  | { type: 'undone'; outcome: UndoOutcome }
  | { type: 'failed'; error: PaneError }
  | { type: 'mapping'; key: string; role: MappableRole; letter: string | null }
  | { type: 'consent'; value: boolean }
  | { type: 'filter'; rule: FlagRule | 'all' }
  | { type: 'tab'; tab: BudgetTab }
  | { type: 'dismiss' };

export function initialBudgetState(settings: Settings = DEFAULT_SETTINGS): BudgetState {
  return {
    tab: 'detect',
    settings,
    draft: draftFromSettings(settings),
    draftErrors: {},
    mappings: {},
    detection: null,
    applied: false,
    stale: false,
    consent: false,
    ruleFilter: 'all',
    busy: null,
    status: null,
    canUndo: false,
  };
}

function detectedStatus(d: Detection): PaneStatus {
  const tables = d.report.tables.length;
  if (tables === 0)
    return {
      intent: 'warning',
      title: '未找到预算表',
      lines: [`工作表“${d.sheet}”中没有识别到含“年初预算数 / 调整后预算 / 实际支出”表头的表格。`],
      hint: '请切换到预算表所在的工作表，或选中表格区域后重新识别。',
    };
  const flags = d.report.flags.length;
  const lines = [`找到 ${tables} 个表格，${flags} 个问题。`, ...d.warnings];
  return { intent: d.warnings.length > 0 ? 'warning' : 'info', title: '识别完成', lines };
}

export function budgetReducer(state: BudgetState, ev: BudgetEvent): BudgetState {
  switch (ev.type) {
    case 'busy':
      return { ...state, busy: ev.busy };
    case 'settings-loaded':
      return { ...state, busy: null, settings: ev.settings, draft: draftFromSettings(ev.settings), draftErrors: {} };
    case 'settings-saved':
      return {
        ...state,
        busy: null,
        settings: ev.settings,
        draft: draftFromSettings(ev.settings),
        draftErrors: {},
        status: { intent: 'success', title: '设置已保存', lines: ['设置已保存在工作簿中，审核人员打开时将使用相同规则。'] },
      };
    case 'settings-adopted':
      // Saved by another part of the pane (the scoring settings): take them, keep what is being typed here.
      return { ...state, settings: ev.settings };
    case 'draft':
      return { ...state, draft: { ...state.draft, ...ev.draft } };
    case 'draft-invalid':
      return { ...state, draftErrors: ev.errors, status: { intent: 'error', title: '设置有误', lines: Object.values(ev.errors) } };
    case 'detected': {
      const rules = new Set(ev.detection.report.flags.map((f) => f.rule));
      const ruleFilter = state.ruleFilter !== 'all' && !rules.has(state.ruleFilter) ? 'all' : state.ruleFilter;
      return { ...state, busy: null, detection: ev.detection, applied: false, stale: false, consent: false, ruleFilter, status: detectedStatus(ev.detection) };
    }
    case 'applied': {
      const o = ev.outcome;
      const lines = [appliedMessage(o)];
      if (o.notesSkipped > 0) lines.push(NOTES_SKIPPED_MESSAGE);
      lines.push(...o.warnings);
      const detection = state.detection ? { ...state.detection, report: o.report } : null;
      return {
        ...state,
        busy: null,
        detection,
        applied: !o.nothingToDo || state.applied,
        consent: false,
        canUndo: state.canUndo || !o.nothingToDo,
        status: { intent: 'success', title: o.nothingToDo ? '无需写入' : '写入完成', lines },
      };
    }
    case 'undone': {
      const o = ev.outcome;
      if (!o.undone) return { ...state, busy: null, canUndo: false, status: { intent: 'info', title: '没有可撤销的写入', lines: [] } };
      const parts = [`已恢复 ${o.cellsRestored} 个单元格`];
      if (o.rulesRemoved > 0) parts.push(`移除 ${o.rulesRemoved} 条条件格式规则`);
      if (o.notesRestored > 0) parts.push(`恢复 ${o.notesRestored} 条备注`);
      const lines = [`${parts.join('，')}。`];
      return { ...state, busy: null, canUndo: false, applied: false, stale: true, consent: false, status: { intent: 'success', title: '已撤销上次写入', lines } };
    }
    case 'failed':
      return { ...state, busy: null, status: { intent: 'error', title: ev.error.messageZh, lines: [], hint: ev.error.hint } };
    case 'mapping': {
      const current = { ...(state.mappings[ev.key] ?? {}), [ev.role]: ev.letter };
      return { ...state, mappings: { ...state.mappings, [ev.key]: current }, stale: true };
    }
    case 'consent':
      return { ...state, consent: ev.value };
    case 'filter':
      return { ...state, ruleFilter: ev.rule };
    case 'tab':
      return { ...state, tab: ev.tab };
    case 'dismiss':
      return { ...state, status: null };
  }
}

/** 写入 is possible when there is a fresh preview with something to write (or consented overwrites). */
export function canApply(s: BudgetState): boolean {
  const d = s.detection;
  if (!d || s.busy || s.applied || s.stale || d.report.tables.length === 0) return false;
  return !d.preview.nothingToDo || (s.consent && d.preview.overwrites.length > 0);
}
