/**
 * `Excel.RangeFormat`, `RangeFont` and `RangeFill` of the simulator: column width, alignment, wrap, bold and
 * colours — what the front end sets on headers it adds and on new columns.
 */
import type { CellRect } from '../../core';
import { SimClientObject } from './clientObject';
import type { SimRequestContext } from './context';
import { SimOfficeError } from './errors';
import type { SimSheet } from './sheetModel';
import { SimRangeBorders } from './lookProxy';

/** Excel's default column width: 8.43 characters = 64 px = 48 points. */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;

export interface StyleTarget {
  sheet: SimSheet;
  rect: CellRect;
}

export class SimRangeFormat extends SimClientObject<StyleTarget> {
  protected readonly simTypeName = 'RangeFormat';
  readonly font: SimRangeFont;
  readonly fill: SimRangeFill;
  readonly borders: SimRangeBorders;

  constructor(
    context: SimRequestContext,
    private readonly resolver: () => StyleTarget | null,
  ) {
    super(context);
    this.font = new SimRangeFont(context, () => this.simTargetOrNull());
    this.fill = new SimRangeFill(context, () => this.simTargetOrNull());
    this.borders = new SimRangeBorders(context, () => this.simTargetOrNull());
  }

  protected simResolve(): StyleTarget | null {
    return this.resolver();
  }

  protected simScalars(): Record<string, (t: StyleTarget) => unknown> {
    return {
      // Null when the columns differ, as in Excel.
      columnWidth: (t) => {
        const widths = new Set<number>();
        for (let c = t.rect.left; c <= Math.min(t.rect.right, t.rect.left + 16_383); c++)
          widths.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_POINTS);
        return widths.size === 1 ? [...widths][0] : null;
      },
      horizontalAlignment: (t) => t.sheet.styleAt(t.rect.top, t.rect.left).horizontalAlignment ?? 'General',
      wrapText: (t) => t.sheet.styleAt(t.rect.top, t.rect.left).wrapText ?? false,
      verticalAlignment: (t) => t.sheet.styleAt(t.rect.top, t.rect.left).verticalAlignment ?? 'Bottom',
    };
  }

  protected override simChild(name: string): SimClientObject<unknown> | undefined {
    if (name === 'font') return this.font as SimClientObject<unknown>;
    if (name === 'fill') return this.fill as SimClientObject<unknown>;
    return undefined;
  }

  get columnWidth(): number { return this.simGet('columnWidth'); }
  set columnWidth(points: number) {
    if (!(points >= 0)) throw new SimOfficeError('InvalidArgument', `columnWidth must be a number of points, got ${points}`);
    this.simSet('columnWidth', points, (t) => t.sheet.setColumnWidth(t.rect.left, t.rect.right, points));
  }
  get horizontalAlignment(): string { return this.simGet('horizontalAlignment'); }
  set horizontalAlignment(v: string) {
    this.simSet('horizontalAlignment', v, (t) => t.sheet.applyStyle(t.rect, { horizontalAlignment: v }));
  }
  get verticalAlignment(): string { return this.simGet('verticalAlignment'); }
  set verticalAlignment(v: string) {
    this.simSet('verticalAlignment', v, (t) => t.sheet.applyStyle(t.rect, { verticalAlignment: v }));
  }
  get wrapText(): boolean { return this.simGet('wrapText'); }
  set wrapText(v: boolean) {
    this.simSet('wrapText', v, (t) => t.sheet.applyStyle(t.rect, { wrapText: v }));
  }
}

export class SimRangeFont extends SimClientObject<StyleTarget> {
  protected readonly simTypeName = 'RangeFont';
  constructor(context: SimRequestContext, private readonly resolver: () => StyleTarget | null) {
    super(context);
  }
  protected simResolve(): StyleTarget | null { return this.resolver(); }
  protected simScalars(): Record<string, (t: StyleTarget) => unknown> {
    return {
      bold: (t) => t.sheet.styleAt(t.rect.top, t.rect.left).bold ?? false,
      color: (t) => t.sheet.styleAt(t.rect.top, t.rect.left).fontColor ?? '#000000',
    };
  }
  get bold(): boolean { return this.simGet('bold'); }
  set bold(v: boolean) { this.simSet('bold', v, (t) => t.sheet.applyStyle(t.rect, { bold: v })); }
  get color(): string { return this.simGet('color'); }
  set color(v: string) { this.simSet('color', v, (t) => t.sheet.applyStyle(t.rect, { fontColor: v })); }
}

export class SimRangeFill extends SimClientObject<StyleTarget> {
  protected readonly simTypeName = 'RangeFill';
  constructor(context: SimRequestContext, private readonly resolver: () => StyleTarget | null) {
    super(context);
  }
  protected simResolve(): StyleTarget | null { return this.resolver(); }
  protected simScalars(): Record<string, (t: StyleTarget) => unknown> {
    return { color: (t) => t.sheet.styleAt(t.rect.top, t.rect.left).fill ?? '#FFFFFF' };
  }
  get color(): string { return this.simGet('color'); }
  set color(v: string) { this.simSet('color', v, (t) => t.sheet.applyStyle(t.rect, { fill: v })); }
  clear(): void { this.simCall({}, (t) => t.sheet.applyStyle(t.rect, { fill: null })); }
}
