/**
 * The pane's one hook: holds the reducer state and turns user intents into BudgetActions calls.
 * Each intent is one action call (one Excel.run in Excel); results and failures go through the reducer,
 * so every failure reaches the status bar instead of the console.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { AdjustedMeans, FlagRule, Settings } from '../../core';
import { toPaneError } from '../shared/paneError';
import type { BudgetActions, MappableRole } from './types';
import type { Mappings } from '../shared/paneTypes';
import { initialBudgetState, budgetReducer, type BudgetState, type BudgetTab } from './state';
import { settingsFromDraft, type SettingsDraft } from './settingsForm';
import type { Progress } from '../shared/progress';

export interface BudgetPane {
  state: BudgetState;
  detect(): void;
  apply(): void;
  undo(): void;
  select(sheet: string, cell: string): void;
  saveSettings(): void;
  /** Chooses 调整列含义 (arrow keys in the radio group); nothing is saved until applyMeans. */
  setMeans(means: 'auto' | AdjustedMeans): void;
  applyMeans(): void;
  /** The user edited `sheet` in the workbook (not this add-in): the detection of that sheet is out of date. */
  sheetEdited(sheet: string): void;
  setMapping(key: string, role: MappableRole, letter: string | null): void;
  setDraft(d: Partial<SettingsDraft>): void;
  setConsent(v: boolean): void;
  setFilter(rule: FlagRule | 'all'): void;
  setTab(tab: BudgetTab): void;
  dismiss(): void;
  /** Settings saved elsewhere in the pane (scoring): this part uses them from now on. */
  adoptSettings(settings: Settings): void;
}

export function useBudgetPane(actions: BudgetActions, initial?: BudgetState): BudgetPane {
  const [state, dispatch] = useReducer(budgetReducer, initial ?? initialBudgetState());
  // Callbacks read the latest state through a ref so they stay stable (no re-render churn in children).
  const ref = useRef(state);
  ref.current = state;

  const fail = useCallback((e: unknown) => dispatch({ type: 'failed', error: toPaneError(e) }), []);
  const progress = useCallback((p: Progress) => dispatch({ type: 'progress', progress: p }), []);

  const runDetect = useCallback(
    async (settings: Settings, mappings: Mappings, after?: 'settings') => {
      dispatch({ type: 'busy', busy: 'detect' });
      try {
        dispatch({ type: 'detected', detection: await actions.detect(settings, mappings, progress), after });
      } catch (e) {
        fail(e);
      }
    },
    [actions, fail, progress],
  );

  // Saving settings re-runs detection when a table is showing, so the 问题清单 follows the new thresholds.
  const persist = useCallback(
    async (settings: Settings) => {
      dispatch({ type: 'busy', busy: 'save' });
      try {
        await actions.saveSettings(settings);
        dispatch({ type: 'settings-saved', settings });
      } catch (e) {
        fail(e);
        return;
      }
      if (ref.current.detection) await runDetect(settings, ref.current.mappings, 'settings');
    },
    [actions, fail, runDetect],
  );

  useEffect(() => {
    let live = true;
    dispatch({ type: 'busy', busy: 'load' });
    actions.loadSettings().then(
      (settings) => live && dispatch({ type: 'settings-loaded', settings }),
      (e) => live && fail(e),
    );
    return () => {
      live = false;
    };
  }, [actions, fail]);

  const pane = useMemo<Omit<BudgetPane, 'state'>>(
    () => ({
      detect: () => {
        if (!ref.current.busy) void runDetect(ref.current.settings, ref.current.mappings);
      },
      apply: () => {
        const s = ref.current;
        if (s.busy) return;
        dispatch({ type: 'busy', busy: 'apply' });
        actions.apply(s.settings, s.mappings, { overwrite: s.consent }, progress).then((outcome) => dispatch({ type: 'applied', outcome }), fail);
      },
      undo: () => {
        if (ref.current.busy) return;
        dispatch({ type: 'busy', busy: 'undo' });
        actions.undo().then((outcome) => dispatch({ type: 'undone', outcome }), fail);
      },
      select: (sheet, cell) => {
        actions.select(sheet, cell).catch(fail);
      },
      saveSettings: () => {
        const s = ref.current;
        if (s.busy) return;
        const { settings, errors } = settingsFromDraft(s.draft, s.settings);
        if (!settings) dispatch({ type: 'draft-invalid', errors });
        else void persist(settings);
      },
      setMeans: (means) => dispatch({ type: 'means-draft', means }),
      applyMeans: () => {
        const s = ref.current;
        if (!s.busy) void persist({ ...s.settings, adjustedMeans: s.meansDraft });
      },
      sheetEdited: (sheet) => dispatch({ type: 'sheet-edited', sheet }),
      setMapping: (key, role, letter) => {
        const s = ref.current;
        if (s.busy) return;
        dispatch({ type: 'mapping', key, role, letter });
        const mappings = { ...s.mappings, [key]: { ...(s.mappings[key] ?? {}), [role]: letter } };
        void runDetect(s.settings, mappings);
      },
      setDraft: (draft) => dispatch({ type: 'draft', draft }),
      setConsent: (value) => dispatch({ type: 'consent', value }),
      setFilter: (rule) => dispatch({ type: 'filter', rule }),
      setTab: (tab) => dispatch({ type: 'tab', tab }),
      dismiss: () => dispatch({ type: 'dismiss' }),
      adoptSettings: (settings) => dispatch({ type: 'settings-adopted', settings }),
    }),
    [actions, fail, persist, progress, runDetect],
  );

  return { state, ...pane };
}
