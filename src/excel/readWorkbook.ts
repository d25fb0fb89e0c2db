/**
 * Every sheet of the workbook as engine snapshots, for the engines that look at the whole workbook (indicators:
 * the 预算执行率 link to the budget sheet; next year's template; the monitor). One request for the sheet names,
 * then readSheets.ts reads all used ranges together: one more request for a workbook of normal sheets (two when
 * it has rules or notes), whatever the number of sheets or rows.
 */
import { DEFAULT_BLOCK_ROWS, DEFAULT_BUDGET_BYTES } from './payload';
import { readTargets, type ExcelSnapshot } from './readSheets';
import { isExcelApiSupported, type ApiCheck } from './requirements';

export interface ReadWorkbookOptions {
  blockRows?: number;
  /**
   * Rows of each sheet loaded speculatively with the first request (default 15,000, as readSnapshot). Sheets shorter
   * than that cost only their rows, so a workbook of budget tables is read in that one request; when several long
   * sheets together pass the 5 MB response cap, the request fails as a whole (a read changes nothing) and the
   * sheets are read again in sized requests.
   */
  firstSyncRows?: number;
  budgetBytes?: number;
  isSupported?: ApiCheck;
}

export interface WorkbookSnapshot {
  /** In workbook order. */
  sheets: ExcelSnapshot[];
  /** The active sheet's name (so a plan can be previewed against what the user looks at). */
  active: string;
  /** Warnings about this host, once (not once per sheet). */
  warnings: string[];
  syncs: number;
}

export async function readWorkbookSnapshots(context: Excel.RequestContext, options: ReadWorkbookOptions = {}): Promise<WorkbookSnapshot> {
  const counter = { syncs: 0 };
  const worksheets = context.workbook.worksheets.load('items/name');
  const active = context.workbook.worksheets.getActiveWorksheet().load('name');
  await context.sync();
  counter.syncs++;
  const names = worksheets.items.map((s) => s.name);
  const blockRows = options.blockRows ?? DEFAULT_BLOCK_ROWS;
  const sheets = await readTargets(
    context,
    // Fresh proxies for each attempt: a failed request leaves its objects unusable.
    () =>
      names.map((name) => {
        const sheet = context.workbook.worksheets.getItem(name);
        return { sheet, area: sheet.getUsedRange(true) };
      }),
    {
      blockRows,
      firstRows: Math.ceil((options.firstSyncRows ?? 3 * blockRows) / blockRows) * blockRows,
      budgetBytes: options.budgetBytes ?? DEFAULT_BUDGET_BYTES,
      supported: options.isSupported ?? isExcelApiSupported,
    },
    counter,
  );
  for (const s of sheets) s.syncs = counter.syncs;
  // Host warnings once for the workbook; what concerns one sheet (a part Excel could not give) stays with it.
  return { sheets, active: active.name, warnings: [...new Set(sheets.flatMap((s) => s.warnings))], syncs: counter.syncs };
}
