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
import type { Progress } from '../shared/progress';

export type BudgetTab = 'detect' | 'preview' | 'settings' | 'issues';
/** What the part is doing; 'refresh' is a re-read after an edit in the sheet (never moves focus). */
export type Busy = 'load' | 'detect' | 'apply' | 'undo' | 'save' | 'refresh' | null;

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
  /** The sheet changed under the detection (an edit, an undo): re-detect before trusting it. */
  stale: boolean;
  /** 调整列含义 as chosen in the 识别 tab, applied only with its button (arrow keys in the group only choose). */
  meansDraft: Settings['adjustedMeans'];
  /** Consent to replace the user's cells; reset whenever the preview changes, so it is always informed. */
  consent: boolean;
  ruleFilter: FlagRule | 'all';
  busy: Busy;
  /** How far a long action is (shown while busy). */
  progress: Progress | null;
  status: PaneStatus | null;
  canUndo: boolean;
}

export type BudgetEvent =
  | { type: 'busy'; busy: Exclude<Busy, null> }
  | { type: 'progress'; progress: Progress }
  | { type: 'settings-loaded'; settings: Settings }
  | { type: 'settings-saved'; settings: Settings }
  | { type: 'settings-adopted'; settings: Settings }
  | { type: 'draft'; draft: Partial<SettingsDraft> }
  | { type: 'draft-invalid'; errors: DraftErrors }
  | { type: 'detected'; detection: Detection; after?: 'settings' }
  | { type: 'sheet-edited'; sheet: string }
  | { type: 'means-draft'; means: Settings['adjustedMeans'] }
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
    meansDraft: settings.adjustedMeans,
    consent: false,
    ruleFilter: 'all',
    busy: null,
    progress: null,
    status: null,
    canUndo: false,
  };
}

/** The 识别 tab's heading already counts tables and issues: the status says only what the heading does not. */
function detectedStatus(d: Detection, after?: 'settings'): PaneStatus {
  if (d.report.tables.length === 0)
    return {
      intent: 'warning',
      title: `工作表“${d.sheet}”中没有找到预算表`,
      lines: ['表头需含“年初预算数”“调整后预算（或预算调整数）”“实际支出”等列。'],
      hint: '请切换到预算表所在的工作表，再点击“识别表格”。',
    };
  const title = after === 'settings' ? `设置已写入工作簿，已按新规则重新识别工作表“${d.sheet}”` : `已识别工作表“${d.sheet}”`;
  const problems = mappingProblemCount(d);
  const lines = [
    ...(after === 'settings' ? [SAVE_THE_FILE] : []),
    ...(problems > 0 ? [`列的对应有 ${problems} 处需要更正，改正前不能写入（见“识别”页）。`] : []),
    ...d.warnings,
  ];
  return { intent: d.warnings.length > 0 || problems > 0 ? 'warning' : 'success', title, lines };
}

/** Settings live in the workbook (a custom XML part): they reach the reviewer only once the file is saved. */
export const SAVE_THE_FILE = '请保存工作簿（Ctrl+S）：保存后，审核人员打开此文件时使用相同的规则。';

const mappingProblemCount = (d: Detection) => Object.values(d.mappingProblems).reduce((n, list) => n + list.length, 0);

function undoneLines(o: UndoOutcome): string[] {
  const parts = [`恢复了 ${o.cellsRestored} 个单元格`];
  if (o.rulesRemoved > 0) parts.push(`移除了 ${o.rulesRemoved} 条条件格式规则`);
  if (o.notesRemoved > 0) parts.push(`移除了 ${o.notesRemoved} 条注释`);
  if (o.notesRestored > 0) parts.push(`恢复了 ${o.notesRestored} 条原有注释`);
  const where = o.sheets.length > 0 ? `工作表${o.sheets.map((s) => `“${s}”`).join('、')}：` : '';
  return [`${where}${parts.join('，')}。`];
}

export function budgetReducer(state: BudgetState, ev: BudgetEvent): BudgetState {
  switch (ev.type) {
    case 'busy':
      return { ...state, busy: ev.busy, progress: null };
    case 'progress':
      return state.busy ? { ...state, progress: ev.progress } : state;
    case 'settings-loaded':
      return { ...state, busy: null, settings: ev.settings, meansDraft: ev.settings.adjustedMeans, draft: draftFromSettings(ev.settings), draftErrors: {} };
    case 'settings-saved':
      return {
        ...state,
        busy: null,
        settings: ev.settings,
        meansDraft: ev.settings.adjustedMeans,
        draft: draftFromSettings(ev.settings),
        draftErrors: {},
        status: { intent: 'success', title: '设置已写入工作簿', lines: [SAVE_THE_FILE] },
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
      return { ...state, busy: null, detection: ev.detection, applied: false, stale: false, consent: false, ruleFilter, status: detectedStatus(ev.detection, ev.after) };
    }
    case 'sheet-edited': {
      // Only the sheet the detection was made for matters; the status stays as it is (the panels say it).
      if (!state.detection || state.detection.sheet.toLowerCase() !== ev.sheet.toLowerCase()) return state;
      return { ...state, stale: true, consent: false };
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
        status: { intent: 'success', title: o.nothingToDo ? `工作表“${o.sheet}”无需写入` : `已写入工作表“${o.sheet}”`, lines: o.nothingToDo ? lines.slice(1) : lines },
      };
    }
    case 'undone': {
      const o = ev.outcome;
      if (!o.undone) return { ...state, busy: null, canUndo: false, status: { intent: 'info', title: '没有可撤销的写入', lines: [] } };
      return { ...state, busy: null, canUndo: false, applied: false, stale: true, consent: false, status: { intent: 'success', title: '已撤销上次写入', lines: undoneLines(o) } };
    }
    case 'failed':
      // A write refused because the sheet changed since 识别: the preview is out of date until re-read.
      return { ...state, busy: null, stale: state.stale || ev.error.code === 'sheet-changed', status: { intent: 'error', title: ev.error.messageZh, lines: [], hint: ev.error.hint } };
    case 'mapping': {
      const current = { ...(state.mappings[ev.key] ?? {}), [ev.role]: ev.letter };
      return { ...state, mappings: { ...state.mappings, [ev.key]: current }, stale: true };
    }
    case 'means-draft':
      return { ...state, meansDraft: ev.means };
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
  if (!d || s.busy || s.applied || s.stale || d.report.tables.length === 0 || mappingProblemCount(d) > 0) return false;
  return !d.preview.nothingToDo || (s.consent && d.preview.overwrites.length > 0);
}
