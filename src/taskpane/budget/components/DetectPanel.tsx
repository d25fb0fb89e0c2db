/** 识别 tab: the tables found on the sheet, each editable (mapping, total-or-change). */
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { tableKey, type AdjustedMeans } from '../../../core';
import type { Detection, MappableRole } from '../types';
import { TableSummary } from './TableSummary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  stale: { color: tokens.colorPaletteMarigoldForeground1 },
});

export interface DetectPanelProps {
  detection: Detection | null;
  stale: boolean;
  means: 'auto' | AdjustedMeans;
  disabled: boolean;
  onMapping(key: string, role: MappableRole, letter: string | null): void;
  onMeans(means: 'auto' | AdjustedMeans): void;
}

export function DetectPanel({ detection, stale, means, disabled, onMapping, onMeans }: DetectPanelProps) {
  const styles = useStyles();
  if (!detection) return <Body1 data-testid="detect-empty">点击“识别表格”读取当前工作表，查找预算执行表。</Body1>;
  const { report, columnChoices } = detection;
  return (
    <div className={styles.root}>
      <Body1 data-testid="detect-heading">
        工作表“{detection.sheet}”：找到 {report.tables.length} 个表格，{report.flags.length} 个问题。
      </Body1>
      {stale && <Body1 className={styles.stale}>工作表已变化，请重新识别。</Body1>}
      {report.tables.map((t) => {
        const key = tableKey(t.sheet, t.headerRows[0]);
        return (
          <TableSummary key={key} table={t} choices={columnChoices[key] ?? []} means={means} disabled={disabled} onMapping={onMapping} onMeans={onMeans} />
        );
      })}
    </div>
  );
}
