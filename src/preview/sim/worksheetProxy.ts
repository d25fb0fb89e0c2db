/**
 * `Excel.Worksheet` and `Excel.WorksheetCollection` of the simulator.
 */
import { parseArea, splitAreas, MAX_COLUMNS, MAX_ROWS } from './addresses';
import { SimClientObject, SimClientResult, SimCollection } from './clientObject';
import type { SimRequestContext } from './context';
import { invalidArgument } from './errors';
import { SimNoteCollection } from './notesProxy';
import { rectOnSheet, SimRange, SimRangeAreas } from './rangeProxy';
import { requireApi } from './requirements';
import type { SimSheet } from './sheetModel';

export class SimWorksheet extends SimClientObject<SimSheet> {
  protected readonly simTypeName = 'Worksheet';
  private notesProxy?: SimNoteCollection;

  constructor(context: SimRequestContext, private readonly resolver: () => SimSheet | null) {
    super(context);
  }

  protected simResolve(): SimSheet | null {
    return this.resolver();
  }

  protected simScalars(): Record<string, (s: SimSheet) => unknown> {
    return {
      name: (s) => s.name,
      id: (s) => `{sim-sheet-${s.hfId}}`,
      position: (s) => this.context.simBook.sheets.indexOf(s),
      visibility: () => 'Visible',
    };
  }

  protected override simChild(name: string): SimClientObject<unknown> | undefined {
    return name === 'notes' ? (this.notes as SimClientObject<unknown>) : undefined;
  }

  get name(): string { return this.simGet('name'); }
  get id(): string { return this.simGet('id'); }
  get position(): number { return this.simGet('position'); }

  /** No address: the whole sheet. */
  getRange(address?: string): SimRange {
    return new SimRange(this.context, () => {
      const sheet = this.simTargetOrThrow();
      const rect = address ? rectOnSheet(sheet, address) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
      return { sheet, rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return new SimRange(this.context, () => ({
      sheet: this.simTargetOrThrow(),
      rect: { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount },
    }));
  }

  /** ExcelApi 1.9: "F5:F9, F11:F20" (comma or semicolon separated). */
  getRanges(address?: string): SimRangeAreas {
    return new SimRangeAreas(this.context, () => {
      requireApi(this.context, '1.9', 'Worksheet.getRanges');
      const sheet = this.simTargetOrThrow();
      if (!address) return { sheet, areas: [{ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS }] };
      const areas = splitAreas(address).map((a) => {
        try {
          return parseArea(a).rect;
        } catch {
          throw invalidArgument(`Not a valid address: ${a}`);
        }
      });
      return { sheet, areas };
    });
  }

  /** An empty sheet gives A1, not an error (documented behaviour of getUsedRange). */
  getUsedRange(valuesOnly = false): SimRange {
    return new SimRange(this.context, () => {
      const sheet = this.simTargetOrThrow();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return new SimRange(this.context, () => {
      requireApi(this.context, '1.4', 'Worksheet.getUsedRangeOrNullObject');
      const sheet = this.simTargetOrThrow();
      const rect = sheet.usedRect(valuesOnly);
      return rect ? { sheet, rect } : null;
    });
  }

  /** ExcelApi 1.18. */
  get notes(): SimNoteCollection {
    return (this.notesProxy ??= new SimNoteCollection(this.context, () => this.simTargetOrThrow()));
  }

  activate(): void {
    this.simCall({}, (s) => this.context.simBook.activateSheet(s.name));
  }
}

export class SimWorksheetCollection extends SimCollection<SimSheet[], SimSheet, SimWorksheet> {
  protected readonly simTypeName = 'WorksheetCollection';

  protected simResolve(): SimSheet[] {
    return this.context.simBook.sheets;
  }

  protected simList(sheets: SimSheet[]): SimSheet[] {
    return sheets;
  }

  protected simMakeItem(): SimWorksheet {
    return new SimWorksheet(this.context, () => null);
  }

  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.context, () => this.context.simBook.activeSheet);
  }

  getItem(name: string): SimWorksheet {
    return new SimWorksheet(this.context, () => this.context.simBook.sheet(name));
  }

  getItemOrNullObject(name: string): SimWorksheet {
    return new SimWorksheet(this.context, () => this.context.simBook.getSheet(name) ?? null);
  }

  add(name?: string): SimWorksheet {
    const proxy = new SimWorksheet(this.context, () => null);
    this.simCall({ name }, () => {
      const book = this.context.simBook;
      let n = name;
      for (let i = book.sheets.length + 1; !n || book.getSheet(n); i++) n = `Sheet${i}`;
      proxy.simBind(book.addSheet(n));
    });
    return proxy;
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.simCall({}, () => {
      result.simResolveWith(this.context.simBook.sheets.length);
      return 8;
    });
    return result;
  }
}
