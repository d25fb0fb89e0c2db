/**
 * The 绩效指标 part: 识别 (the indicator tables found and their count) → 预览 (the sheet 绩效指标完成情况 to build or
 * refresh) → 写入 → 问题清单 (short / over 150 % / unparsed, each selecting its cell in the built sheet), the
 * total 自评得分 and 等级 always in view, and the scoring settings. Actions come through the hook only.
 */
import { Button, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { ProgressLine } from '../../shared/components/ProgressLine';
import { useFocusAfterAction } from '../../shared/useFocusAfterAction';
import { canApplyIndicators, type IndicatorTab } from '../state';
import type { IndicatorPane } from '../useIndicatorPane';
import { INDICATOR_BUSY_LABEL } from '../labels';
import type { PaneMode } from '../../shared/labels';
import { TAB_LABEL } from '../../shared/labels';
import { StatusBar } from '../../shared/components/StatusBar';
import { UndoElsewhere } from '../../shared/components/UndoElsewhere';
import { ScoreSummary } from './ScoreSummary';
import { IndicatorDetectPanel } from './IndicatorDetectPanel';
import { IndicatorPreviewPanel } from './IndicatorPreviewPanel';
import { IndicatorIssueList } from './IndicatorIssueList';
import { ScoringPanel } from './ScoringPanel';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  panel: { paddingTop: tokens.spacingVerticalS },
  tabs: { flexWrap: 'wrap' },
});

const TABS: IndicatorTab[] = ['detect', 'preview', 'settings', 'issues'];
/** The re-read after an edit in the sheet: never moves focus. */
const QUIET = ['refresh'] as const;

export interface IndicatorViewProps {
  pane: IndicatorPane;
  writtenElsewhere: PaneMode | null;
  /** The last write (the one undo would take back) was made in this part. */
  undoHere: boolean;
}

export function IndicatorView({ pane, writtenElsewhere, undoHere }: IndicatorViewProps) {
  const styles = useStyles();
  const { state } = pane;
  const busy = state.busy !== null;
  const report = state.detection?.report ?? null;
  const flags = report?.flags.length ?? 0;
  const focus = useFocusAfterAction(state.busy, QUIET);
  return (
    <>
      <div className={styles.toolbar} role="toolbar" aria-label="绩效指标操作">
        <Button appearance="primary" disabled={busy} onClick={pane.detect} data-testid="ind-detect-button" ref={focus.fallbackRef}>
          识别指标
        </Button>
        <Button disabled={busy || !state.canUndo || !undoHere} onClick={pane.undo} data-testid="ind-undo-button">
          撤销上次写入
        </Button>
        {state.busy && <ProgressLine label={INDICATOR_BUSY_LABEL[state.busy]} progress={state.progress} testId="ind-busy" />}
      </div>
      <UndoElsewhere mode={writtenElsewhere} />
      <StatusBar status={state.status} onDismiss={focus.afterDismiss(pane.dismiss)} focusRef={focus.statusRef} />
      {report && <ScoreSummary total={report.total} sheet={report.sheet} written={state.sheetBuilt} stale={state.stale} />}
      <TabList className={styles.tabs} size="small" selectedValue={state.tab} onTabSelect={(_, d) => pane.setTab(d.value as IndicatorTab)} data-testid="ind-tabs">
        {TABS.map((t) => (
          <Tab key={t} value={t} data-testid={`ind-tab-${t}`}>
            {t === 'issues' && flags > 0 ? `${TAB_LABEL[t]}（${flags}）` : TAB_LABEL[t]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" tabIndex={-1} ref={focus.panelRef} aria-label={TAB_LABEL[state.tab]} data-testid={`ind-panel-${state.tab}`}>
        {state.tab === 'detect' && <IndicatorDetectPanel detection={state.detection} stale={state.stale} />}
        {state.tab === 'preview' && (
          <IndicatorPreviewPanel
            detection={state.detection}
            applied={state.applied}
            stale={state.stale}
            canApply={canApplyIndicators(state)}
            applying={state.busy === 'apply'}
            onApply={pane.apply}
          />
        )}
        {state.tab === 'settings' && <ScoringPanel scoring={state.scoring} disabled={busy} onChange={pane.setScoring} onSave={pane.saveScoring} />}
        {state.tab === 'issues' && (
          <IndicatorIssueList report={report} filter={state.filter} sheetBuilt={state.sheetBuilt} onFilter={pane.setFilter} onSelect={pane.select} />
        )}
      </div>
    </>
  );
}
