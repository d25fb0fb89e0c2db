/**
 * Selecting a flagged cell from the pane's issue list: activate its sheet and select it, one sync.
 * Worksheet.activate and Range.select are ExcelApi 1.1.
 */
import { runExcel } from './runExcel';

export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}

/** The same in its own Excel.run, with errors as UserFacingError — what the pane calls. */
export function selectCellInExcel(sheet: string, address: string): Promise<void> {
  return runExcel((context) => selectCell(context, sheet, address));
}
