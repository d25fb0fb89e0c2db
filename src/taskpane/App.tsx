/**
 * The task pane: a switch between its three parts — 预算执行 (the budget table of the active sheet), 绩效指标 (the
 * indicator completion sheet and its score) and 年度工具 (next year's sheets, the mid-year monitor) — each with its
 * own toolbar, status and steps. All Excel work goes through `actions`, so the same component runs in Excel, in
 * the browser preview and in tests. The three hooks live here, so switching parts keeps each one's state.
 */
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PaneActions } from './host/PaneActions';
import type { BudgetState } from './budget/state';
import type { IndicatorState } from './indicators/state';
import type { YearState } from './year/state';
import { MODE_LABEL, type PaneMode } from './shared/labels';
import { useBudgetPane } from './budget/useBudgetPane';
import { useIndicatorPane } from './indicators/useIndicatorPane';
import { useYearTools } from './year/useYearTools';
import { useWriteLedger } from './shared/useWriteLedger';
import { BudgetView } from './budget/components/BudgetView';
import { IndicatorView } from './indicators/components/IndicatorView';
import { YearView } from './year/components/YearView';
import { CellEditNotice, useCellEditWait } from './shared/components/CellEditNotice';

const useStyles = makeStyles({
  // Sizing lives on <main>, not on FluentProvider: Fluent copies the provider's classes onto its portal mount
  // node (Dropdown lists), and a full-height portal node would cover the pane and swallow clicks.
  // Excel's own pane header already says 预算执行助手: the heading stays for screen readers, off screen.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', margin: '-1px' },
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export interface AppProps {
  actions: PaneActions;
  /** For tests and the preview: start from given states instead of the defaults. */
  initialState?: BudgetState;
  initialIndicators?: IndicatorState;
  initialYear?: YearState;
  initialMode?: PaneMode;
}

const MODES: PaneMode[] = ['budget', 'indicators', 'year'];

export function App(props: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN" data-testid="pane-root">
      <Pane {...props} />
    </FluentProvider>
  );
}

function Pane({ actions: given, initialState, initialIndicators, initialYear, initialMode }: AppProps) {
  const styles = useStyles();
  const { actions, lastWriter } = useWriteLedger(given);
  const budget = useBudgetPane(actions, initialState);
  const { settings, mappings } = budget.state;
  const indicators = useIndicatorPane({ actions, settings, mappings, onSettingsSaved: budget.adoptSettings, initial: initialIndicators });
  const year = useYearTools({ actions, settings, initial: initialYear });
  const [mode, setMode] = useState<PaneMode>(initialMode ?? 'budget');
  // Messages belong to the part they came from: switching parts starts with none showing.
  const switchMode = (m: PaneMode) => {
    budget.dismiss();
    indicators.dismiss();
    year.dismiss();
    setMode(m);
  };
  const { sheetEdited: budgetEdited } = budget;
  const { sheetEdited: indicatorsEdited } = indicators;
  useEffect(
    () =>
      given.watchEdits?.((edit) => {
        budgetEdited(edit.sheet);
        indicatorsEdited(edit.sheet);
      }),
    [given, budgetEdited, indicatorsEdited],
  );
  const waitingForCellEdit = useCellEditWait(given.watchCellEditWait);
  const elsewhere = (m: PaneMode) => (lastWriter !== null && lastWriter !== m ? lastWriter : null);
  return (
    <main className={styles.root}>
      <h1 className={styles.hidden}>预算执行助手</h1>
      <TabList appearance="filled-circular" size="small" selectedValue={mode} onTabSelect={(_, d) => switchMode(d.value as PaneMode)} aria-label="功能" data-testid="mode-switch">
        {MODES.map((m) => (
          <Tab key={m} value={m} data-testid={`mode-${m}`}>
            {MODE_LABEL[m]}
          </Tab>
        ))}
      </TabList>
      <CellEditNotice waiting={waitingForCellEdit} />
      {mode === 'budget' && <BudgetView pane={budget} writtenElsewhere={elsewhere('budget')} undoHere={lastWriter === 'budget'} />}
      {mode === 'indicators' && <IndicatorView pane={indicators} writtenElsewhere={elsewhere('indicators')} undoHere={lastWriter === 'indicators'} />}
      {mode === 'year' && <YearView tools={year} writtenElsewhere={elsewhere('year')} undoHere={lastWriter === 'year'} />}
    </main>
  );
}
