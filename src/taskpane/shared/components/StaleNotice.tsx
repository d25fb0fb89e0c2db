/**
 * "The sheet changed since it was read": a warning (MessageBar colours, contrast ≥ 4.5:1) with one button that
 * reads it again. Shown wherever the pane would otherwise show numbers that may no longer be true.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';

export interface StaleNoticeProps {
  text: string;
  action: string;
  disabled?: boolean;
  onRefresh(): void;
}

export function StaleNotice({ text, action, disabled, onRefresh }: StaleNoticeProps) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="stale-notice">
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" disabled={disabled} onClick={onRefresh} data-testid="stale-refresh">
          {action}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
