/**
 * The pane's one status line: errors with what to do, and what a write did. Polite live region via MessageBar.
 * It takes focus (tabIndex −1) after a user's action settles, so a keyboard user lands on the result; the
 * dismiss button sits in the corner instead of taking a line of its own at 320 px.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { PaneStatus } from '../status';

const useStyles = makeStyles({
  bar: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' } },
  line: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  hint: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  close: { minWidth: 'auto' },
});

export interface StatusBarProps {
  status: PaneStatus | null;
  onDismiss(): void;
  /** Where the pane moves focus once an action has settled. */
  focusRef?: Ref<HTMLDivElement>;
}

export function StatusBar({ status, onDismiss, focusRef }: StatusBarProps) {
  const styles = useStyles();
  if (!status) return null;
  return (
    <MessageBar ref={focusRef} tabIndex={-1} className={styles.bar} intent={status.intent} layout="multiline" data-testid="status-bar" data-intent={status.intent}>
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
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" className={styles.close} onClick={onDismiss} aria-label="关闭提示" data-testid="status-dismiss">
            ×
          </Button>
        }
      />
    </MessageBar>
  );
}
