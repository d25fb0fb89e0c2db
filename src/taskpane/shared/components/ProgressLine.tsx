/** A long action's step and, when it can count, a bar (rows written of all): painted while the action runs. */
import { Caption1, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Progress } from '../progress';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, width: '100%' },
});

export function ProgressLine({ label, progress, testId = 'busy' }: { label: string; progress: Progress | null; testId?: string }) {
  const styles = useStyles();
  if (!progress) return <Spinner size="tiny" label={label} data-testid={testId} />;
  const counted = progress.total !== undefined && progress.total > 0;
  const text = counted ? `${progress.step} ${progress.done ?? 0} / ${progress.total} 行` : progress.step;
  return (
    <div className={styles.root} data-testid={testId} role="status">
      <Caption1 data-testid="progress-step">{text}</Caption1>
      <ProgressBar
        thickness="medium"
        value={counted ? (progress.done ?? 0) / (progress.total as number) : undefined}
        aria-label={text}
        data-testid="progress-bar"
      />
    </div>
  );
}
