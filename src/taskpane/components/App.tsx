/**
 * The task pane: toolbar (识别 / 撤销), status, and four tabs. All Excel work goes through `actions`, so the
 * same component runs in Excel, in the browser preview and in tests.
 */
import { Button, FluentProvider, Spinner, Tab, TabList, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { BudgetActions } from '../actions';
import { canApply, type PaneState, type PaneTab } from '../paneReducer';
import { useBudgetPane } from '../useBudgetPane';
import { BUSY_LABEL, TAB_LABEL } from '../labels';
import { StatusBar } from './StatusBar';
import { DetectPanel } from './DetectPanel';
import { PreviewPanel } from './PreviewPanel';
import { SettingsPanel } from './SettingsPanel';
import { IssueList } from './IssueList';

const useStyles = makeStyles({
  // Sizing lives on <main>, not on FluentProvider: Fluent copies the provider's classes onto its portal mount
  // node (Dropdown lists), and a full-height portal node would cover the pane and swallow clicks.
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  panel: { paddingTop: tokens.spacingVerticalS },
});

export interface AppProps {
  actions: BudgetActions;
  /** For tests and the preview: start from a given state instead of the defaults. */
  initialState?: PaneState;
}

const TABS: PaneTab[] = ['detect', 'preview', 'settings', 'issues'];

export function App({ actions, initialState }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN" data-testid="pane-root">
      <Pane actions={actions} initialState={initialState} />
    </FluentProvider>
  );
}

function Pane({ actions, initialState }: AppProps) {
  const styles = useStyles();
  const pane = useBudgetPane(actions, initialState);
  const { state } = pane;
  const busy = state.busy !== null;
  const flags = state.detection?.report.flags.length ?? 0;
  return (
    <main className={styles.root}>
      <Title3 as="h1">预算执行助手</Title3>
      <div className={styles.toolbar} role="toolbar" aria-label="操作">
        <Button appearance="primary" disabled={busy} onClick={pane.detect} data-testid="detect-button">
          识别表格
        </Button>
        <Button disabled={busy || !state.canUndo} onClick={pane.undo} data-testid="undo-button">
          撤销上次写入
        </Button>
        {state.busy && <Spinner size="tiny" label={BUSY_LABEL[state.busy]} data-testid="busy" />}
      </div>
      <StatusBar status={state.status} onDismiss={pane.dismiss} />
      <TabList selectedValue={state.tab} onTabSelect={(_, d) => pane.setTab(d.value as PaneTab)} data-testid="tabs">
        {TABS.map((t) => (
          <Tab key={t} value={t} data-testid={`tab-${t}`}>
            {t === 'issues' && flags > 0 ? `${TAB_LABEL[t]}（${flags}）` : TAB_LABEL[t]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" aria-label={TAB_LABEL[state.tab]} data-testid={`panel-${state.tab}`}>
        {state.tab === 'detect' && (
          <DetectPanel
            detection={state.detection}
            stale={state.stale}
            means={state.settings.adjustedMeans}
            disabled={busy}
            onMapping={pane.setMapping}
            onMeans={pane.setMeans}
          />
        )}
        {state.tab === 'preview' && (
          <PreviewPanel
            detection={state.detection}
            applied={state.applied}
            stale={state.stale}
            consent={state.consent}
            canApply={canApply(state)}
            applying={state.busy === 'apply'}
            onConsent={pane.setConsent}
            onApply={pane.apply}
          />
        )}
        {state.tab === 'settings' && (
          <SettingsPanel draft={state.draft} errors={state.draftErrors} disabled={busy} onDraft={pane.setDraft} onSave={pane.saveSettings} />
        )}
        {state.tab === 'issues' && (
          <IssueList report={state.detection?.report ?? null} filter={state.ruleFilter} onFilter={pane.setFilter} onSelect={pane.select} />
        )}
      </div>
    </main>
  );
}
