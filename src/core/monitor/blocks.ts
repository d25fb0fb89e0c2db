/**
 * The two blocks of the monitor: one row per project (all formulas, linked to the budget sheet) and one row per
 * indicator (target and current value as numbers, projection and deviation as formulas, the user's drop-downs).
 * Each returns its report rows, computed by the same rules as its formulas.
 */
import { cellAddress, columnLetter } from '../snapshot';
import type { SheetEdits } from '../nextYear/cellEdits';
import { RATE_FORMAT } from '../budget/rates';
import type { FundingSource } from './funding';
import type { IndicatorLine } from './indicatorLines';
import type { UserAnswers } from './existing';
import { FUNDING_COLUMNS, INDICATOR_COLUMNS, SUMMARY_ROWS, SUMMARY_VALUE_COL, type FundingColumn, type IndicatorColumn } from './layout';
import { lightFormula, lightOf, progressFormula, progressRatio } from './light';
import type { MonitorIndicator, MonitorProject } from './report';

export const AMOUNT_FORMAT = '#,##0.00';
export const RATIO_FORMAT = '0.00';
/** Every formula reads 序时进度 from the summary, so changing the month there updates the sheet. */
export const SCHEDULE_REF = `$${columnLetter(SUMMARY_VALUE_COL)}$${SUMMARY_ROWS.schedule.row}`;

const f = (key: FundingColumn, row: number) => cellAddress(row, FUNDING_COLUMNS[key].col);
const g = (key: IndicatorColumn, row: number) => cellAddress(row, INDICATOR_COLUMNS[key].col);

export function planHeader(edits: SheetEdits, row: number, columns: typeof FUNDING_COLUMNS | typeof INDICATOR_COLUMNS) {
  for (const c of Object.values(columns)) edits.set({ row, col: c.col, input: c.header, purpose: 'header', headerStyle: true });
}

export function planFundingRows(edits: SheetEdits, first: number, projects: FundingSource[], month: number): MonitorProject[] {
  const C = FUNDING_COLUMNS;
  return projects.map((p, i) => {
    const row = first + i;
    const set = (key: FundingColumn, input: string | number, numberFormat?: string) =>
      edits.set({ row, col: C[key].col, input, purpose: typeof input === 'string' && input.startsWith('=') ? 'rate' : 'value', ...(numberFormat ? { numberFormat } : {}) });
    set('serial', i + 1);
    set('name', p.name);
    set('unit', p.unit);
    set('adjusted', `=IFERROR(${p.budgetExpr},"--")`, AMOUNT_FORMAT);
    set('actual', `=IFERROR(${p.actualExpr},"--")`, AMOUNT_FORMAT);
    set('rate', `=IFERROR(${f('actual', row)}/${f('adjusted', row)},"--")`, RATE_FORMAT);
    set('schedule', `=${SCHEDULE_REF}`, RATE_FORMAT);
    set('progress', progressFormula(f('rate', row), f('schedule', row)), RATIO_FORMAT);
    set('light', lightFormula(f('progress', row)));
    set('source', p.key);
    const progress = progressRatio(p.executionRate, month);
    return {
      sheet: p.sheet,
      row: p.row,
      name: p.name,
      adjusted: p.adjusted,
      actual: p.actual,
      executionRate: p.executionRate,
      progress,
      light: lightOf(progress),
      outputRow: row,
      cells: { adjusted: p.budgetCells, actual: p.actualCell },
    };
  });
}

/** Projected year-end completion, as the sheet's formula computes it. */
export function projectedCompletion(line: Pick<IndicatorLine, 'direction' | 'cumulative'>, target: unknown, current: unknown, month: number): number | null {
  if (typeof target !== 'number' || typeof current !== 'number') return null;
  const projected = line.cumulative ? current / (month / 12) : current;
  if (line.direction === 'lower') return projected <= target ? 1 : target / projected;
  return target === 0 ? null : projected / target;
}

function projectedFormula(line: IndicatorLine, row: number): string {
  const [D, E] = [g('target', row), g('current', row)];
  const p = line.cumulative ? `${E}/${SCHEDULE_REF}` : E;
  const value = line.direction === 'lower' ? `IF(${p}<=${D},1,${D}/(${p}))` : `IF(${D}=0,"--",(${p})/${D})`;
  return `=IF(AND(ISNUMBER(${D}),ISNUMBER(${E})),${value},"")`;
}

export function planIndicatorRows(edits: SheetEdits, first: number, lines: IndicatorLine[], answers: Map<string, UserAnswers>, month: number): MonitorIndicator[] {
  const C = INDICATOR_COLUMNS;
  return lines.map((line, i) => {
    const row = first + i;
    const kept = answers.get(line.key);
    const set = (key: IndicatorColumn, input: string | number | null, numberFormat?: string) =>
      edits.set({ row, col: C[key].col, input, purpose: typeof input === 'string' && input.startsWith('=') ? 'rate' : 'value', ...(numberFormat ? { numberFormat } : {}) });
    // The source's value when it has one; else what the user typed here last time.
    const current = line.current ?? kept?.current ?? null;
    const currentFrom = line.current !== null ? 'source' : current !== null ? 'user' : null;
    set('serial', i + 1);
    set('name', line.name);
    set('unit', line.unit);
    set('target', line.target);
    set('current', current);
    set('projected', projectedFormula(line, row), RATE_FORMAT);
    set('deviation', `=IF(ISNUMBER(${g('projected', row)}),${g('projected', row)}-1,"")`, RATE_FORMAT);
    set('likelihood', kept?.likelihood || null);
    set('reason', kept?.reason || null);
    set('source', line.key);
    const projected = projectedCompletion(line, line.target, current, month);
    return {
      sheet: line.sheet,
      row: line.row,
      key: line.key,
      name: line.name,
      unit: line.unit,
      target: line.target,
      current,
      currentFrom,
      projected,
      deviation: projected === null ? null : projected - 1,
      direction: line.direction,
      cumulative: line.cumulative,
      likelihood: kept?.likelihood ?? '',
      reason: kept?.reason ?? '',
      outputRow: row,
    };
  });
}
