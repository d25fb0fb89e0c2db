/**
 * 绩效指标 · 问题清单: indicators short of target, over 150 % (the target was set too low), unparsed, and the other
 * notices (bands to choose, weights). Each row is a native <button> that selects its cell in the built sheet; before
 * 写入 that sheet does not exist, so its rows are shown but not clickable.
 */
import { Badge, Body1, Caption1, Field, Select, mergeClasses } from '@fluentui/react-components';
import { useIssueListStyles } from '../../shared/components/issueListStyles';
import type { IndicatorReport } from '../../../core/indicators';
import { indicatorIssueCounts, indicatorIssueItems, type IndicatorIssueItem } from '../issues';
import { FILTER_LABEL, type IndicatorIssueFilter } from '../labels';


const BADGE = { red: 'danger', orange: 'warning', grey: 'subtle', info: 'informative' } as const;

export interface IndicatorIssueListProps {
  report: IndicatorReport | null;
  filter: IndicatorIssueFilter;
  sheetBuilt: boolean;
  onFilter(f: IndicatorIssueFilter): void;
  onSelect(sheet: string, cell: string): void;
}

function IssueRow({ it, clickable, onSelect }: { it: IndicatorIssueItem; clickable: boolean; onSelect(sheet: string, cell: string): void }) {
  const styles = useIssueListStyles();
  return (
    <button
      type="button"
      className={mergeClasses(styles.row, styles.focus)}
      disabled={!clickable}
      data-testid="ind-issue-row"
      data-cell={it.cell}
      data-sheet={it.sheet}
      data-rule={it.rule}
      aria-label={`${it.name}，${it.label}${it.detail ? `，${it.detail}` : ''}，定位到 ${it.sheet} ${it.cell}`}
      onClick={() => onSelect(it.sheet, it.cell)}
    >
      <span className={styles.line}>
        <span className={styles.name}>{it.name}</span>
        <Badge appearance="tint" color={BADGE[it.level]}>
          {it.label}
        </Badge>
      </span>
      <span className={styles.line}>
        <Caption1>{it.detail}</Caption1>
        <Caption1>{it.cell}</Caption1>
      </span>
      <span className={styles.message}>{it.message}</span>
    </button>
  );
}

export function IndicatorIssueList({ report, filter, sheetBuilt, onFilter, onSelect }: IndicatorIssueListProps) {
  const styles = useIssueListStyles();
  if (!report) return <Body1 data-testid="ind-issues-empty">请先点击“识别指标”。</Body1>;
  const counts = indicatorIssueCounts(report);
  const items = indicatorIssueItems(report, filter);
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
        <ul className={styles.list} aria-label="问题清单" data-testid="ind-issue-list">
          {items.map((it) => (
            <li key={it.key}>
              <IssueRow it={it} clickable={sheetBuilt || !it.inBuiltSheet} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
