/**
 * One row of a 问题清单 (budget and indicators alike): a native <button> that selects the flagged cell, so Tab reaches
 * it and Enter/Space activate it without custom key handling. The badge has the colours the rule's cells have in the
 * sheet; the second line gives the figure and the cell, the third what to do.
 */
import { Badge, Caption1, mergeClasses } from '@fluentui/react-components';
import { useIssueListStyles } from './issueListStyles';

export interface IssueRowButtonProps {
  testId: string;
  sheet: string;
  cell: string;
  rule: string;
  name: string;
  label: string;
  badge: { backgroundColor: string; color: string };
  /** The figure shown under the name (执行率, 完成率 …). */
  figure: string;
  message?: string;
  disabled?: boolean;
  onSelect(sheet: string, cell: string): void;
}

export function IssueRowButton(p: IssueRowButtonProps) {
  const styles = useIssueListStyles();
  return (
    <button
      type="button"
      className={mergeClasses(styles.row, styles.focus)}
      disabled={p.disabled}
      data-testid={p.testId}
      data-cell={p.cell}
      data-sheet={p.sheet}
      data-rule={p.rule}
      onClick={() => p.onSelect(p.sheet, p.cell)}
    >
      <span className={styles.line}>
        <span className={styles.name}>{p.name}</span>
        <Badge appearance="filled" className={styles.badge} style={p.badge} data-testid="issue-badge">
          {p.label}
        </Badge>
      </span>
      <span className={styles.line}>
        <Caption1>{p.figure}</Caption1>
        <Caption1>{p.cell}</Caption1>
      </span>
      {p.message && <span className={styles.message}>{p.message}</span>}
    </button>
  );
}
