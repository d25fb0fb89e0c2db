/**
 * `Excel.DataValidation` (ExcelApi 1.8) of the simulator: list rules only, which is all the front end sets (the
 * drop-downs of 偏差原因, 定性评级, 完成可能性). On a host below 1.8 any use fails with ApiNotFound.
 */
import { SimClientObject } from './clientObject';
import type { SimRequestContext } from './context';
import { invalidArgument, SimErrorCodes, SimOfficeError } from './errors';
import type { RangeTarget } from './rangeProxy';
import { requireApi } from './requirements';
import { clearValidation, setListValidation, validationOver } from './sheetOps';

interface ListRule {
  list?: { inCellDropDown?: boolean; source?: unknown };
  [other: string]: unknown;
}

export class SimDataValidation extends SimClientObject<RangeTarget> {
  protected readonly simTypeName = 'DataValidation';

  constructor(context: SimRequestContext, private readonly resolver: () => RangeTarget | null) {
    super(context);
  }

  protected simResolve(): RangeTarget | null {
    requireApi(this.context, '1.8', 'Range.dataValidation');
    return this.resolver();
  }

  protected simScalars(): Record<string, (t: RangeTarget) => unknown> {
    return {
      type: (t) => {
        const v = validationOver(t.sheet, t.rect);
        return v === null ? 'None' : v === 'mixed' ? 'Inconsistent' : 'List';
      },
      // Excel returns an empty rule where there is none (and for mixed ranges, where the type says Inconsistent).
      rule: (t) => {
        const v = validationOver(t.sheet, t.rect);
        return v === null || v === 'mixed' ? {} : { list: { inCellDropDown: v.inCellDropDown, source: v.source } };
      },
      ignoreBlanks: () => true,
    };
  }

  get type(): string { return this.simGet('type'); }
  get ignoreBlanks(): boolean { return this.simGet('ignoreBlanks'); }
  get rule(): ListRule { return this.simGet('rule'); }
  set rule(rule: ListRule) {
    this.simSet('rule', rule, (t) => {
      const kinds = Object.keys(rule ?? {}).filter((k) => rule[k] !== undefined);
      if (kinds.length !== 1) throw invalidArgument('A data validation rule has exactly one kind of criteria.', 'DataValidation.rule');
      if (kinds[0] !== 'list') throw new SimOfficeError(SimErrorCodes.notImplemented, `The simulator only has list validations, not ${kinds[0]}.`);
      const source = rule.list?.source;
      if (typeof source !== 'string' || source.trim() === '') throw invalidArgument('A list rule needs a source.', 'DataValidation.rule');
      // Excel keeps a list source to 255 characters.
      if (source.length > 255) throw invalidArgument('The list source is longer than 255 characters.', 'DataValidation.rule');
      setListValidation(t.sheet, t.rect, { source, inCellDropDown: rule.list?.inCellDropDown !== false });
    });
  }

  clear(): void {
    this.simCall({}, (t) => clearValidation(t.sheet, t.rect));
  }
}
