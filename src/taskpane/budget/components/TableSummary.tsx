/** One detected table: where it is, its header rows, the column mapping (and what is wrong with it), how the
 * 预算调整数 column was read and why, row counts, totals check. */
import { Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { tableKey, type RowKind, type TableReport } from '../../../core';
import type { ColumnChoice, MappableRole } from '../types';
import { AMOUNT_LABEL, KIND_LABEL, money } from '../labels';
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
  title: { margin: 0 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  mismatch: { color: tokens.colorPaletteRedForeground1, margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface TableSummaryProps {
  table: TableReport;
  /** The heading that tells this table from the others on the sheet. */
  title: string;
  /** What is wrong with the column mapping (写入 waits until it is fixed). */
  problems: string[];
  choices: ColumnChoice[];
  disabled: boolean;
  onMapping(key: string, role: MappableRole, letter: string | null): void;
}

export function TableSummary({ table, title, problems, choices, disabled, onMapping }: TableSummaryProps) {
  const styles = useStyles();
  const key = tableKey(table.sheet, table.headerRows[0]);
  const kinds = (Object.keys(table.counts) as RowKind[]).filter((k) => table.counts[k] > 0);
  const mismatches = table.totalsCheck.filter((c) => !c.ok);
  const headerText = table.headerRows.length > 1 ? `第 ${table.headerRows[0]}–${table.headerRows[table.headerRows.length - 1]} 行` : `第 ${table.headerRows[0]} 行`;
  return (
    <section className={styles.card} data-testid="table-summary" data-table-key={key} aria-label={`表格：${title}`}>
      <Subtitle2 as="h3" className={styles.title} data-testid="table-title">
        {title}
      </Subtitle2>
      <Caption1 className={styles.meta}>
        工作表“{table.sheet}”，表头 {headerText}，数据至第 {table.lastRow} 行{table.unit ? `，单位：${table.unit}` : ''}
      </Caption1>
      <MappingEditor tableKey={key} columns={table.columns} choices={choices} disabled={disabled} onChange={onMapping} />
      {problems.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="mapping-problems">
          <MessageBarBody>
            <ul className={styles.problems}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1 className={styles.meta} data-testid="means-evidence">
        “预算调整数”列：{table.adjustedEvidence.split(' / ')[0]}
      </Caption1>
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
