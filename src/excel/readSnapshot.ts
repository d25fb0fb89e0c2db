/**
 * Reads the active sheet (or a named one, or the selection) into the engine's snapshot. Values, formulas and
 * number formats are loaded as row blocks of the first `firstSyncRows` rows, intersected with the used range so
 * a small sheet costs nothing extra; merged areas, the sheet's conditional formats and notes go in the same
 * request. Only a sheet longer than `firstSyncRows` needs more (readSheets.ts: ~4 MB requests, Excel on the web
 * caps a response at 5 MB). Existing rules and notes need one more round trip for their ranges/cells, because
 * Office.js offers no way to load those with the collection — still independent of the number of rows.
 * Anything Excel refuses on the way (a response past 5 MB, a stray value far away making a used range of millions
 * of cells, too many merged areas, an unreadable rule) makes readSheets.ts read again, carefully.
 */
import { DEFAULT_BLOCK_ROWS, DEFAULT_BUDGET_BYTES } from './payload';
import { isExcelApiSupported, type ApiCheck } from './requirements';
import { readTargets, type ExcelSnapshot } from './readSheets';

export type { ExcelSnapshot } from './readSheets';

export interface ReadSnapshotOptions {
  /** Read this sheet instead of the active one. */
  sheetName?: string;
  /** Read the selected range (the user points at the table) instead of the used range. */
  useSelection?: boolean;
  blockRows?: number;
  /**
   * Rows loaded speculatively with the first request (default three blocks, 15,000 rows: a budget table of
   * 10 columns weighs ≈ 23 bytes a cell in values + formulas + formats, so ≈ 3.5 MB). A wider sheet that
   * passes the cap is read again in sized requests.
   */
  firstSyncRows?: number;
  budgetBytes?: number;
  /** `isSetSupported('ExcelApi', v)`; injectable for tests. */
  isSupported?: ApiCheck;
}

export async function readSnapshot(context: Excel.RequestContext, options: ReadSnapshotOptions = {}): Promise<ExcelSnapshot> {
  const blockRows = options.blockRows ?? DEFAULT_BLOCK_ROWS;
  const target = () => {
    const wb = context.workbook;
    const selection = options.useSelection ? wb.getSelectedRange() : null;
    const sheet = selection ? selection.worksheet : options.sheetName ? wb.worksheets.getItem(options.sheetName) : wb.worksheets.getActiveWorksheet();
    // valuesOnly: formatting alone (a coloured empty column) is not part of the table.
    return [{ sheet, area: selection ?? sheet.getUsedRange(true) }];
  };
  const [snapshot] = await readTargets(
    context,
    target,
    {
      blockRows,
      firstRows: Math.ceil((options.firstSyncRows ?? 3 * blockRows) / blockRows) * blockRows,
      budgetBytes: options.budgetBytes ?? DEFAULT_BUDGET_BYTES,
      supported: options.isSupported ?? isExcelApiSupported,
    },
    { syncs: 0 },
  );
  return snapshot;
}
