/**
 * Filling a form in place: the budget line's 得分, each indicator's 得分 and the 总分, as live formulas in the form's
 * own cells. Nothing is added around the form and nothing the user typed is replaced (unless overwrite is on): a
 * typed 得分 (a qualitative item, a 管理效率 item) stands and counts in the 总分. The rate formulas of the budget block
 * are the budget engine's (planTable), as on any table.
 */
import type { SheetGrid } from '../grid';
import { cellAddress, columnLetter, parseCell } from '../snapshot';
import type { Settings } from '../settings';
import type { Plan } from '../plan';
import type { ScoringScheme } from '../schemes';
import type { ReadTable } from '../budget/readTable';
import { planColumnWrites, contiguousRuns, type CellIntent } from '../budget/columnWrites';
import { readIndicatorTable, type SourceIndicator } from '../indicators/readTable';
import { readModel } from '../indicators/model';
import { isExecutionIndicator } from '../indicators/execution';
import { blankActualExpression, budgetScoreFormula, budgetShare, coefficientFormula, indicatorScoreFormula, isOwnFormFormula, numberExpression, SCORE_FORMAT, totalScoreFormula, writtenNumber } from './formulas';
import { formBudgetCells, partsCheck } from './budgetBlock';
import { FORM_LABEL, type FormLayout, type FormReport } from './types';

export interface FormPlanInput {
  grid: SheetGrid;
  sheet: string;
  form: FormLayout;
  /** The budget block as the budget engine read it (null when it found none). */
  table: ReadTable | null;
  settings: Settings;
  scheme: ScoringScheme;
  plan: Plan;
}

/** Collects the cells to write, column by column, and the typed cells left alone. */
class FormWrites {
  /** Intents by column and number format (the budget line's 得分 may show fewer decimals than the indicators'). */
  readonly byCol = new Map<string, CellIntent[]>();
  readonly kept: string[] = [];
  constructor(
    private readonly grid: SheetGrid,
    private readonly overwrite: boolean,
  ) {}

  /** Plans `formula` at (row, col) unless it is there already, the cell is covered, or the user typed something there. */
  set(row: number, col: number, formula: string, numberFormat = SCORE_FORMAT): void {
    const g = this.grid;
    if (g.isCoveredByMerge(row, col)) return;
    const existing = g.input(row, col);
    const format = g.numberFormat(row, col);
    if (existing === formula && (format === null || format === numberFormat)) return;
    const ours = existing === null || (typeof existing === 'string' && isOwnFormFormula(existing));
    if (!ours && !this.overwrite) {
      this.kept.push(cellAddress(row, col));
      return;
    }
    const key = `${col}|${numberFormat}`;
    const list = this.byCol.get(key) ?? [];
    list.push({ row, input: formula, before: existing, beforeFormat: format });
    this.byCol.set(key, list);
  }

  into(plan: Plan): void {
    for (const [key, intents] of this.byCol) {
      const [col, format] = [Number(key.slice(0, key.indexOf('|'))), key.slice(key.indexOf('|') + 1)];
      plan.writes.push(...planColumnWrites(col, intents.sort((a, b) => a.row - b.row), format, 'value'));
    }
  }
}

function budgetPart(i: FormPlanInput, w: FormWrites): { report: FormReport['budget']; scoreCell: string | null } {
  const t = i.table;
  if (!t) return { report: null, scoreCell: null };
  const cells = formBudgetCells(i.grid, t);
  const { totalRow, weightCol, scoreCol, rateCol } = cells;
  const at = (col: number | null) => (col === null || totalRow === null ? null : cellAddress(totalRow, col));
  const typedWeight = weightCol !== null && totalRow !== null ? i.grid.rawValue(totalRow, weightCol) : null;
  const weight = typeof typedWeight === 'number' ? typedWeight : i.scheme.scoring.executionWeight;
  const weightExpr = typeof typedWeight === 'number' ? at(weightCol)! : String(weight);
  let scoreCell: string | null = null;
  if (totalRow !== null && scoreCol !== null && rateCol !== null && !i.grid.isCoveredByMerge(totalRow, scoreCol)) {
    const decimals = i.scheme.executionDecimals;
    w.set(totalRow, scoreCol, budgetScoreFormula(cellAddress(totalRow, rateCol), weightExpr, i.scheme), decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');
    scoreCell = at(scoreCol);
  }
  const rate = t.rows.find((r) => r.row === totalRow)?.report.executionRate ?? null;
  return {
    scoreCell,
    report: {
      firstRow: t.layout.headerRows[0],
      lastRow: t.layout.lastRow,
      totalRow,
      rateCell: at(rateCol),
      weightCell: at(weightCol),
      scoreCell,
      score: rate === null ? null : weight * budgetShare(rate, i.scheme),
      weight,
    },
  };
}

/** Why an indicator gets no formula, in Chinese, or null when it gets one. */
function indicatorFormula(i: FormPlanInput, s: SourceIndicator, weightCol: number | undefined): { formula: string } | { reason: string } {
  if (weightCol === undefined || typeof s.weight !== 'number') return { reason: '没有分值：请在分值（权重）栏填写' };
  const m = readModel(s, undefined);
  if (m.direction === 'qualitative') return { reason: '定性指标：请按完成档次在得分栏填写得分' };
  const a = parseCell(s.actualCell);
  const blank = s.actualText.trim() === '' && m.target.kind === 'number';
  if (m.target.kind !== 'number' || (m.actual.kind !== 'number' && !blank)) {
    const why = m.target.kind === 'multi' ? '含多个数值' : m.actual.kind === 'unparsed' && m.actual.text.trim() === '' ? '尚未填写完成值' : '数值无法读取';
    return { reason: `${why}：无法生成得分公式，请手工填写得分` };
  }
  const t = parseCell(s.targetCell);
  const target = numberExpression(i.grid, t.row, t.col, writtenNumber(m.target));
  // A form filled in before the year's results: the formula waits for the 完成值 and scores it once typed.
  const actual = blank ? blankActualExpression(a.row, a.col, i.grid.displayText(t.row, t.col)) : numberExpression(i.grid, a.row, a.col, writtenNumber(m.actual));
  if (blank && target && !actual) return { reason: '尚未填写完成值（百分数）：填写后重新识别即生成得分公式' };
  if (!target || !actual) return { reason: '单元格中的数值不止一个或格式特殊：无法生成得分公式，请手工填写得分' };
  const factor = blank ? 1 : m.actual.scale / m.target.scale;
  const cells = { target, actual, actualRef: s.actualCell, weightRef: cellAddress(s.row, weightCol), factor };
  const formula = indicatorScoreFormula(cells, m.direction, i.settings.scoring.lowerIsBetter);
  return formula ? { formula } : { reason: '方向未定（≥ / ≤ / =）：无法生成得分公式，请手工填写得分' };
}

function indicatorPart(i: FormPlanInput, w: FormWrites, budgetScore: string | null): FormReport['indicators'] {
  const layout = i.form.indicators;
  if (!layout) return null;
  const read = readIndicatorTable(i.grid, i.sheet, layout);
  const { score: scoreCol, weight: weightCol } = layout.columns;
  const unscored: NonNullable<FormReport['indicators']>['unscored'] = [];
  let formulas = 0;
  for (const s of read.indicators) {
    if (scoreCol === undefined) break;
    if (s.enteredScore != null) continue; // the user's own score
    const r = indicatorFormula(i, s, weightCol);
    if ('reason' in r) unscored.push({ row: s.row, name: s.name, reason: r.reason });
    else {
      w.set(s.row, scoreCol, r.formula);
      formulas++;
    }
  }
  const { coefficient } = layout.columns;
  if (coefficient !== undefined && scoreCol !== undefined && weightCol !== undefined)
    for (const s of read.indicators) w.set(s.row, coefficient, coefficientFormula(cellAddress(s.row, scoreCol), cellAddress(s.row, weightCol)), '0.00%');
  let totalCell: string | null = null;
  const totalRow = read.declared.find((d) => d.scope === 'total')?.row;
  const rows = read.indicators.map((s) => s.row);
  if (scoreCol !== undefined && totalRow !== undefined && rows.length > 0 && !i.grid.isCoveredByMerge(totalRow, scoreCol)) {
    const areas = contiguousRuns(rows).map(([a, b]) => (a === b ? cellAddress(a, scoreCol) : `${cellAddress(a, scoreCol)}:${cellAddress(b, scoreCol)}`));
    // A form that lists 预算执行率 among its indicators scores it there: the budget line is not added again.
    const listsExecution = read.indicators.some((s) => isExecutionIndicator(s.name));
    w.set(totalRow, scoreCol, totalScoreFormula(budgetScore && !listsExecution ? [budgetScore, ...areas] : areas));
    totalCell = cellAddress(totalRow, scoreCol);
  }
  return {
    headerRow: layout.headerRow,
    firstRow: layout.firstDataRow,
    lastRow: layout.lastRow,
    scoreColumn: scoreCol === undefined ? null : columnLetter(scoreCol),
    weightColumn: weightCol === undefined ? null : columnLetter(weightCol),
    totalCell,
    formulas,
    unscored,
  };
}

function notAdded(t: ReadTable | null): string[] {
  if (!t) return [];
  const out: string[] = [];
  if (t.execCol === null) out.push('表中没有“执行率”列：未增加列，表格保持原样（执行率见报告）');
  if (t.adjCol === null) out.push('表中没有“预算调整率”列：未增加列，表格保持原样（调整率见报告）');
  return out;
}

export function planForm(i: FormPlanInput): FormReport {
  const w = new FormWrites(i.grid, i.settings.overwrite);
  const budget = budgetPart(i, w);
  const indicators = indicatorPart(i, w, budget.scoreCell);
  w.into(i.plan);
  const { scheme } = i;
  return {
    sheet: i.sheet,
    kind: i.form.kind,
    label: FORM_LABEL[i.form.kind],
    title: i.form.title,
    scheme: { id: scheme.id, label: scheme.label, source: scheme.source, official: scheme.official },
    budget: budget.report,
    indicators,
    notAdded: notAdded(i.table),
    partsCheck: i.table ? partsCheck(i.table) : [],
    kept: w.kept,
  };
}
