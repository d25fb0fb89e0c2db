/**
 * 下一年度: choose the year (or let the titles say) and whether to carry this year's actuals as a reference
 * column, see which sheets will be added (from → to, rows kept, cells emptied), then create them. Nothing of the
 * input sheets changes; running it again adds nothing (the sheets are there).
 */
import { Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { YearState } from '../state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '320px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  names: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
});

export interface NextYearPanelProps {
  state: YearState;
  disabled: boolean;
  onYear(year: string): void;
  onCarry(value: boolean): void;
  onPreview(): void;
  onCreate(): void;
}

export function NextYearPanel({ state, disabled, onYear, onCarry, onPreview, onCreate }: NextYearPanelProps) {
  const styles = useStyles();
  const preview = state.preview;
  const canCreate = !disabled && preview !== null && preview.toCreate > 0 && state.created === null;
  return (
    <div className={styles.root}>
      <div className={styles.form}>
        <Field label="下一年度" hint="留空则按表格标题中的年份加一。" validationMessage={state.yearError} validationState={state.yearError ? 'error' : 'none'}>
          <Input inputMode="numeric" value={state.year} placeholder="如 2022" data-testid="next-year-year" onChange={(_, d) => onYear(d.value)} />
        </Field>
        <Checkbox
          checked={state.carryActuals}
          data-testid="next-year-carry"
          onChange={(_, d) => onCarry(d.checked === true)}
          label="在预算表旁添加“上年实际支出”参考列"
        />
      </div>
      <div className={styles.actions}>
        <Button disabled={disabled} onClick={onPreview} data-testid="next-year-preview-button">
          预览要添加的工作表
        </Button>
        <Button appearance="primary" disabled={!canCreate} onClick={onCreate} data-testid="next-year-create-button">
          创建
        </Button>
      </div>
      {!preview ? (
        <Body1 data-testid="next-year-empty">先预览：为每张含预算表或绩效指标表的工作表，在其旁边添加下一年度的工作表。</Body1>
      ) : (
        <>
          <Body1 data-testid="next-year-summary">
            {preview.toCreate > 0 ? `将添加 ${preview.toCreate} 张工作表${preview.year ? `（${preview.year} 年）` : ''}：` : '下一年度的工作表都已存在，不会重复添加。'}
          </Body1>
          <ul className={styles.list} aria-label="要添加的工作表" data-testid="next-year-sheets">
            {preview.report.sheets.map((s) => (
              <li key={s.to} className={styles.item} data-testid="next-year-sheet" data-from={s.from} data-to={s.to} data-existing={s.existing === true}>
                <span className={styles.names}>
                  {s.from} → {s.to}
                </span>
                <Caption1 className={styles.meta}>
                  {s.existing
                    ? '已存在，跳过'
                    : `${s.tables} 个表，保留 ${s.rowsKept} 行，清空 ${s.cellsCleared} 个单元格${s.sums > 0 ? `，${s.sums} 个合计改为求和公式` : ''}${s.notes.length > 0 ? `，${s.notes.length} 条提示备注` : ''}`}
                </Caption1>
              </li>
            ))}
          </ul>
          {preview.report.skipped.length > 0 && (
            <ul className={styles.list} aria-label="跳过的工作表">
              {preview.report.skipped.map((k) => (
                <li key={k.sheet}>
                  <Caption1 className={styles.meta}>{k.message}</Caption1>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <Caption1>原工作表保持不变；创建后可用“撤销上次写入”删除新添加的工作表。</Caption1>
    </div>
  );
}
