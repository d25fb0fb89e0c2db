/**
 * Tells the pane when the user edits a sheet, so it can say what it shows is out of date (and never keep a note
 * that states a number no longer true). One WorksheetCollection.onChanged handler (ExcelApi 1.7, below the
 * manifest's 1.9) for all sheets.
 *
 * Our own writes raise the same event. From ExcelApi 1.14 the event says so (triggerSource "ThisLocalAddin",
 * learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource-member);
 * on older hosts `isOwnWrite` (the pane's own runs, see excelFrontEnd) decides.
 */
import { isExcelApiSupported, type ApiCheck } from './requirements';

export interface SheetEdit {
  sheet: string;
  /** The changed area on that sheet ("F12", "C5:E9"). */
  address: string;
}

export interface WatchOptions {
  isSupported?: ApiCheck;
  /** For hosts below ExcelApi 1.14: true while (and just after) the add-in itself writes. */
  isOwnWrite?: () => boolean;
}

/** Starts watching; resolves to a function that stops. */
export async function watchSheetEdits(onEdit: (edit: SheetEdit) => void, options: WatchOptions = {}): Promise<() => Promise<void>> {
  const supported = options.isSupported ?? isExcelApiSupported;
  if (!supported('1.7')) return async () => undefined;
  const knowsSource = supported('1.14');
  const names = new Map<string, string>();
  const nameOf = async (id: string): Promise<string | null> => {
    const known = names.get(id);
    if (known) return known;
    // A sheet added or renamed since: look its name up once.
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(id);
      sheet.load('name');
      await context.sync();
      if (sheet.isNullObject) return null;
      names.set(id, sheet.name);
      return sheet.name;
    });
  };
  const registration = await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/id,items/name');
    const handler = sheets.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
      if (knowsSource ? event.triggerSource === 'ThisLocalAddin' : options.isOwnWrite?.()) return;
      const sheet = await nameOf(event.worksheetId).catch(() => null);
      if (sheet) onEdit({ sheet, address: event.address });
    });
    await context.sync();
    for (const s of sheets.items) names.set(s.id, s.name);
    return handler;
  });
  return async () => {
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}
