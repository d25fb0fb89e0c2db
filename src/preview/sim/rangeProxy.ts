/**
 * `Excel.Range`, `Excel.RangeAreas` and `Excel.RangeFormat` of the simulator: only what the front end uses.
 * A range is resolved once (when its batch first runs) to a sheet and a rectangle, as Excel binds a range object.
 */
import type { CellRect } from '../../core';
import { formatAddress, intersect, MAX_COLUMNS, MAX_ROWS, parseArea, rectCols, rectRows } from './addresses';
import { SimClientObject } from './clientObject';
import type { SimRequestContext } from './context';
import { invalidArgument, SimErrorCodes, SimOfficeError } from './errors';
import { SimRangeFormat } from './formatProxy';
import { SimConditionalFormatCollection } from './cfProxy';
import type { SimSheet } from './sheetModel';
import { SimWorksheet } from './worksheetProxy';
import { requireApi } from './requirements';
import { cellCount, internalError, MERGED_AREAS_LIMIT, READ_CELL_LIMIT } from './limits';
import { typedInputs } from './typedInput';
import { clearRange, valuesWithin, type ClearApplyTo } from './sheetOps';
import { SimDataValidation } from './validationProxy';

export interface RangeTarget {
  sheet: SimSheet;
  rect: CellRect;
}

export interface AreasTarget {
  sheet: SimSheet;
  areas: CellRect[];
}

/** A 2D array the size of the rectangle: a single value fills every cell; a wrong shape is InvalidArgument. */
export function fitToRect(value: unknown, rect: CellRect, property: string): unknown[][] {
  const rows = rectRows(rect);
  const cols = rectCols(rect);
  if (!Array.isArray(value)) return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
  const ok = value.length === rows && value.every((row) => Array.isArray(row) && row.length === cols);
  if (!ok)
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
      `Range.${property}`,
    );
  return value as unknown[][];
}

/** Resolves an address given to getRange/getIntersection on this sheet ("Other!A1" on another sheet is refused). */
export function rectOnSheet(sheet: SimSheet, address: string): CellRect {
  let parsed;
  try {
    parsed = parseArea(address);
  } catch {
    throw invalidArgument(`Not a valid address: ${address}`);
  }
  if (parsed.sheet && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())
    throw invalidArgument(`The address ${address} is on another sheet than ${sheet.name}.`);
  return parsed.rect;
}

export class SimRange extends SimClientObject<RangeTarget> {
  protected readonly simTypeName = 'Range';
  private formatProxy?: SimRangeFormat;
  private cfProxy?: SimConditionalFormatCollection;
  private dvProxy?: SimDataValidation;

  constructor(
    context: SimRequestContext,
    private readonly resolver: () => RangeTarget | null,
  ) {
    super(context);
  }

  protected simResolve(): RangeTarget | null {
    return this.resolver();
  }

  protected simScalars(): Record<string, (t: RangeTarget) => unknown> {
    return {
      address: (t) => formatAddress(t.sheet.name, t.rect),
      addressLocal: (t) => formatAddress(t.sheet.name, t.rect),
      rowIndex: (t) => t.rect.top - 1,
      columnIndex: (t) => t.rect.left - 1,
      rowCount: (t) => rectRows(t.rect),
      columnCount: (t) => rectCols(t.rect),
      cellCount: (t) => rectRows(t.rect) * rectCols(t.rect),
      values: (t) => (this.simWithinReadLimit(t) ? t.sheet.values(t.rect) : null),
      formulas: (t) => (this.simWithinReadLimit(t) ? t.sheet.formulas(t.rect) : null),
      numberFormat: (t) => (this.simWithinReadLimit(t) ? t.sheet.numberFormats(t.rect) : null),
    };
  }

  /** Five million cells per read (limits.ts): past it the generic error, or null on the hosts that give null. */
  private simWithinReadLimit(t: RangeTarget): boolean {
    const cells = cellCount(t.rect);
    if (cells <= READ_CELL_LIMIT) return true;
    if (this.context.simBook.quirks.oversizedRead === 'null') return false;
    throw internalError(`a read of ${cells} cells`);
  }

  protected override simChild(name: string): SimClientObject<unknown> | undefined {
    if (name === 'format') return this.format as SimClientObject<unknown>;
    if (name === 'conditionalFormats') return this.conditionalFormats as SimClientObject<unknown>;
    if (name === 'worksheet') return this.worksheet as SimClientObject<unknown>;
    if (name === 'dataValidation') return this.dataValidation as SimClientObject<unknown>;
    return undefined;
  }

  get address(): string { return this.simGet('address'); }
  get addressLocal(): string { return this.simGet('addressLocal'); }
  get rowIndex(): number { return this.simGet('rowIndex'); }
  get columnIndex(): number { return this.simGet('columnIndex'); }
  get rowCount(): number { return this.simGet('rowCount'); }
  get columnCount(): number { return this.simGet('columnCount'); }
  get cellCount(): number { return this.simGet('cellCount'); }
  get values(): unknown[][] { return this.simGet('values'); }
  set values(v: unknown[][]) {
    this.simSet('values', v, (t) => t.sheet.writeInputs(t.rect, typedInputs(t.sheet, t.rect, fitToRect(v, t.rect, 'values'))));
  }
  get formulas(): unknown[][] { return this.simGet('formulas'); }
  set formulas(v: unknown[][]) {
    this.simSet('formulas', v, (t) => t.sheet.writeInputs(t.rect, typedInputs(t.sheet, t.rect, fitToRect(v, t.rect, 'formulas'))));
  }
  get numberFormat(): unknown[][] { return this.simGet('numberFormat'); }
  set numberFormat(v: unknown[][]) {
    this.simSet('numberFormat', v, (t) => t.sheet.writeNumberFormats(t.rect, fitToRect(v, t.rect, 'numberFormat')));
  }

  get format(): SimRangeFormat {
    return (this.formatProxy ??= new SimRangeFormat(this.context, () => this.simTargetOrNull()));
  }

  get conditionalFormats(): SimConditionalFormatCollection {
    return (this.cfProxy ??= new SimConditionalFormatCollection(this.context, () => {
      const t = this.simTargetOrThrow();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  /** ExcelApi 1.8. */
  get dataValidation(): SimDataValidation {
    return (this.dvProxy ??= new SimDataValidation(this.context, () => this.simTargetOrThrow()));
  }

  /** Range.clear (ExcelApi 1.1): "Contents", "Formats" or "All". */
  clear(applyTo: ClearApplyTo = 'All'): void {
    this.simCall({ applyTo }, (t) => {
      if (applyTo !== 'All' && applyTo !== 'Contents' && applyTo !== 'Formats')
        throw new SimOfficeError(SimErrorCodes.notImplemented, `The simulator does not clear "${applyTo}".`);
      clearRange(t.sheet, t.rect, applyTo);
    });
  }

  get worksheet(): SimWorksheet {
    return new SimWorksheet(this.context, () => this.simTargetOrThrow().sheet);
  }

  /** ExcelApi 1.4. */
  getIntersectionOrNullObject(other: SimRange | string): SimRange {
    return new SimRange(this.context, () => {
      requireApi(this.context, '1.4', 'Range.getIntersectionOrNullObject');
      const t = this.simTargetOrThrow();
      const r = typeof other === 'string' ? rectOnSheet(t.sheet, other) : other.simTargetOrThrow().rect;
      const hit = intersect(t.rect, r);
      return hit ? { sheet: t.sheet, rect: hit } : null;
    });
  }

  getCell(row: number, column: number): SimRange {
    return new SimRange(this.context, () => {
      const t = this.simTargetOrThrow();
      const top = t.rect.top + row;
      const left = t.rect.left + column;
      return { sheet: t.sheet, rect: { top, left, bottom: top, right: left } };
    });
  }

  /** The whole rows of this range (ExcelApi 1.1). */
  getEntireRow(): SimRange {
    return new SimRange(this.context, () => {
      const t = this.simTargetOrThrow();
      return { sheet: t.sheet, rect: { top: t.rect.top, bottom: t.rect.bottom, left: 1, right: MAX_COLUMNS } };
    });
  }

  /** Grows or shrinks the range from its top-left cell (ExcelApi 1.2); the result must stay on the sheet. */
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return new SimRange(this.context, () => {
      const t = this.simTargetOrThrow();
      const rect = { ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns };
      if (rect.bottom < rect.top || rect.right < rect.left || rect.bottom > MAX_ROWS || rect.right > MAX_COLUMNS)
        throw invalidArgument(`getResizedRange(${deltaRows}, ${deltaColumns}) leaves the sheet.`);
      return { sheet: t.sheet, rect };
    });
  }

  /** ExcelApi 1.13: merged areas whose top-left cell is in this range; a null object when there are none. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(this.context, () => {
      requireApi(this.context, '1.13', 'Range.getMergedAreasOrNullObject');
      const t = this.simTargetOrThrow();
      const areas = t.sheet.merges.filter((m) => m.top >= t.rect.top && m.top <= t.rect.bottom && m.left >= t.rect.left && m.left <= t.rect.right);
      if (areas.length > MERGED_AREAS_LIMIT) throw internalError(`${areas.length} merged areas in one range (limit ${MERGED_AREAS_LIMIT})`);
      return areas.length > 0 ? { sheet: t.sheet, areas } : null;
    });
  }

  /** ExcelApi 1.4 (valuesOnly: 1.2): the part of this range that holds values; a null object when none does. */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return new SimRange(this.context, () => {
      requireApi(this.context, '1.4', 'Range.getUsedRangeOrNullObject');
      const t = this.simTargetOrThrow();
      if (!valuesOnly) throw new SimOfficeError(SimErrorCodes.notImplemented, 'The simulator reads used ranges of values only.');
      const used = valuesWithin(t.sheet, t.rect);
      return used ? { sheet: t.sheet, rect: used } : null;
    });
  }

  merge(across = false): void {
    this.simCall({ across }, (t) => {
      if (!across) t.sheet.merge(t.rect);
      else for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.merge({ ...t.rect, top: r, bottom: r });
    });
  }

  unmerge(): void {
    this.simCall({}, (t) => t.sheet.unmerge(t.rect));
  }

  select(): void {
    this.simCall({}, (t) => this.context.simBook.select(t.sheet.name, t.rect));
  }
}

export class SimRangeAreas extends SimClientObject<AreasTarget> {
  protected readonly simTypeName = 'RangeAreas';
  private cfProxy?: SimConditionalFormatCollection;

  constructor(
    context: SimRequestContext,
    private readonly resolver: () => AreasTarget | null,
  ) {
    super(context);
  }

  protected simResolve(): AreasTarget | null {
    return this.resolver();
  }

  protected simScalars(): Record<string, (t: AreasTarget) => unknown> {
    return {
      // Excel joins the areas with ", ", each with its sheet: "Sheet1!A1:B4, Sheet1!D1:D4".
      address: (t) => t.areas.map((a) => formatAddress(t.sheet.name, a)).join(', '),
      areaCount: (t) => t.areas.length,
      cellCount: (t) => t.areas.reduce((n, a) => n + rectRows(a) * rectCols(a), 0),
    };
  }

  protected override simChild(name: string): SimClientObject<unknown> | undefined {
    return name === 'conditionalFormats' ? (this.conditionalFormats as SimClientObject<unknown>) : undefined;
  }

  get address(): string { return this.simGet('address'); }
  get areaCount(): number { return this.simGet('areaCount'); }
  get cellCount(): number { return this.simGet('cellCount'); }

  get conditionalFormats(): SimConditionalFormatCollection {
    return (this.cfProxy ??= new SimConditionalFormatCollection(this.context, () => {
      const t = this.simTargetOrThrow();
      return { sheet: t.sheet, rects: t.areas };
    }));
  }
}
