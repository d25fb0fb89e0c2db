/**
 * The pane's actions inside Excel: the generic action layer (workbookActions.ts: one Excel.run per user
 * action, undo from our own inverse plans) over the Office.js front end (excelFrontEnd.ts → src/excel).
 */
import type { PaneActions } from './PaneActions';
import { excelFrontEnd } from './excelFrontEnd';
import { createWorkbookActions } from './workbookActions';

export { createWorkbookActions };

export function createExcelActions(): PaneActions {
  return createWorkbookActions(excelFrontEnd);
}
