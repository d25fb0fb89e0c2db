/** The 年度工具 part's hook: reducer state plus one YearActions call per intent. */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Settings } from '../../core';
import { toPaneError } from '../shared/paneError';
import type { NextYearChoice, YearActions } from './types';
import type { UndoOutcome } from '../shared/paneTypes';
import { choiceFromState, initialYearState, yearReducer, type YearState, type YearTool } from './state';
import type { Progress } from '../shared/progress';

export interface YearToolsInput {
  actions: YearActions & { undo(): Promise<UndoOutcome> };
  settings: Settings;
  initial?: YearState;
}

export interface YearTools {
  state: YearState;
  setTool(tool: YearTool): void;
  setYear(year: string): void;
  setCarry(value: boolean): void;
  setMonth(month: number): void;
  previewNextYear(): void;
  createNextYear(): void;
  buildMonitor(): void;
  undo(): void;
  dismiss(): void;
}

export function useYearTools({ actions, settings, initial }: YearToolsInput): YearTools {
  const [state, dispatch] = useReducer(yearReducer, initial ?? initialYearState(settings.asOfMonth ?? 6));
  const ref = useRef({ state, settings });
  ref.current = { state, settings };
  const fail = useCallback((e: unknown) => dispatch({ type: 'failed', error: toPaneError(e) }), []);

  // The saved 截至月份 (设置) is the monitor's default month until one is picked here.
  const savedMonth = settings.asOfMonth;
  useEffect(() => {
    if (savedMonth !== undefined) dispatch({ type: 'month', month: savedMonth, fromSettings: true });
  }, [savedMonth]);

  const tools = useMemo<Omit<YearTools, 'state'>>(() => {
    const run = <T,>(busy: 'preview' | 'create' | 'monitor' | 'undo', call: () => Promise<T>, done: (v: T) => void) => {
      if (ref.current.state.busy) return;
      dispatch({ type: 'busy', busy });
      call().then(done, fail);
    };
    const progress = (p: Progress) => dispatch({ type: 'progress', progress: p });
    // The typed year is checked here, beside its field, before any Excel run.
    const withChoice = (go: (c: NextYearChoice) => void) => {
      const { choice, error } = choiceFromState(ref.current.state);
      if (!choice) dispatch({ type: 'year-invalid', message: error ?? '年份有误' });
      else go(choice);
    };
    return {
      setTool: (tool) => dispatch({ type: 'tool', tool }),
      setYear: (year) => dispatch({ type: 'year', year }),
      setCarry: (value) => dispatch({ type: 'carry', value }),
      setMonth: (month) => dispatch({ type: 'month', month }),
      previewNextYear: () =>
        withChoice((c) => run('preview', () => actions.previewNextYear(ref.current.settings, c, progress), (preview) => dispatch({ type: 'previewed', preview }))),
      createNextYear: () =>
        withChoice((c) => run('create', () => actions.createNextYear(ref.current.settings, c, progress), (outcome) => dispatch({ type: 'created', outcome }))),
      buildMonitor: () =>
        run('monitor', () => actions.buildMonitor(ref.current.settings, ref.current.state.month, progress), (outcome) => dispatch({ type: 'monitored', outcome })),
      undo: () => run('undo', () => actions.undo(), (outcome) => dispatch({ type: 'undone', outcome })),
      dismiss: () => dispatch({ type: 'dismiss' }),
    };
  }, [actions, fail]);

  return { state, ...tools };
}
