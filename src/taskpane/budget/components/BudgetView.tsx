/**
 * The 预算执行 part of the pane: toolbar (识别 / 撤销), status, and four tabs. Everything goes through the hook
 * (useBudgetPane), so the component never calls Excel. Focus lands on the outcome of each action.
 */
import { Button, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { ProgressLine } from '../../shared/components/ProgressLine';
import { canApply, type Busy, type BudgetTab } from '../state';
import type { BudgetPane } from '../useBudgetPane';
import { BUSY_LABEL } from '../labels';
import { TAB_LABEL } from '../../shared/labels';
import type { PaneMode } from '../../shared/labels';
import { StatusBar } from '../../shared/components/StatusBar';
import { useFocusAfterAction } from '../../shared/useFocusAfterAction';
import { DetectPanel } from './DetectPanel';
import { PreviewPanel } from './PreviewPanel';
import { SettingsPanel } from './SettingsPanel';
import { IssueList } from './IssueList';
import { UndoElsewhere } from '../../shared/components/UndoElsewhere';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  panel: { paddingTop: tokens.spacingVerticalS },
  tabs: { flexWrap: 'wrap' },
});

const TABS: BudgetTab[] = ['detect', 'preview', 'settings', 'issues'];
/** Work the user did not start by a click here: it never moves focus. */
const QUIET: Exclude<Busy, null>[] = ['load', 'refresh'];

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
  const focus = useFocusAfterAction(state.busy, QUIET);
  return (
    <>
      <div className={styles.toolbar} role="toolbar" aria-label="操作">
        <Button appearance="primary" disabled={busy} onClick={pane.detect} data-testid="detect-button" ref={focus.fallbackRef}>
          识别表格
        </Button>
        <Button disabled={busy || !state.canUndo || !undoHere} onClick={pane.undo} data-testid="undo-button">
          撤销上次写入
        </Button>
        {state.busy && <ProgressLine label={BUSY_LABEL[state.busy]} progress={state.progress} />}
      </div>
      <UndoElsewhere mode={writtenElsewhere} />
      <StatusBar status={state.status} onDismiss={focus.afterDismiss(pane.dismiss)} focusRef={focus.statusRef} />
      <TabList className={styles.tabs} size="small" selectedValue={state.tab} onTabSelect={(_, d) => pane.setTab(d.value as BudgetTab)} data-testid="tabs">
        {TABS.map((t) => (
          <Tab key={t} value={t} data-testid={`tab-${t}`}>
            {t === 'issues' && flags > 0 ? `${TAB_LABEL[t]}（${flags}）` : TAB_LABEL[t]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" tabIndex={-1} ref={focus.panelRef} aria-label={TAB_LABEL[state.tab]} data-testid={`panel-${state.tab}`}>
        {state.tab === 'detect' && (
          <DetectPanel
            detection={state.detection}
            stale={state.stale}
            means={state.meansDraft}
            savedMeans={state.settings.adjustedMeans}
            disabled={busy}
            onMapping={pane.setMapping}
            onMeans={pane.setMeans}
            onApplyMeans={pane.applyMeans}
            onRefresh={pane.detect}
          />
        )}
        {state.tab === 'preview' && (
          <PreviewPanel
            detection={state.detection}
            applied={state.applied}
            stale={state.stale}
            consent={state.consent}
            canApply={canApply(state)}
            onConsent={pane.setConsent}
            onApply={pane.apply}
            onRefresh={pane.detect}
          />
        )}
        {state.tab === 'settings' && (
          <SettingsPanel draft={state.draft} errors={state.draftErrors} disabled={busy} onDraft={pane.setDraft} onSave={pane.saveSettings} />
        )}
        {state.tab === 'issues' && (
          <IssueList report={state.detection?.report ?? null} sheet={state.detection?.sheet ?? null} filter={state.ruleFilter} stale={state.stale} onRefresh={pane.detect} onFilter={pane.setFilter} onSelect={pane.select} />
        )}
      </div>
    </>
  );
}
