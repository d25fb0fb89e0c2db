/**
 * 问题清单: flagged rows, filterable by rule, a page at a time. Each row is a native <button>, so Tab reaches it and
 * Enter/Space activate it (selecting the flagged cell in the sheet) without custom key handling. Each rule's badge
 * has the colours of its fill in the sheet.
 */
import { Body1, Button, Caption1, Field, Select } from '@fluentui/react-components';
import { useMemo } from 'react';
import { FLAG_STYLE } from '../../../core/budget/flags';
import { IssueRowButton } from '../../shared/components/IssueRowButton';
import { useIssueListStyles } from '../../shared/components/issueListStyles';
import { StaleNotice } from '../../shared/components/StaleNotice';
import { PAGE_SIZE, usePaging } from '../../shared/usePaging';
import type { BudgetReport, FlagRule } from '../../../core';
import { issueItems, ruleCounts, type IssueItem } from '../issueItems';

export interface IssueListProps {
  report: BudgetReport | null;
  sheet: string | null;
  filter: FlagRule | 'all';
  /** The sheet changed since 识别: the list may be out of date. */
  stale: boolean;
  onRefresh(): void;
  onFilter(rule: FlagRule | 'all'): void;
  onSelect(sheet: string, cell: string): void;
}

const badgeStyle = (it: IssueItem) => {
  const look = FLAG_STYLE[it.rule === 'behind-schedule' && it.level === 'yellow' ? 'behind-schedule-yellow' : it.rule];
  return { backgroundColor: look.fill, color: look.font };
};

export function IssueList({ report, sheet, filter, stale, onRefresh, onFilter, onSelect }: IssueListProps) {
  const styles = useIssueListStyles();
  const counts = useMemo(() => (report ? ruleCounts(report) : []), [report]);
  const items = useMemo(() => (report ? issueItems(report, filter) : []), [report, filter]);
  const page = usePaging(items, `${filter}|${report?.flags.length}`);
  if (!report) return <Body1 data-testid="issues-empty">请先在“识别”页识别表格。</Body1>;
  if (report.tables.length === 0) return <Body1 data-testid="issues-empty">工作表“{sheet}”中没有找到预算表，因此没有问题清单。</Body1>;
  return (
    <div className={styles.root}>
      {stale && <StaleNotice text={`工作表“${sheet}”在识别后有改动，问题清单可能已不是最新。`} action="重新识别" onRefresh={onRefresh} />}
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
        <Body1 data-testid="issues-none">{report.flags.length === 0 ? '没有需要说明的问题。' : '此规则下没有问题。'}</Body1>
      ) : (
        <>
          {items.length > PAGE_SIZE && (
            <Caption1 data-testid="issues-shown">
              显示 {page.shown.length} / {items.length} 条
            </Caption1>
          )}
          <ul className={styles.list} aria-label="问题清单" data-testid="issue-list">
            {page.shown.map((it) => (
              <li key={it.key}>
                <IssueRowButton testId="issue-row" item={it} badge={badgeStyle(it)} figure={it.rateText} message={it.detail} onSelect={onSelect} />
              </li>
            ))}
          </ul>
          {page.more > 0 && (
            <Button className={styles.more} onClick={page.showMore} data-testid="issues-more">
              再显示 {Math.min(PAGE_SIZE, page.more)} 条（还有 {page.more} 条）
            </Button>
          )}
        </>
      )}
    </div>
  );
}
