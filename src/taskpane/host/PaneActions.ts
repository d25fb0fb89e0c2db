/**
 * Everything the pane's React tree can ask of its host: one object, one undo record shared by every kind of
 * write. createWorkbookActions (workbookActions.ts) builds it over any WorkbookFrontEnd (the port): Office.js
 * (excelFrontEnd.ts), the browser preview's simulated workbook, tests' in-memory books.
 */
import type { BudgetActions } from '../budget/types';
import type { IndicatorActions } from '../indicators/types';
import type { WriteKind } from '../shared/paneTypes';
import type { YearActions } from '../year/types';
import type { SheetEdit } from './WorkbookFrontEnd';

/** Everything the pane can ask: one object, one undo record shared by every kind of write. */
export type PaneActions = BudgetActions &
  IndicatorActions &
  YearActions & {
    /** Which part made the write 撤销上次写入 would take back (a failed write that got half way counts), or null. */
    lastWrite(): WriteKind | null;
    /**
     * Calls `onEdit` whenever the user (not this add-in) edits a sheet; returns a function that stops. Hosts that
     * cannot watch leave it out.
     */
    watchEdits?(onEdit: (edit: SheetEdit) => void): () => void;
    /** Hears whether an action waits for a cell edit to end (WorkbookFrontEnd.watchCellEditWait); returns a stop. */
    watchCellEditWait?(onWait: (waiting: boolean) => void): () => void;
  };

