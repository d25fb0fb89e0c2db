/**
 * The 预算执行 part of the pane: toolbar (识别 / 撤销), status, and four tabs — as the pane was before the other
 * parts came. Everything goes through the hook (useBudgetPane), so the component never calls Excel.
 */
import { Button, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { canApply, type BudgetTab } from '../state';
import type { BudgetPane } from '../useBudgetPane';
import { BUSY_LABEL } from '../labels';
import { TAB_LABEL } from '../../shared/labels';
import type { PaneMode } from '../../shared/labels';
import { StatusBar } from '../../shared/components/StatusBar';
import { DetectPanel } from './DetectPanel';
import { PreviewPanel } from './PreviewPanel';
import { SettingsPanel } from './SettingsPanel';
import { IssueList } from './IssueList';
import { UndoElsewhere } from '../../shared/components/UndoElsewhere';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  panel: { paddingTop: tokens.spacingVerticalS },
});

const TABS: BudgetTab[] = ['detect', 'preview', 'settings', 'issues'];

export interface BudgetViewProps {
  pane: BudgetPane;
  /** The part of the pane that made the last write, when it is another one (its undo is there). */
  writtenElsewhere: PaneMode | null;
  /** The last write (the one undo would take back) was made in this part. */
  undoHere: boolean;
}

export function BudgetView({ pane, writtenElsewhere, undoHere }: BudgetViewProps) {
  const styles = useStyles();
  const { state } = pane;
  const busy = state.busy !== null;
  const flags = state.detection?.report.flags.length ?? 0;
  return (
    <>
      <div className={styles.toolbar} role="toolbar" aria-label="操作">
        <Button appearance="primary" disabled={busy} onClick={pane.detect} data-testid="detect-button">
          识别表格
        </Button>
        <Button disabled={busy || !state.canUndo || !undoHere} onClick={pane.undo} data-testid="undo-button">
          撤销上次写入
        </Button>
        {state.busy && <Spinner size="tiny" label={BUSY_LABEL[state.busy]} data-testid="busy" />}
      </div>
      <UndoElsewhere mode={writtenElsewhere} />
      <StatusBar status={state.status} onDismiss={pane.dismiss} />
      <TabList selectedValue={state.tab} onTabSelect={(_, d) => pane.setTab(d.value as BudgetTab)} data-testid="tabs">
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
    </>
  );
}
