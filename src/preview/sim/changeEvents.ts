/**
 * `WorksheetCollection.onChanged` of the simulator (ExcelApi 1.7): handlers hear about every change of cell
 * contents, after the change, never inside the batch that made it (Excel raises events asynchronously).
 * `triggerSource` exists from ExcelApi 1.14 only ("ThisLocalAddin" for changes made by the add-in's own
 * requests, "Unknown" for everything else); on older hosts it is undefined, as in Excel.
 *
 * Sources: learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onchanged-member
 * ("[API set: ExcelApi 1.7]"), excel.worksheetchangedeventargs (triggerSource: "[API set: ExcelApi 1.14]"),
 * and office/dev/add-ins/excel/excel-add-ins-events (handlers added in a batch take effect with its sync;
 * removing one needs the context it was added with).
 */
import { formatRect } from './addresses';
import type { SimRequestContext } from './context';
import { requireApi } from './requirements';
import type { SimWorkbook } from './workbookModel';

export interface SimWorksheetChangedEventArgs {
  type: 'WorksheetChanged';
  source: 'Local';
  changeType: 'RangeEdited';
  worksheetId: string;
  address: string;
  triggerSource?: 'ThisLocalAddin' | 'Unknown';
}

type Handler = (args: SimWorksheetChangedEventArgs) => Promise<unknown> | void;

export interface SimEventHandlerResult {
  context: SimRequestContext;
  remove(): void;
}

export class SimWorksheetChangedEvent {
  constructor(private readonly context: SimRequestContext) {}

  add(handler: Handler): SimEventHandlerResult {
    const book = this.context.simBook;
    let stop: (() => void) | null = null;
    this.context.simEnqueue({
      kind: 'method',
      bytes: 64,
      run: () => {
        requireApi(this.context, '1.7', 'WorksheetCollection.onChanged');
        stop = listen(book, handler);
      },
    });
    return {
      context: this.context,
      remove: () =>
        this.context.simEnqueue({
          kind: 'method',
          bytes: 64,
          run: () => {
            stop?.();
            stop = null;
          },
        }),
    };
  }
}

function listen(book: SimWorkbook, handler: Handler): () => void {
  return book.onChange((changes) => {
    for (const c of changes) {
      if (c.kind !== 'cells') continue;
      const sheet = book.getSheet(c.sheet);
      if (!sheet) continue;
      const args: SimWorksheetChangedEventArgs = {
        type: 'WorksheetChanged',
        source: 'Local',
        changeType: 'RangeEdited',
        worksheetId: `{sim-sheet-${sheet.hfId}}`,
        address: c.rect ? formatRect(c.rect) : 'A1',
      };
      if (book.isSetSupported('ExcelApi', '1.14')) args.triggerSource = c.byAddin ? 'ThisLocalAddin' : 'Unknown';
      setTimeout(() => void handler(args), 0);
    }
  });
}
