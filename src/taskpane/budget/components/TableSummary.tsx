/** One detected table: where it is, its header rows, the column mapping, total-or-change, row counts, totals check. */
import { Caption1, Field, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { tableKey, type AdjustedMeans, type RowKind, type TableReport } from '../../../core';
import type { ColumnChoice, MappableRole } from '../types';
import { AMOUNT_LABEL, KIND_LABEL, MEANS_LABEL, money } from '../labels';
import { MappingEditor } from './MappingEditor';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  meta: { color: tokens.colorNeutralForeground2 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  mismatch: { color: tokens.colorPaletteRedForeground1, margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface TableSummaryProps {
  table: TableReport;
  choices: ColumnChoice[];
  means: 'auto' | AdjustedMeans;
  disabled: boolean;
  onMapping(key: string, role: MappableRole, letter: string | null): void;
  onMeans(means: 'auto' | AdjustedMeans): void;
}

export function TableSummary({ table, choices, means, disabled, onMapping, onMeans }: TableSummaryProps) {
  const styles = useStyles();
  const key = tableKey(table.sheet, table.headerRows[0]);
  const kinds = (Object.keys(table.counts) as RowKind[]).filter((k) => table.counts[k] > 0);
  const mismatches = table.totalsCheck.filter((c) => !c.ok);
  const headerText = table.headerRows.length > 1 ? `第 ${table.headerRows[0]}–${table.headerRows[table.headerRows.length - 1]} 行` : `第 ${table.headerRows[0]} 行`;
  return (
    <section className={styles.card} data-testid="table-summary" data-table-key={key} aria-label={`表格 ${table.title ?? key}`}>
      <Subtitle2>{table.title ?? `${table.sheet} 的预算表`}</Subtitle2>
      <Caption1 className={styles.meta}>
        工作表“{table.sheet}”，表头 {headerText}，数据至第 {table.lastRow} 行{table.unit ? `，单位：${table.unit}` : ''}
      </Caption1>
      <MappingEditor tableKey={key} columns={table.columns} choices={choices} disabled={disabled} onChange={onMapping} />
      <Field label="“调整”列的含义" hint={`判断依据：${table.adjustedEvidence}`} size="small">
        <RadioGroup
          value={means}
          disabled={disabled}
          data-testid="means-toggle"
          onChange={(_, data) => onMeans(data.value as 'auto' | AdjustedMeans)}
        >
          <Radio value="auto" label={`${MEANS_LABEL.auto}（当前：${MEANS_LABEL[table.adjustedMeans]}）`} />
          <Radio value="total" label={MEANS_LABEL.total} />
          <Radio value="delta" label={MEANS_LABEL.delta} />
        </RadioGroup>
      </Field>
      <ul className={styles.counts} aria-label="行数统计" data-testid="row-counts">
        {kinds.map((k) => (
          <li key={k} data-kind={k}>
            {KIND_LABEL[k]} {table.counts[k]} 行
          </li>
        ))}
      </ul>
      {mismatches.length === 0 ? (
        <Caption1 data-testid="totals-ok">小计 / 合计核对一致（{table.totalsCheck.length} 项）</Caption1>
      ) : (
        <ul className={styles.mismatch} aria-label="小计合计不一致" data-testid="totals-mismatches">
          {mismatches.map((m) => (
            <li key={`${m.cell}`} data-testid="totals-mismatch" data-cell={m.cell}>
              {m.cell} {m.name}（{AMOUNT_LABEL[m.column]}）：填报 {money(m.stated)}，加总 {money(m.computed)}，差额 {money(m.difference)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
