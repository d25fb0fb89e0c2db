/**
 * 问题清单: flagged rows, filterable by rule. Each row is a native <button>, so Tab reaches it and
 * Enter/Space activate it (selecting the flagged cell in the sheet) without custom key handling.
 */
import { Badge, Body1, Caption1, Field, Select, mergeClasses } from '@fluentui/react-components';
import { useIssueListStyles } from '../../shared/components/issueListStyles';
import type { BudgetReport, FlagRule } from '../../../core';
import { issueItems, ruleCounts } from '../issueItems';


export interface IssueListProps {
  report: BudgetReport | null;
  filter: FlagRule | 'all';
  onFilter(rule: FlagRule | 'all'): void;
  onSelect(sheet: string, cell: string): void;
}

export function IssueList({ report, filter, onFilter, onSelect }: IssueListProps) {
  const styles = useIssueListStyles();
  if (!report) return <Body1 data-testid="issues-empty">请先在“识别”页识别表格。</Body1>;
  const counts = ruleCounts(report);
  const items = issueItems(report, filter);
  return (
    <div className={styles.root}>
      <ul className={styles.counts} aria-label="各规则问题数" data-testid="rule-counts">
        {counts.map((c) => (
          <li key={c.rule} data-testid="rule-count" data-rule={c.rule} data-count={c.count}>
            {c.label} {c.count}
          </li>
        ))}
      </ul>
      <Field label="按规则筛选" size="small">
        <Select value={filter} data-testid="rule-filter" onChange={(_, d) => onFilter(d.value as FlagRule | 'all')}>
          <option value="all">全部（{report.flags.length}）</option>
          {counts.map((c) => (
            <option key={c.rule} value={c.rule}>
              {c.label}（{c.count}）
            </option>
          ))}
        </Select>
      </Field>
      {items.length === 0 ? (
        <Body1 data-testid="issues-none">没有需要说明的问题。</Body1>
      ) : (
        <ul className={styles.list} aria-label="问题清单" data-testid="issue-list">
          {items.map((it) => (
            <li key={it.key}>
              <button
                type="button"
                className={mergeClasses(styles.row, styles.focus)}
                data-testid="issue-row"
                data-cell={it.cell}
                data-sheet={it.sheet}
                data-rule={it.rule}
                aria-label={`${it.name}，${it.label}，${it.rateText}，定位到 ${it.cell}`}
                onClick={() => onSelect(it.sheet, it.cell)}
              >
                <span className={styles.line}>
                  <span className={styles.name}>{it.name}</span>
                  <Badge appearance="tint" color={it.level === 'yellow' ? 'warning' : 'danger'}>
                    {it.label}
                  </Badge>
                </span>
                <span className={styles.line}>
                  <Caption1>{it.rateText}</Caption1>
                  <Caption1>{it.cell}</Caption1>
                </span>
                <span className={styles.message}>{it.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
