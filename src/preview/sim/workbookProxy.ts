/**
 * `Excel.Workbook` of the simulator: worksheets and the selection.
 */
import { SimClientObject } from './clientObject';
import type { SimRequestContext } from './context';
import { SimCustomXmlPartCollection } from './customXmlProxy';
import { SimRange } from './rangeProxy';
import type { SimWorkbook } from './workbookModel';
import { SimWorksheetCollection } from './worksheetProxy';

export class SimWorkbookProxy extends SimClientObject<SimWorkbook> {
  protected readonly simTypeName = 'Workbook';
  readonly worksheets: SimWorksheetCollection;
  /** ExcelApi 1.5. */
  readonly customXmlParts: SimCustomXmlPartCollection;

  constructor(context: SimRequestContext) {
    super(context);
    this.worksheets = new SimWorksheetCollection(context);
    this.customXmlParts = new SimCustomXmlPartCollection(context);
  }

  protected simResolve(): SimWorkbook {
    return this.context.simBook;
  }

  protected simScalars(): Record<string, (b: SimWorkbook) => unknown> {
    return { name: () => 'Simulated workbook.xlsx' };
  }

  get name(): string {
    return this.simGet('name');
  }

  /** The selection, or A1 of the active sheet when nothing was selected yet. */
  getSelectedRange(): SimRange {
    return new SimRange(this.context, () => {
      const book = this.context.simBook;
      const sel = book.selection;
      if (sel && book.getSheet(sel.sheet) === book.activeSheet) return { sheet: book.activeSheet, rect: sel.rect };
      return { sheet: book.activeSheet, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getActiveCell(): SimRange {
    return new SimRange(this.context, () => {
      const t = this.getSelectedRange().simTargetOrThrow();
      return { sheet: t.sheet, rect: { top: t.rect.top, left: t.rect.left, bottom: t.rect.top, right: t.rect.left } };
    });
  }
}
