/**
 * 绩效指标 · 设置: how scores are computed (DOMAIN.md §3) — the 预算执行率 weight (10, or 20 as in Hubei), its rule
 * (linear or the Jiangxi tiers), and the lower-is-better variant. Saved in the workbook with the other settings,
 * so a reviewer sees the same rules; the built sheet's formulas follow after the next 写入.
 */
import { Button, Caption1, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { FormEvent } from 'react';
import type { ScoringSettings } from '../../../core';
import { EXECUTION_RULE_LABEL, EXECUTION_WEIGHTS, LOWER_IS_BETTER_LABEL } from '../labels';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '360px' },
});

export interface ScoringPanelProps {
  scoring: ScoringSettings;
  disabled: boolean;
  onChange(s: Partial<ScoringSettings>): void;
  onSave(): void;
}

export function ScoringPanel({ scoring, disabled, onChange, onSave }: ScoringPanelProps) {
  const styles = useStyles();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave();
  };
  return (
    <form className={styles.form} onSubmit={submit} data-testid="scoring-form" noValidate>
      <Field label="预算执行率分值" hint="多数地区 10 分，湖北等地 20 分。">
        <RadioGroup layout="horizontal" value={String(scoring.executionWeight)} data-testid="scoring-weight" onChange={(_, d) => onChange({ executionWeight: Number(d.value) })}>
          {EXECUTION_WEIGHTS.map((w) => (
            <Radio key={w} value={String(w)} label={`${w} 分`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="预算执行率计分规则">
        <RadioGroup value={scoring.executionRule} data-testid="scoring-rule" onChange={(_, d) => onChange({ executionRule: d.value as ScoringSettings['executionRule'] })}>
          {(Object.keys(EXECUTION_RULE_LABEL) as ScoringSettings['executionRule'][]).map((r) => (
            <Radio key={r} value={r} label={EXECUTION_RULE_LABEL[r]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="反向指标（越低越好）计分" hint="如“有效投诉数量 不超 10 次”：未超过目标值得满分。">
        <RadioGroup value={scoring.lowerIsBetter} data-testid="scoring-lower" onChange={(_, d) => onChange({ lowerIsBetter: d.value as ScoringSettings['lowerIsBetter'] })}>
          {(Object.keys(LOWER_IS_BETTER_LABEL) as ScoringSettings['lowerIsBetter'][]).map((r) => (
            <Radio key={r} value={r} label={LOWER_IS_BETTER_LABEL[r]} />
          ))}
        </RadioGroup>
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={disabled} data-testid="save-scoring">
          保存评分设置
        </Button>
      </div>
      <Caption1>设置保存在工作簿中；保存后请重新识别并写入，使表中公式按新规则计算。</Caption1>
    </form>
  );
}
