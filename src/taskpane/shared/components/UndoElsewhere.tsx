/** Says where the last write can be undone when it was made in another part of the pane (one undo record for all). */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { MODE_LABEL, type PaneMode } from '../labels';

const useStyles = makeStyles({ hint: { color: tokens.colorNeutralForeground3 } });

export function UndoElsewhere({ mode }: { mode: PaneMode | null }) {
  const styles = useStyles();
  if (!mode) return null;
  return (
    <Caption1 className={styles.hint} data-testid="undo-elsewhere">
      上次写入在“{MODE_LABEL[mode]}”中，如需撤销请切换到该页。
    </Caption1>
  );
}
