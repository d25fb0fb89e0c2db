/** The pane's one status line: errors with what to do, and what a write did. Polite live region via MessageBar. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneStatus } from '../status';

const useStyles = makeStyles({
  line: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  hint: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
});

export interface StatusBarProps {
  status: PaneStatus | null;
  onDismiss(): void;
}

export function StatusBar({ status, onDismiss }: StatusBarProps) {
  const styles = useStyles();
  if (!status) return null;
  return (
    <MessageBar intent={status.intent} layout="multiline" data-testid="status-bar" data-intent={status.intent}>
      <MessageBarBody>
        <MessageBarTitle>{status.title}</MessageBarTitle>
        {status.lines.map((line) => (
          <span key={line} className={styles.line} data-testid="status-line">
            {line}
          </span>
        ))}
        {status.hint && (
          <span className={styles.hint} data-testid="status-hint">
            建议：{status.hint}
          </span>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="transparent" size="small" onClick={onDismiss} aria-label="关闭提示" data-testid="status-dismiss">
          关闭
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
