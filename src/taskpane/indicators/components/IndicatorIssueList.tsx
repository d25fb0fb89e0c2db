/**
 * 绩效指标 · 问题清单: indicators short of target, over 150 % (the target was set too low), unparsed, and the other
 * notices (bands to choose, weights). Each row is a native <button> that selects its cell in the built sheet; before
 * 写入 that sheet does not exist, so its rows are shown but not clickable.
 */
import { Body1, Button, Caption1, Field, Select } from '@fluentui/react-components';
import { useMemo } from 'react';
import { STYLE } from '../../../core/indicators/planSheet';
import { IssueRowButton } from '../../shared/components/IssueRowButton';
import { useIssueListStyles } from '../../shared/components/issueListStyles';
import { PAGE_SIZE, usePaging } from '../../shared/usePaging';
import type { IndicatorReport } from '../../../core/indicators';
import { indicatorIssueCounts, indicatorIssueItems, type IndicatorIssueItem } from '../issues';
import { FILTER_LABEL, type IndicatorIssueFilter } from '../labels';

/** The badge of a rule has the colours its rows have in the built sheet; notices not marked there stay neutral. */
const badgeStyle = (level: IndicatorIssueItem['level']) =>
  level === 'info' ? { backgroundColor: '#EBF3FC', color: '#0E4775' } : { backgroundColor: STYLE[level].fill, color: STYLE[level].font };

export interface IndicatorIssueListProps {
  report: IndicatorReport | null;
  filter: IndicatorIssueFilter;
  sheetBuilt: boolean;
  onFilter(f: IndicatorIssueFilter): void;
  onSelect(sheet: string, cell: string): void;
}

function IssueRow({ it, clickable, onSelect }: { it: IndicatorIssueItem; clickable: boolean; onSelect(sheet: string, cell: string): void }) {
  return (
    <IssueRowButton testId="ind-issue-row" item={it} badge={badgeStyle(it.level)} figure={it.detail} message={it.message} disabled={!clickable} onSelect={onSelect} />
  );
}

export function IndicatorIssueList({ report, filter, sheetBuilt, onFilter, onSelect }: IndicatorIssueListProps) {
  if (!report) return <Body1 data-testid="ind-issues-empty">请先点击“识别指标”。</Body1>;
  return <IssueListOf report={report} filter={filter} sheetBuilt={sheetBuilt} onFilter={onFilter} onSelect={onSelect} />;
}

function IssueListOf({ report, filter, sheetBuilt, onFilter, onSelect }: IndicatorIssueListProps & { report: IndicatorReport }) {
  const styles = useIssueListStyles();
  const counts = useMemo(() => indicatorIssueCounts(report), [report]);
  const items = useMemo(() => indicatorIssueItems(report, filter), [report, filter]);
  const page = usePaging(items, `${filter}|${report.flags.length}`);
  return (
    <div className={styles.root}>
      <ul className={styles.counts} aria-label="各类问题数" data-testid="ind-issue-counts">
        {counts.map((c) => (
          <li key={c.filter} data-testid="ind-issue-count" data-filter={c.filter} data-count={c.count}>
            {FILTER_LABEL[c.filter]} {c.count}
          </li>
        ))}
      </ul>
      <Field label="按类型筛选" size="small">
        <Select value={filter} data-testid="ind-issue-filter" onChange={(_, d) => onFilter(d.value as IndicatorIssueFilter)}>
          <option value="all">全部（{report.flags.length}）</option>
          {counts.map((c) => (
            <option key={c.filter} value={c.filter}>
              {FILTER_LABEL[c.filter]}（{c.count}）
            </option>
          ))}
        </Select>
      </Field>
      {!sheetBuilt && <Caption1 data-testid="ind-issues-not-built">写入后可点击问题，定位到“{report.sheet}”中的单元格。</Caption1>}
      {items.length === 0 ? (
        <Body1 data-testid="ind-issues-none">没有需要说明的问题。</Body1>
      ) : (
        <>
          {items.length > PAGE_SIZE && <Caption1>显示 {page.shown.length} / {items.length} 条</Caption1>}
          <ul className={styles.list} aria-label="问题清单" data-testid="ind-issue-list">
            {page.shown.map((it) => (
              <li key={it.key}>
                <IssueRow it={it} clickable={sheetBuilt || !it.inBuiltSheet} onSelect={onSelect} />
              </li>
            ))}
          </ul>
          {page.more > 0 && (
            <Button className={styles.more} onClick={page.showMore}>
              再显示 {Math.min(PAGE_SIZE, page.more)} 条（还有 {page.more} 条）
            </Button>
          )}
        </>
      )}
    </div>
  );
}
