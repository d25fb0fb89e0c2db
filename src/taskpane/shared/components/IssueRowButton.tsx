/**
 * One row of a 问题清单 (budget and indicators alike): a native <button> that selects the flagged cell, so Tab reaches
 * it and Enter/Space activate it without custom key handling. The badge has the colours the rule's cells have in the
 * sheet; the second line gives the figure and the cell, the third what to do.
 */
import { Badge, Caption1, mergeClasses } from '@fluentui/react-components';
import { useIssueListStyles } from './issueListStyles';

/** What a row names: the flagged cell, its rule and the badge's words. */
export interface IssueRowItem {
  sheet: string;
  cell: string;
  rule: string;
  name: string;
  label: string;
}

export interface IssueRowButtonProps {
  testId: string;
  item: IssueRowItem;
  badge: { backgroundColor: string; color: string };
  /** The figure shown under the name (执行率, 完成率 …). */
  figure: string;
  message?: string;
  disabled?: boolean;
  onSelect(sheet: string, cell: string): void;
}

export function IssueRowButton(p: IssueRowButtonProps) {
  const styles = useIssueListStyles();
  const { sheet, cell, rule, name, label } = p.item;
  return (
    <button
      type="button"
      className={mergeClasses(styles.row, styles.focus)}
      disabled={p.disabled}
      data-testid={p.testId}
      data-cell={cell}
      data-sheet={sheet}
      data-rule={rule}
      onClick={() => p.onSelect(sheet, cell)}
    >
      <span className={styles.line}>
        <span className={styles.name}>{name}</span>
        <Badge appearance="filled" className={styles.badge} style={p.badge} data-testid="issue-badge">
          {label}
        </Badge>
      </span>
      <span className={styles.line}>
        <Caption1>{p.figure}</Caption1>
        <Caption1>{cell}</Caption1>
      </span>
      {p.message && <span className={styles.message}>{p.message}</span>}
    </button>
  );
}
