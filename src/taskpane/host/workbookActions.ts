/**
 * The pane's actions over any workbook front end (the port, WorkbookFrontEnd.ts): each part's actions (budget/,
 * indicators/, year/) share one undo record, so 撤销上次写入 takes back the last write whichever part made it. The
 * undo comes from our own record of the cells we changed, so it works whatever Excel's undo stack does.
 */
import { createBudgetActions } from '../budget/actions';
import { createIndicatorActions } from '../indicators/actions';
import type { UndoLedger } from '../shared/undoLedger';
import { createYearActions } from '../year/actions';
import type { PaneActions } from './PaneActions';
import type { AppliedCounts, WorkbookFrontEnd } from './WorkbookFrontEnd';

export function createWorkbookActions<Ctx, Done extends AppliedCounts>(fe: WorkbookFrontEnd<Ctx, Done>): PaneActions {
  const ledger: UndoLedger = { inverses: null, kind: null };
  return {
    ...createBudgetActions(fe, ledger),
    ...createIndicatorActions(fe, ledger),
    ...createYearActions(fe, ledger),
    lastWrite: () => (ledger.inverses ? ledger.kind : null),
    ...(fe.watchCellEditWait ? { watchCellEditWait: (onWait: (waiting: boolean) => void) => fe.watchCellEditWait?.(onWait) ?? (() => undefined) } : {}),
    watchEdits: (onEdit) => {
      let stop: (() => Promise<void>) | null = null;
      let stopped = false;
      // Watching is a help, not a duty: a host that refuses (an old Excel) leaves the pane as it was.
      fe.watchEdits?.(onEdit).then(
        (s) => (stopped ? void s().catch(() => undefined) : (stop = s)),
        () => undefined,
      );
      return () => {
        stopped = true;
        void stop?.().catch(() => undefined);
      };
    },
  };
}
