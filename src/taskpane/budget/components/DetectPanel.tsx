/**
 * 识别 tab: the tables found on the sheet, each with its column mapping; 调整列含义 once for the sheet (it is one
 * setting), chosen with the radio group and applied with its button, so arrow keys only move the choice.
 */
import { Body1, Button, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { tableKey, type AdjustedMeans } from '../../../core';
import { StaleNotice } from '../../shared/components/StaleNotice';
import { MEANS_LABEL } from '../labels';
import type { Detection, MappableRole } from '../types';
import { FormSummary } from './FormSummary';
import { TableSummary } from './TableSummary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  means: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
});

type Means = 'auto' | AdjustedMeans;

export interface DetectPanelProps {
  detection: Detection | null;
  stale: boolean;
  /** The choice in the radio group, and the one saved (what the tables were read with). */
  means: Means;
  savedMeans: Means;
  disabled: boolean;
  onMapping(key: string, role: MappableRole, letter: string | null): void;
  onMeans(means: Means): void;
  onApplyMeans(): void;
  onRefresh(): void;
}

export function DetectPanel({ detection, stale, means, savedMeans, disabled, onMapping, onMeans, onApplyMeans, onRefresh }: DetectPanelProps) {
  const styles = useStyles();
  if (!detection) return <Body1 data-testid="detect-empty">点击“识别表格”读取当前工作表，查找预算执行表。</Body1>;
  const { report, columnChoices } = detection;
  if (report.tables.length === 0)
    return (
      <Body1 data-testid="detect-heading">
        没有可显示的表格（原因见上方提示）。
      </Body1>
    );
  return (
    <div className={styles.root}>
      <Body1 data-testid="detect-heading">
        {report.forms?.length
          ? `工作表“${detection.sheet}”是一张自评表，${report.flags.length} 个问题。写入时在原表中填写执行率、得分和总分，不增加列。`
          : `工作表“${detection.sheet}”：找到 ${report.tables.length} 个表格，${report.flags.length} 个问题。`}
      </Body1>
      {(report.forms ?? []).map((f) => (
        <FormSummary key={f.sheet} form={f} />
      ))}
      {stale && <StaleNotice text={`工作表“${detection.sheet}”在识别后有改动，下面的内容可能已不是最新。`} action="重新识别" disabled={disabled} onRefresh={onRefresh} />}
      <div className={styles.means}>
        <Field label="“预算调整数”列的含义（本工作表各表格）" size="small">
          <RadioGroup value={means} disabled={disabled} data-testid="means-toggle" onChange={(_, data) => onMeans(data.value as Means)}>
            <Radio value="auto" label={MEANS_LABEL.auto} />
            <Radio value="total" label={MEANS_LABEL.total} />
            <Radio value="delta" label={MEANS_LABEL.delta} />
          </RadioGroup>
        </Field>
        <Button size="small" disabled={disabled || means === savedMeans} onClick={onApplyMeans} data-testid="means-apply">
          按此含义重新识别
        </Button>
      </div>
      {report.tables.map((t) => {
        const key = tableKey(t.sheet, t.headerRows[0]);
        return (
          <TableSummary
            key={key}
            table={t}
            title={detection.titles[key] ?? t.title ?? t.sheet}
            problems={detection.mappingProblems[key] ?? []}
            choices={columnChoices[key] ?? []}
            disabled={disabled}
            onMapping={onMapping}
          />
        );
      })}
    </div>
  );
}
