/**
 * Weights (分值). A national form prints them; seed 000 and seed 002 do not. Without a 分值 column the engine
 * proposes the 财预〔2020〕10号 split (DOMAIN.md §3): 预算执行率 10 (the setting), 产出 50, 效益 30, 满意度 10, each
 * split evenly over its indicators. 一级 groups that have no indicator give their points to the others in
 * proportion (seed 000 has no 满意度 row: 产出 and 效益 share 90 as 5 : 3), so the sheet still totals 100; when
 * some indicator has no known 一级 (seed 002 lists tasks, not 一级), the 90 points are split evenly over all.
 * Weights are rounded to 0.01 and the last of a group takes the rounding rest, so the groups add up exactly.
 * The checks then compare the 三级 weights with the subtotals the form printed and with 100 in all.
 */
import type { IndicatorModel } from './model';
import type { DeclaredWeight } from './readTable';
import type { WeightCheck } from './report';

/** 一级 groups of the default split. 成本指标 (newer forms list it as an 一级) counts with 产出, as its 二级 did. */
const STANDARD_GROUPS: Array<{ group: string; points: number; pattern: RegExp }> = [
  { group: '产出指标', points: 50, pattern: /产出|成本/ },
  { group: '效益指标', points: 30, pattern: /效益|效果/ },
  { group: '满意度指标', points: 10, pattern: /满意/ },
];
export const TOTAL_POINTS = 100;
const TOLERANCE = 0.005;

/** The standard 一级 group of an indicator: its 一级 when known, else 满意度 when its name says so, else null. */
export function standardGroup(level1: string | null, name: string): string | null {
  const probe = level1 ?? (/满意/.test(name) ? '满意' : '');
  return STANDARD_GROUPS.find((g) => g.pattern.test(probe))?.group ?? null;
}

/** Splits `points` over `count` indicators in cents; the first ones take one cent more until the sum is exact. */
function evenSplit(points: number, count: number): number[] {
  const cents = Math.round(points * 100);
  const each = Math.floor(cents / count);
  const extra = cents - each * count;
  return Array.from({ length: count }, (_, i) => (each + (i < extra ? 1 : 0)) / 100);
}

export interface WeightOutcome {
  /** True when the defaults were used for at least one indicator. */
  defaulted: boolean;
  /** How the defaults were split, for the flag message. */
  basis: 'standard' | 'even' | null;
  /** Indicators from a table with a 分值 column whose 分值 cell is empty. */
  missing: IndicatorModel[];
}

/**
 * Sets `weight` on every indicator model (not the 预算执行率 one, set from the settings). Source 分值 wins; a 分值
 * the user typed in the built sheet comes next (kept from the previous run); the defaults fill the rest.
 */
export function assignWeights(models: IndicatorModel[], executionWeight: number): WeightOutcome {
  const outcome: WeightOutcome = { defaulted: false, basis: null, missing: [] };
  const formHasWeights = models.some((m) => m.source.weight !== undefined && m.source.weight !== null);
  for (const m of models) {
    if (m.source.weight !== undefined && m.source.weight !== null) {
      m.weight = m.source.weight;
      m.weightSource = 'source';
    } else if (formHasWeights && m.weightSource !== 'sheet') {
      outcome.missing.push(m);
    }
  }
  if (formHasWeights) return outcome;

  const remaining = Math.max(0, TOTAL_POINTS - executionWeight);
  const groups = models.map((m) => standardGroup(m.source.level1, m.source.name));
  const defaults = new Map<IndicatorModel, number>();
  if (groups.every((g) => g !== null)) {
    outcome.basis = 'standard';
    const present = STANDARD_GROUPS.filter((g) => groups.includes(g.group));
    const presentPoints = present.reduce((s, g) => s + g.points, 0);
    for (const g of present) {
      const members = models.filter((_, i) => groups[i] === g.group);
      evenSplit((remaining * g.points) / presentPoints, members.length).forEach((w, i) => defaults.set(members[i]!, w));
    }
  } else if (models.length > 0) {
    outcome.basis = 'even';
    evenSplit(remaining, models.length).forEach((w, i) => defaults.set(models[i]!, w));
  }
  for (const m of models) {
    if (m.weightSource === 'sheet') continue;
    m.weight = defaults.get(m) ?? null;
    m.weightSource = m.weight === null ? 'none' : 'default';
    outcome.defaulted = true;
  }
  return outcome;
}

const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 1e6) / 1e6;

/** Do the 三级 weights add up to the subtotals the form printed, and everything to 100? */
export function checkWeights(models: IndicatorModel[], execution: IndicatorModel, declared: DeclaredWeight[]): WeightCheck[] {
  const checks: WeightCheck[] = [];
  const weightOf = (ms: IndicatorModel[]) => sum(ms.map((m) => m.weight ?? 0));
  for (const d of declared) {
    if (d.scope === 'total') continue;
    const under = models.filter(
      (m) => m.source.sheet === d.sheet && m.source.level1 === d.level1 && (d.scope === 'level1' || m.source.level2 === d.level2),
    );
    const actual = weightOf(under);
    const name = d.scope === 'level1' ? (d.level1 ?? '') : `${d.level1 ?? ''} / ${d.level2 ?? ''}`;
    checks.push({ scope: d.scope, name, expected: d.weight, actual, ok: Math.abs(actual - d.weight) <= TOLERANCE, basis: 'form', sheet: d.sheet, row: d.row });
  }
  const printedTotal = declared.find((d) => d.scope === 'total');
  const all = weightOf(models) + (execution.weight ?? 0);
  const expected = printedTotal?.weight ?? TOTAL_POINTS;
  checks.push({
    scope: 'total',
    name: '合计',
    expected,
    actual: sum([all]),
    ok: Math.abs(all - expected) <= TOLERANCE,
    basis: printedTotal ? 'form' : 'standard',
    ...(printedTotal ? { sheet: printedTotal.sheet, row: printedTotal.row } : {}),
  });
  return checks;
}
