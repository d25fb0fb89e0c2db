/**
 * `Excel.ConditionalFormatCollection` / `ConditionalFormat` / `CustomConditionalFormat` / rule / format of the
 * simulator. Only custom (formula) rules exist here: the front end adds nothing else.
 *
 * A rule's formula is set relative to the top-left cell of the range its collection was fetched through, and read
 * back relative to the top-left cell of the rule's own areas (office-js#5194, "by design"): setting "=F5<0.9" on
 * a rule fetched through `sheet.getRange()` (A1) means "=F5<0.9" at A1. Rules Excel cannot describe fail the
 * whole read (office-js#6835, #6827).
 */
import type { CellRect } from '../../core';
import { formatAddress } from './addresses';
import {
  addConditionalFormat,
  conditionalFormatPriority,
  conditionalFormatsTouching,
  deleteConditionalFormat,
  setConditionalFormatPriority,
} from './cfModel';
import { SimClientObject, SimClientResult, SimCollection } from './clientObject';
import type { SimRequestContext } from './context';
import { SimErrorCodes, SimOfficeError } from './errors';
import { SimRange, SimRangeAreas } from './rangeProxy';
import { requireApi } from './requirements';
import type { SimConditionalFormat as CfModel, SimSheet } from './sheetModel';
import { shiftFormula } from './formulaShift';
import { internalError, topLeftOf } from './limits';

type Anchor = () => { row: number; col: number };

interface ScopeTarget {
  sheet: SimSheet;
  rects: CellRect[];
}

interface CfTarget {
  sheet: SimSheet;
  rule: CfModel;
}

function touch(t: CfTarget, change: Partial<CfModel>): void {
  if (t.sheet.isProtected) throw new SimOfficeError(SimErrorCodes.accessDenied, `Sheet ${t.sheet.name} is protected.`);
  Object.assign(t.rule, change);
  t.sheet.host.changed(t.sheet, null);
}

export class SimConditionalFormatCollection extends SimCollection<ScopeTarget, CfTarget, SimConditionalFormat> {
  protected readonly simTypeName = 'ConditionalFormatCollection';

  constructor(context: SimRequestContext, private readonly resolver: () => ScopeTarget | null) {
    super(context);
  }

  protected simResolve(): ScopeTarget | null {
    return this.resolver();
  }

  protected simList(t: ScopeTarget): CfTarget[] {
    return conditionalFormatsTouching(t.sheet, t.rects).map((rule) => ({ sheet: t.sheet, rule }));
  }

  private simAnchor: Anchor = () => topLeftOf(this.simTargetOrThrow().rects);

  protected simMakeItem(): SimConditionalFormat {
    return new SimConditionalFormat(this.context, () => null, this.simAnchor);
  }

  /** Adds a rule on top (priority 0), as Excel does. */
  add(type: string): SimConditionalFormat {
    const cf = new SimConditionalFormat(
      this.context,
      () => {
        throw new SimOfficeError(SimErrorCodes.generalException, 'The conditional format was not created.');
      },
      this.simAnchor,
    );
    this.simCall({ type }, (t) => {
      if (type !== 'Custom') throw new SimOfficeError(SimErrorCodes.notImplemented, `The simulator only has custom rules, not ${type}.`);
      cf.simBind({ sheet: t.sheet, rule: addConditionalFormat(t.sheet, t.rects) });
    });
    return cf;
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.simCall({}, (t) => {
      result.simResolveWith(this.simList(t).length);
      return 8;
    });
    return result;
  }

  clearAll(): void {
    this.simCall({}, (t) => this.simList(t).forEach((c) => deleteConditionalFormat(c.sheet, c.rule.id)));
  }
}

export class SimConditionalFormat extends SimClientObject<CfTarget> {
  protected readonly simTypeName = 'ConditionalFormat';
  readonly custom: SimCustomConditionalFormat;
  readonly customOrNullObject: SimCustomConditionalFormat;

  constructor(
    context: SimRequestContext,
    private readonly resolver: () => CfTarget | null,
    fetchAnchor: Anchor,
  ) {
    super(context);
    this.custom = new SimCustomConditionalFormat(context, () => this.simTargetOrThrow(), fetchAnchor);
    this.customOrNullObject = new SimCustomConditionalFormat(
      context,
      () => {
        const t = this.simTargetOrThrow();
        return t.rule.type === 'Custom' ? t : null;
      },
      fetchAnchor,
    );
  }

  protected simResolve(): CfTarget | null {
    return this.resolver();
  }

  override simPopulate(paths: string[] | null): number {
    if (this.simTargetOrNull()?.rule.unreadable) throw internalError('ConditionalFormat.load');
    return super.simPopulate(paths);
  }

  protected simScalars(): Record<string, (t: CfTarget) => unknown> {
    return {
      id: (t) => t.rule.id,
      type: (t) => t.rule.type,
      priority: (t) => conditionalFormatPriority(t.sheet, t.rule.id),
      stopIfTrue: (t) => t.rule.stopIfTrue,
    };
  }

  protected override simChild(name: string): SimClientObject<unknown> | undefined {
    if (name === 'custom') return this.custom as SimClientObject<unknown>;
    if (name === 'customOrNullObject') return this.customOrNullObject as SimClientObject<unknown>;
    return undefined;
  }

  get id(): string { return this.simGet('id'); }
  get type(): string { return this.simGet('type'); }
  get priority(): number { return this.simGet('priority'); }
  set priority(p: number) {
    this.simSet('priority', p, (t) => setConditionalFormatPriority(t.sheet, t.rule.id, p));
  }
  get stopIfTrue(): boolean { return this.simGet('stopIfTrue'); }
  set stopIfTrue(v: boolean) {
    this.simSet('stopIfTrue', v, (t) => touch(t, { stopIfTrue: v }));
  }

  delete(): void {
    this.simCall({}, (t) => deleteConditionalFormat(t.sheet, t.rule.id));
  }

  /** Fails when the rule covers several areas, as Excel's does (use getRanges, ExcelApi 1.9). */
  getRange(): SimRange {
    return new SimRange(this.context, () => {
      const t = this.simTargetOrThrow();
      if (t.rule.areas.length !== 1)
        throw new SimOfficeError(SimErrorCodes.invalidOperation, 'The conditional format is applied to multiple ranges.');
      return { sheet: t.sheet, rect: t.rule.areas[0] };
    });
  }

  getRanges(): SimRangeAreas {
    return new SimRangeAreas(this.context, () => {
      requireApi(this.context, '1.9', 'ConditionalFormat.getRanges');
      const t = this.simTargetOrThrow();
      return { sheet: t.sheet, areas: this.context.simBook.quirks.reverseRuleAreas ? [...t.rule.areas].reverse() : t.rule.areas };
    });
  }

  /** For debugging: "Sheet1!F5:F9, Sheet1!F11:F20". */
  simAddress(): string {
    const t = this.simTargetOrThrow();
    return t.rule.areas.map((a) => formatAddress(t.sheet.name, a)).join(', ');
  }
}

export class SimCustomConditionalFormat extends SimClientObject<CfTarget> {
  protected readonly simTypeName = 'CustomConditionalFormat';
  readonly rule: SimConditionalFormatRule;
  readonly format: SimConditionalRangeFormat;

  constructor(context: SimRequestContext, private readonly resolver: () => CfTarget | null, fetchAnchor: Anchor) {
    super(context);
    this.rule = new SimConditionalFormatRule(context, () => this.simTargetOrThrow(), fetchAnchor);
    this.format = new SimConditionalRangeFormat(context, () => this.simTargetOrThrow());
  }

  protected simResolve(): CfTarget | null {
    return this.resolver();
  }

  protected simScalars(): Record<string, (t: CfTarget) => unknown> {
    return {};
  }

  protected override simChild(name: string): SimClientObject<unknown> | undefined {
    if (name === 'rule') return this.rule as SimClientObject<unknown>;
    if (name === 'format') return this.format as SimClientObject<unknown>;
    return undefined;
  }
}

export class SimConditionalFormatRule extends SimClientObject<CfTarget> {
  protected readonly simTypeName = 'ConditionalFormatRule';

  constructor(
    context: SimRequestContext,
    private readonly resolver: () => CfTarget | null,
    private readonly fetchAnchor: Anchor,
  ) {
    super(context);
  }

  protected simResolve(): CfTarget | null {
    return this.resolver();
  }

  protected simScalars(): Record<string, (t: CfTarget) => unknown> {
    return { formula: (t) => t.rule.formula, formulaLocal: (t) => t.rule.formula };
  }

  get formula(): string { return this.simGet('formula'); }
  set formula(f: string) {
    this.simSet('formula', f, (t) => {
      // Written for the fetch range's top-left cell; stored (and read back) for the rule's own top-left cell.
      const from = this.fetchAnchor();
      const to = topLeftOf(t.rule.areas);
      touch(t, { formula: shiftFormula(f.startsWith('=') ? f : `=${f}`, to.row - from.row, to.col - from.col) });
    });
  }
}

export class SimConditionalRangeFormat extends SimClientObject<CfTarget> {
  protected readonly simTypeName = 'ConditionalRangeFormat';
  readonly fill: SimConditionalColor;
  readonly font: SimConditionalColor;

  constructor(context: SimRequestContext, private readonly resolver: () => CfTarget | null) {
    super(context);
    this.fill = new SimConditionalColor(context, () => this.simTargetOrThrow(), 'fill');
    this.font = new SimConditionalColor(context, () => this.simTargetOrThrow(), 'fontColor');
  }

  protected simResolve(): CfTarget | null {
    return this.resolver();
  }

  protected simScalars(): Record<string, (t: CfTarget) => unknown> {
    return {};
  }

  protected override simChild(name: string): SimClientObject<unknown> | undefined {
    if (name === 'fill') return this.fill as SimClientObject<unknown>;
    if (name === 'font') return this.font as SimClientObject<unknown>;
    return undefined;
  }
}

/** `ConditionalRangeFill` and `ConditionalRangeFont`: both have `color`, which is all the front end sets. */
export class SimConditionalColor extends SimClientObject<CfTarget> {
  protected readonly simTypeName: string;

  constructor(
    context: SimRequestContext,
    private readonly resolver: () => CfTarget | null,
    private readonly field: 'fill' | 'fontColor',
  ) {
    super(context);
    this.simTypeName = field === 'fill' ? 'ConditionalRangeFill' : 'ConditionalRangeFont';
  }

  protected simResolve(): CfTarget | null {
    return this.resolver();
  }

  protected simScalars(): Record<string, (t: CfTarget) => unknown> {
    return { color: (t) => t.rule[this.field] };
  }

  get color(): string { return this.simGet('color'); }
  set color(c: string) {
    this.simSet('color', c, (t) => touch(t, { [this.field]: /^#[0-9a-f]{6}$/i.test(c) ? c.toUpperCase() : c }));
  }

  clear(): void {
    this.simCall({}, (t) => touch(t, { [this.field]: null }));
  }
}
