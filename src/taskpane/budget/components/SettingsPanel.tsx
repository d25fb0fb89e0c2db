/**
 * 设置 tab. Saved in the workbook (a custom XML part, via actions.saveSettings), so a reviewer
 * who opens the file later sees the same thresholds. A form, so Enter in a field saves.
 */
import { Button, Caption1, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { FormEvent } from 'react';
import { SCHEME_IDS, SCHEMES, type SchemeId } from '../../../core';
import type { DraftErrors, SettingsDraft } from '../settingsForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '320px' },
});

export interface SettingsPanelProps {
  draft: SettingsDraft;
  errors: DraftErrors;
  disabled: boolean;
  onDraft(d: Partial<SettingsDraft>): void;
  onSave(): void;
}

/** Where the chosen scheme comes from, as the hint under the choice. */
function schemeHint(scheme: 'auto' | SchemeId): string {
  if (scheme === 'auto') return '按识别出的自评表类型选择方案；不是自评表的工作表按“评分”设置计分。';
  return `来源：${SCHEMES[scheme].source}`;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function SettingsPanel({ draft, errors, disabled, onDraft, onSave }: SettingsPanelProps) {
  const styles = useStyles();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave();
  };
  return (
    <form className={styles.form} onSubmit={submit} data-testid="settings-form" noValidate>
      <Field
        label="执行率阈值（%）"
        hint="执行率低于此值的项目标为“执行率偏低”（年末口径）。"
        validationMessage={errors.execution}
        validationState={errors.execution ? 'error' : 'none'}
      >
        <Input
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step={1}
          value={draft.execution}
          contentAfter="%"
          data-testid="threshold-execution"
          onChange={(_, d) => onDraft({ execution: d.value })}
        />
      </Field>
      <Field
        label="调整率阈值（%）"
        hint="预算调整率绝对值超过此值的项目标为“预算调整幅度大”。"
        validationMessage={errors.adjustment}
        validationState={errors.adjustment ? 'error' : 'none'}
      >
        <Input
          type="number"
          inputMode="decimal"
          min={0}
          step={1}
          value={draft.adjustment}
          contentAfter="%"
          data-testid="threshold-adjustment"
          onChange={(_, d) => onDraft({ adjustment: d.value })}
        />
      </Field>
      <Field
        label="截至月份（序时进度）"
        hint="选择月份后按序时进度（月份/12）检查执行进度；年末则按执行率阈值检查。"
        validationMessage={errors.month}
        validationState={errors.month ? 'error' : 'none'}
      >
        <Select value={draft.month} data-testid="as-of-month" onChange={(_, d) => onDraft({ month: d.value })}>
          <option value="">年末（全年）</option>
          {MONTHS.map((m) => (
            <option key={m} value={String(m)}>
              {m} 月
            </option>
          ))}
        </Select>
      </Field>
      <Field label="评分方案（自评表）" hint={schemeHint(draft.scheme)}>
        <Select value={draft.scheme} data-testid="scheme-select" onChange={(_, d) => onDraft({ scheme: d.value as 'auto' | SchemeId })}>
          <option value="auto">自动：项目自评表按财预〔2020〕10号，部门自评表按部门方案</option>
          {SCHEME_IDS.map((id) => (
            <option key={id} value={id}>
              {SCHEMES[id].label}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        checked={draft.notes}
        data-testid="notes-toggle"
        onChange={(_, d) => onDraft({ notes: d.checked === true })}
        label="在问题单元格添加注释（说明偏低的原因时用；旧版 Excel 不能添加）"
      />
      <div>
        <Button type="submit" appearance="primary" disabled={disabled} data-testid="save-settings">
          保存设置
        </Button>
      </div>
      <Caption1>设置保存在工作簿中；保存后会按新规则重新识别。</Caption1>
    </form>
  );
}
