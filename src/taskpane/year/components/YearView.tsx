/**
 * 年度工具: 下一年度 (this year's budget and indicator sheets copied for next year, amounts emptied, formulas kept)
 * and 运行监控 (the mid-year monitoring sheet 绩效运行监控). Each writes in one Excel run and can be undone.
 */
import { Button, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { ProgressLine } from '../../shared/components/ProgressLine';
import { useFocusAfterAction } from '../../shared/useFocusAfterAction';
import type { YearTools } from '../useYearTools';
import type { YearTool } from '../state';
import { YEAR_BUSY_LABEL } from '../labels';
import type { PaneMode } from '../../shared/labels';
import { StatusBar } from '../../shared/components/StatusBar';
import { UndoElsewhere } from '../../shared/components/UndoElsewhere';
import { NextYearPanel } from './NextYearPanel';
import { MonitorPanel } from './MonitorPanel';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  panel: { paddingTop: tokens.spacingVerticalS },
});

const TOOL_LABEL: Record<YearTool, string> = { 'next-year': '下一年度', monitor: '运行监控' };

export interface YearViewProps {
  tools: YearTools;
  writtenElsewhere: PaneMode | null;
  /** The last write (the one undo would take back) was made in this part. */
  undoHere: boolean;
}

export function YearView({ tools, writtenElsewhere, undoHere }: YearViewProps) {
  const styles = useStyles();
  const { state } = tools;
  const busy = state.busy !== null;
  const focus = useFocusAfterAction(state.busy);
  return (
    <>
      <div className={styles.toolbar} role="toolbar" aria-label="年度工具操作">
        <Button disabled={busy || !state.canUndo || !undoHere} onClick={tools.undo} data-testid="year-undo-button" ref={focus.fallbackRef}>
          撤销上次写入
        </Button>
        {state.busy && <ProgressLine label={YEAR_BUSY_LABEL[state.busy]} progress={state.progress} testId="year-busy" />}
      </div>
      <UndoElsewhere mode={writtenElsewhere} />
      <StatusBar status={state.status} onDismiss={focus.afterDismiss(tools.dismiss)} focusRef={focus.statusRef} />
      <TabList size="small" selectedValue={state.tool} onTabSelect={(_, d) => tools.setTool(d.value as YearTool)} data-testid="year-tabs">
        {(Object.keys(TOOL_LABEL) as YearTool[]).map((t) => (
          <Tab key={t} value={t} data-testid={`year-tab-${t}`}>
            {TOOL_LABEL[t]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" tabIndex={-1} ref={focus.panelRef} aria-label={TOOL_LABEL[state.tool]} data-testid={`year-panel-${state.tool}`}>
        {state.tool === 'next-year' ? (
          <NextYearPanel
            state={state}
            disabled={busy}
            onYear={tools.setYear}
            onCarry={tools.setCarry}
            onPreview={tools.previewNextYear}
            onCreate={tools.createNextYear}
          />
        ) : (
          <MonitorPanel state={state} disabled={busy} onMonth={tools.setMonth} onBuild={tools.buildMonitor} />
        )}
      </div>
    </>
  );
}
