/**
 * The one way the pane talks to Excel: `Excel.run({ delayForCellEdit: true }, …)` — a batch waits while
 * the user is typing in a cell instead of failing, and the pane hears that it waits (cellEditWait.ts) — with every
 * failure turned into a UserFacingError that the pane shows (nothing is only logged to the console).
 */
import { watchSyncs } from './cellEditWait';
import { toUserFacingError, UserFacingError } from './errors';

export type ExcelAction<T> = (context: Excel.RequestContext) => Promise<T>;

export async function runExcel<T>(action: ExcelAction<T>): Promise<T> {
  // Read the global at call time: the browser preview and the tests install a simulated Excel.
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== 'function')
    throw new UserFacingError('not-in-excel', '没有连接到 Excel。', '请在 Excel 中通过“开始 → 加载项”打开预算执行助手。');
  try {
    return await excel.run({ delayForCellEdit: true }, (context) => {
      watchSyncs(excel, context);
      return action(context);
    });
  } catch (e) {
    throw toUserFacingError(e);
  }
}
