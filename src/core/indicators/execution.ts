/**
 * The 预算执行率 indicator (DOMAIN.md §3): min(执行率, 100%) × its weight (settings.scoring.executionWeight, 10 by
 * default), or the Jiangxi tiers. Its rate is linked by formula to the execution-rate cell of the budget table's
 * 合计 row, so editing an amount in the budget sheet changes the score; without a budget table it is typed.
 */
import type { BudgetReport, TableReport } from '../budget/report';
import { cellAddress, columnNumber, type SheetSnapshot } from '../snapshot';
import { SheetGrid } from '../grid';
import type { ScoringSettings } from '../settings';
import { parseIndicatorValue } from './parseValue';
import { extractActual } from './extractActual';
import type { IndicatorModel } from './model';
import type { SourceIndicator } from './readTable';
import { unparsed } from './types';

export interface ExecutionLink {
  sheet: string;
  row: number;
  /** "'表1-2'!F11": quoted, for a formula on another sheet. */
  ref: string;
  /** "F11". */
  cell: string;
  /** The rate the budget engine computed (a fraction), for the report. */
  rate: number | null;
}

/** A source row that is the 预算执行率 indicator itself (national forms list it among the others). */
export function isExecutionIndicator(name: string): boolean {
  return /^(?:部门|项目)?(?:预算|资金|预算资金)?(?:执行率|支出率)$/.test(name.replace(/\s+/g, ''));
}

export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The 合计 row to link to: among tables that have one and an execution-rate column, the one with the largest
 * adjusted budget — the department-wide summary (表1-2), not a project table of the same workbook.
 */
export function executionLink(budget: BudgetReport | undefined, snapshots: SheetSnapshot[] = []): ExecutionLink | null {
  let best: { table: TableReport; row: TableReport['rows'][number] } | null = null;
  for (const table of budget?.tables ?? []) {
    if (!table.columns.executionRate) continue;
    for (const row of table.rows) {
      if (row.kind !== 'total') continue;
      if (!best || (row.adjusted ?? -Infinity) > (best.row.adjusted ?? -Infinity)) best = { table, row };
    }
  }
  if (!best) return null;
  const { sheet } = best.table;
  const cell = cellAddress(best.row.row, columnNumber(best.table.columns.executionRate!));
  // A rate the user typed stays in the cell (the budget plan skips it): the link, and so the report, read that.
  const typed = budget?.skipped.some((x) => x.sheet === sheet && x.cell === cell);
  const rate = typed ? typedRate(snapshots.find((x) => x.name === sheet), best.row.row, columnNumber(best.table.columns.executionRate!)) : best.row.executionRate;
  return { sheet, row: best.row.row, ref: `${quoteSheet(sheet)}!${cell}`, cell, rate };
}

/** A typed rate as the formula ×100 reads it: 0.9815, or text "98.15%"; null for "--" or anything else. */
function typedRate(snapshot: SheetSnapshot | undefined, row: number, col: number): number | null {
  if (!snapshot) return null;
  const v = new SheetGrid(snapshot).rawValue(row, col);
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v) : null;
  return m ? Number(m[1]) / 100 : null;
}

/** The score rule as a function of the rate (a fraction); the sheet's formula says the same (formulas.ts). */
export function executionShare(rate: number, rule: ScoringSettings['executionRule']): number {
  if (rule === 'jiangxi') return rate >= 1 ? 1 : rate >= 0.8 ? 0.7 : rate >= 0.6 ? 0.5 : 0;
  return Math.max(0, Math.min(rate, 1));
}

/**
 * The 预算执行率 model: target 100 %, actual the linked rate (× 100, like the other percentages of the sheet)
 * or, without a link, what the source row printed, or nothing for the user to type.
 */
export function executionModel(link: ExecutionLink | null, fromSource: SourceIndicator | undefined, outputSheet: string, weight: number): IndicatorModel {
  const source: SourceIndicator = fromSource ?? {
    sheet: link?.sheet ?? outputSheet,
    row: link?.row ?? 0,
    layout: 'own',
    headerRow: 0,
    level1: '预算执行率',
    level2: null,
    task: null,
    name: '预算执行率',
    targetText: '100%',
    actualText: link ? `见 ${link.sheet} ${link.cell}（合计行执行率）` : '',
    targetUnit: null,
    actualUnit: null,
    deviationReason: null,
    key: '预算执行率',
    targetCell: '',
    actualCell: '',
  };
  const target = parseIndicatorValue('100%');
  let actual = link ? unparsed(source.actualText, '预算执行率链接到预算表的合计行') : extractActual(source.actualText, target);
  let actualValue: number | null = null;
  if (link && link.rate !== null) {
    actualValue = Number((link.rate * 100).toPrecision(12));
    actual = { ...target, text: source.actualText, comparison: null, direction: null, value: actualValue, parts: [{ value: actualValue, unit: '%' }] };
  } else if (!link && actual.kind === 'number') {
    actualValue = actual.value;
  }
  return {
    kind: 'execution',
    source: { ...source, key: '预算执行率', level1: '预算执行率' },
    target,
    actual,
    targetCorrected: false,
    actualCorrected: false,
    direction: 'higher',
    displayScale: 1,
    baseUnit: '%',
    unitLabel: '%',
    parts: [{ target: 100, actual: actualValue }],
    weight,
    weightSource: 'settings',
    band: null,
    deviationReason: fromSource?.deviationReason ?? null,
    linkedCell: link?.ref ?? null,
  };
}
