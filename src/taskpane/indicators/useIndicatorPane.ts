/**
 * The 绩效指标 part's hook: reducer state plus one IndicatorActions call per intent. The workbook's settings are
 * the budget part's (one Settings object, saved in the workbook): scoring is saved through `saveSettings` and
 * handed back with `onSettingsSaved`, so both parts always hold the same settings.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { ScoringSettings, Settings } from '../../core';
import { toPaneError } from '../shared/paneError';
import type { Progress } from '../shared/progress';
import type { Mappings } from '../shared/paneTypes';
import type { PaneActions } from '../host/PaneActions';
import type { IndicatorIssueFilter } from './labels';
import { indicatorReducer, initialIndicatorState, type IndicatorState, type IndicatorTab } from './state';

export interface IndicatorPaneInput {
  actions: Pick<PaneActions, 'detectIndicators' | 'applyIndicators' | 'undo' | 'select' | 'saveSettings'>;
  settings: Settings;
  mappings: Mappings;
  onSettingsSaved(settings: Settings): void;
  initial?: IndicatorState;
}

export interface IndicatorPane {
  state: IndicatorState;
  detect(): void;
  apply(): void;
  undo(): void;
  select(sheet: string, cell: string): void;
  setScoring(s: Partial<ScoringSettings>): void;
  saveScoring(): void;
  setTab(tab: IndicatorTab): void;
  setFilter(f: IndicatorIssueFilter): void;
  dismiss(): void;
  /** The user edited `sheet`: re-read (quietly, once the edits pause) so the score and the lists follow. */
  sheetEdited(sheet: string): void;
}

/** Edits come in bursts (a paste, a fill): read again once they pause. */
const REFRESH_DELAY_MS = 600;

export function useIndicatorPane({ actions, settings, mappings, onSettingsSaved, initial }: IndicatorPaneInput): IndicatorPane {
  const [state, dispatch] = useReducer(indicatorReducer, initial ?? initialIndicatorState(settings.scoring));
  // Latest values through refs, so the callbacks stay stable.
  const ref = useRef({ state, settings, mappings });
  ref.current = { state, settings, mappings };
  const fail = useCallback((e: unknown) => dispatch({ type: 'failed', error: toPaneError(e) }), []);
  const pendingRefresh = useRef<{ timer: ReturnType<typeof setTimeout>; sheet: string } | null>(null);
  useEffect(() => () => clearTimeout(pendingRefresh.current?.timer), []);

  // Settings load after the first render: take the saved scoring until the user edits it here.
  const loadedScoring = settings.scoring;
  useEffect(() => {
    if (!ref.current.state.busy) dispatch({ type: 'scoring', scoring: loadedScoring });
  }, [loadedScoring]);

  const pane = useMemo<Omit<IndicatorPane, 'state'>>(() => {
    const run = <T,>(busy: 'detect' | 'apply' | 'undo', call: () => Promise<T>, done: (v: T) => void) => {
      if (ref.current.state.busy) return;
      dispatch({ type: 'busy', busy });
      call().then(done, fail);
    };
    const progress = (p: Progress) => dispatch({ type: 'progress', progress: p });
    return {
      detect: () => run('detect', () => actions.detectIndicators(ref.current.settings, ref.current.mappings, progress), (detection) => dispatch({ type: 'detected', detection })),
      apply: () => run('apply', () => actions.applyIndicators(ref.current.settings, ref.current.mappings, progress), (outcome) => dispatch({ type: 'applied', outcome })),
      undo: () => run('undo', () => actions.undo(), (outcome) => dispatch({ type: 'undone', outcome })),
      select: (sheet, cell) => {
        actions.select(sheet, cell).catch(fail);
      },
      setScoring: (scoring) => dispatch({ type: 'scoring', scoring }),
      saveScoring: () => {
        const { state: s, settings: base } = ref.current;
        if (s.busy) return;
        const next = { ...base, scoring: { ...s.scoring } };
        dispatch({ type: 'busy', busy: 'save' });
        actions.saveSettings(next).then(() => {
          onSettingsSaved(next);
          dispatch({ type: 'scoring-saved', scoring: next.scoring });
        }, fail);
      },
      sheetEdited: (sheet) => {
        if (!ref.current.state.detection) return;
        clearTimeout(pendingRefresh.current?.timer);
        const refresh = () => {
          const s = ref.current;
          // Busy with something the user started: that action reads the workbook again anyway, or try later.
          if (s.state.busy) return void (pendingRefresh.current = { timer: setTimeout(refresh, REFRESH_DELAY_MS), sheet });
          pendingRefresh.current = null;
          dispatch({ type: 'busy', busy: 'refresh' });
          actions.detectIndicators(s.settings, s.mappings).then(
            (detection) => dispatch({ type: 'refreshed', detection, sheet }),
            () => dispatch({ type: 'refresh-failed' }),
          );
        };
        pendingRefresh.current = { timer: setTimeout(refresh, REFRESH_DELAY_MS), sheet };
      },
      setTab: (tab) => dispatch({ type: 'tab', tab }),
      setFilter: (filter) => dispatch({ type: 'filter', filter }),
      dismiss: () => dispatch({ type: 'dismiss' }),
    };
  }, [actions, fail, onSettingsSaved]);

  return { state, ...pane };
}
