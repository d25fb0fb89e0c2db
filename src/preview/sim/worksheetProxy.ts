/**
 * `Excel.Worksheet` and `Excel.WorksheetCollection` of the simulator.
 */
import { parseArea, splitAreas, MAX_COLUMNS, MAX_ROWS } from './addresses';
import { SimClientObject, SimClientResult, SimCollection } from './clientObject';
import type { SimRequestContext } from './context';
import { invalidArgument } from './errors';
import { GET_RANGES_MAX_AREAS, GET_RANGES_MAX_CHARS } from './limits';
import { SimFreezePanes } from './freezeProxy';
import { SimNoteCollection } from './notesProxy';
import { rectOnSheet, SimRange, SimRangeAreas } from './rangeProxy';
import { requireApi } from './requirements';
import type { SimSheet } from './sheetModel';
import { copySheetContents } from './sheetOps';
import { SimWorksheetChangedEvent } from './changeEvents';
import { SimPageLayout } from './lookProxy';

type PositionType = 'None' | 'Before' | 'After' | 'Beginning' | 'End';

/** Excel names a copy "表1 (2)", "表1 (3)"… until the name is free. */
function copyName(names: (n: string) => boolean, source: string): string {
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${source.slice(0, 31 - suffix.length)}${suffix}`;
    if (!names(name)) return name;
  }
}

export class SimWorksheet extends SimClientObject<SimSheet> {
  protected readonly simTypeName = 'Worksheet';
  private notesProxy?: SimNoteCollection;
  private freezeProxy?: SimFreezePanes;
  private pageLayoutProxy?: SimPageLayout;

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
  set name(v: string) {
    this.simSet('name', v, (s) => this.context.simBook.renameSheet(s, v));
  }
  get id(): string { return this.simGet('id'); }
  get position(): number { return this.simGet('position'); }
  set position(v: number) {
    this.simSet('position', v, (s) => this.context.simBook.moveSheet(s, v));
  }

  /** ExcelApi 1.9 (lookProxy.ts). */
  get pageLayout(): SimPageLayout {
    return (this.pageLayoutProxy ??= new SimPageLayout(this.context, () => this.simTargetOrThrow()));
  }

  /** ExcelApi 1.7. */
  get freezePanes(): SimFreezePanes {
    return (this.freezeProxy ??= new SimFreezePanes(this.context, () => this.simTargetOrThrow()));
  }

  /** ExcelApi 1.7: a copy of the sheet ("名 (2)") placed as asked; everything the sheet holds comes along. */
  copy(positionType: PositionType = 'None', relativeTo?: SimWorksheet): SimWorksheet {
    const proxy = new SimWorksheet(this.context, () => null);
    this.simCall({ positionType }, (source) => {
      requireApi(this.context, '1.7', 'Worksheet.copy');
      const book = this.context.simBook;
      const anchor = positionType === 'Before' || positionType === 'After' ? relativeTo?.simTargetOrThrow() : undefined;
      if ((positionType === 'Before' || positionType === 'After') && !anchor) throw invalidArgument('copy: relativeTo is needed for Before and After.');
      // Copying a sheet before or after itself fails with InvalidArgument on Excel for Windows (office-js#775,
      // open since 2019; office-js-docs-pr#1365). The simulator refuses it on every host, as the strictest one.
      if (anchor === source) throw invalidArgument('copy: a worksheet cannot be copied before or after itself.', 'Worksheet.copy');
      const index =
        positionType === 'End' ? book.sheets.length
        : anchor ? book.sheets.indexOf(anchor) + (positionType === 'After' ? 1 : 0)
        : 0;
      const copy = book.addSheet(copyName((n) => book.getSheet(n) !== undefined, source.name), index);
      copySheetContents(source, copy);
      proxy.simBind(copy);
    });
    return proxy;
  }

  /** ExcelApi 1.1. */
  delete(): void {
    this.simCall({}, (s) => this.context.simBook.removeSheet(s));
  }

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
      const parts = splitAreas(address);
      // office-js#5198: long area lists fail with InvalidArgument (limits.ts).
      if (parts.length > GET_RANGES_MAX_AREAS || address.length > GET_RANGES_MAX_CHARS)
        throw invalidArgument(`getRanges: ${parts.length} areas, ${address.length} characters.`, 'Worksheet.getRanges');
      const areas = parts.map((a) => {
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
  private changedEvent?: SimWorksheetChangedEvent;

  protected simResolve(): SimSheet[] {
    return this.context.simBook.sheets;
  }

  protected simList(sheets: SimSheet[]): SimSheet[] {
    return sheets;
  }

  protected simMakeItem(): SimWorksheet {
    return new SimWorksheet(this.context, () => null);
  }

  /** ExcelApi 1.7 (changeEvents.ts). */
  get onChanged(): SimWorksheetChangedEvent {
    return (this.changedEvent ??= new SimWorksheetChangedEvent(this.context));
  }

  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.context, () => this.context.simBook.activeSheet);
  }

  /** By name or by id, as Excel's getItem(key) ("Gets a worksheet object using its name or ID"). */
  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context, () => this.byId(key) ?? this.context.simBook.sheet(key));
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(this.context, () => this.byId(key) ?? this.context.simBook.getSheet(key) ?? null);
  }

  private byId(key: string): SimSheet | undefined {
    const id = /^\{sim-sheet-(\d+)\}$/.exec(key);
    return id ? this.context.simBook.sheets.find((s) => s.hfId === Number(id[1])) : undefined;
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
