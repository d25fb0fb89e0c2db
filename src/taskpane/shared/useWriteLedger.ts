/**
 * Which part of the pane made the last write. The action layer keeps one undo record for all writes (the last
 * one), so 撤销上次写入 is offered only in the part that made it: undoing the indicator sheet from the budget part
 * would surprise. After every write or undo settles — a failure too: a write that got half way is recorded for
 * undo — the record's owner is read back from the actions (PaneActions.lastWrite).
 */
import { useMemo, useState } from 'react';
import type { PaneActions } from '../host/PaneActions';
import type { WriteKind } from './paneTypes';

export function useWriteLedger(actions: PaneActions): { actions: PaneActions; lastWriter: WriteKind | null } {
  const [lastWriter, setLastWriter] = useState<WriteKind | null>(() => actions.lastWrite());
  const wrapped = useMemo<PaneActions>(() => {
    const track = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => (...args: A) => fn(...args).finally(() => setLastWriter(actions.lastWrite()));
    return {
      ...actions,
      apply: track(actions.apply),
      applyIndicators: track(actions.applyIndicators),
      createNextYear: track(actions.createNextYear),
      buildMonitor: track(actions.buildMonitor),
      undo: track(actions.undo),
    };
  }, [actions]);
  return { actions: wrapped, lastWriter };
}
