/**
 * Entry point of the indicator engine: snapshots (and the budget report, for the 预算执行率 link) in, report and
 * the plan of the sheet 绩效指标完成情况 out. Pure: no Office, DOM or Node.
 *
 *   snapshots ─► findIndicatorTables ─► readIndicatorTable ─► readModel (parse, extract, user's corrections)
 *             ─► executionModel ─► assignWeights / checkWeights ─► entryOf (report) ─► planIndicatorSheet
 *
 * The sheet this engine built earlier is recognised by its header (目标值, 实际值, 方向, 完成率, 定性评级, 状态…),
 * never read as a user's table, and read for the user's answers (corrected numbers, 方向, band, 分值, 偏差原因),
 * which the rewrite keeps. A sheet already named 绩效指标完成情况 that holds the user's own tables (the seed 002
 * sample does) is left alone: the engine builds 绩效指标完成情况（自评） instead.
 */
import type { SheetSnapshot } from '../snapshot';
import { cellAddress, columnLetter } from '../snapshot';
import type { Settings } from '../settings';
import type { Plan } from '../plan';
import { SheetGrid } from '../grid';
import type { BudgetReport } from '../budget/report';
import { findIndicatorTables } from './findTables';
import { readIndicatorTable, type DeclaredWeight, type SourceIndicator } from './readTable';
import { readOwnSheet, EXECUTION_KEY, type OwnSheet } from './ownSheet';
import { OUTPUT_SHEET, OUTPUT_SHEET_FALLBACK, OWN_COLUMNS } from './headers';
import { readModel, type IndicatorModel } from './model';
import { executionLink, executionModel, isExecutionIndicator } from './execution';
import { assignWeights, checkWeights } from './weights';
import { entryOf } from './entries';
import { layoutRows, planIndicatorSheet, type SheetPlanInput } from './planSheet';
import { gradeOf, type IndicatorFlag, type IndicatorReport, type IndicatorTableReport } from './report';

export interface IndicatorAnalysis {
  report: IndicatorReport;
  plan: Plan;
}

interface Scan {
  sources: SourceIndicator[];
  declared: DeclaredWeight[];
  tables: IndicatorTableReport[];
  /** Sheets this engine built, by name. */
  own: Map<string, OwnSheet>;
}

function scan(snapshots: SheetSnapshot[]): Scan {
  const out: Scan = { sources: [], declared: [], tables: [], own: new Map() };
  for (const snapshot of snapshots) {
    const grid = new SheetGrid(snapshot);
    const layouts = findIndicatorTables(grid);
    const ownLayout = layouts.find((t) => t.kind === 'own');
    if (ownLayout) {
      // Our own sheet: the source of the user's answers, never an input table.
      out.own.set(snapshot.name, readOwnSheet(grid, snapshot.name, ownLayout));
      continue;
    }
    for (const t of layouts) {
      const read = readIndicatorTable(grid, snapshot.name, t);
      out.sources.push(...read.indicators);
      out.declared.push(...read.declared);
      const columns = Object.fromEntries(Object.entries(t.columns).map(([role, col]) => [role, columnLetter(col!)]));
      out.tables.push({ sheet: snapshot.name, headerRow: t.headerRow, firstRow: t.firstDataRow, lastRow: t.lastRow, layout: t.kind, columns, indicators: read.indicators.length });
    }
  }
  return out;
}

const isEmptySheet = (s: SheetSnapshot) => s.values.every((row) => row.every((v) => v === null || v === ''));

/** 绩效指标完成情况, unless a sheet of that name holds something that is not ours: then the fallback names. */
function outputSheetName(snapshots: SheetSnapshot[], own: Map<string, OwnSheet>): string {
  for (let n = 0; ; n++) {
    const name = n === 0 ? OUTPUT_SHEET : n === 1 ? OUTPUT_SHEET_FALLBACK : `${OUTPUT_SHEET}（自评${n}）`;
    const existing = snapshots.find((s) => s.name === name);
    if (!existing || own.has(name) || isEmptySheet(existing)) return name;
  }
}

/** Without any table of the user's, the rows of our own sheet are the indicators (the user keeps them there). */
function sourcesFromOwn(own: OwnSheet): SourceIndicator[] {
  return own.indicators.map((r) => ({
    sheet: own.sheet,
    row: r.row,
    layout: 'own',
    headerRow: 2,
    level1: r.level1 || null,
    level2: r.level2 || null,
    task: null,
    name: r.level3,
    targetText: r.targetText,
    actualText: r.actualText,
    targetUnit: null,
    actualUnit: null,
    deviationReason: null,
    key: r.key,
    targetCell: '',
    actualCell: '',
  }));
}

export function analyzeIndicators(snapshots: SheetSnapshot[], settings: Settings, budget?: BudgetReport): IndicatorAnalysis {
  const found = scan(snapshots);
  const sheet = outputSheetName(snapshots, found.own);
  const own = found.own.get(sheet);
  const existing = snapshots.find((s) => s.name === sheet);
  // Rows the user added by hand in the built sheet are kept on a refresh, after the source tables' rows.
  const handAdded = own ? sourcesFromOwn(own).filter((s) => s.key.startsWith(`${own.sheet}!`)) : [];
  const sources = found.sources.length > 0 ? [...found.sources, ...handAdded] : own ? sourcesFromOwn(own) : [];

  const execSource = sources.find((s) => isExecutionIndicator(s.name));
  const models: IndicatorModel[] = sources.filter((s) => s !== execSource).map((s) => readModel(s, own?.rows));
  const link = executionLink(budget, snapshots);
  const execution = executionModel(link, execSource, sheet, settings.scoring.executionWeight);
  const ownExec = own?.rows.get(EXECUTION_KEY);
  if (ownExec) {
    // Typed by the user when there is no budget table to link to; the reason they wrote, either way.
    if (!link && ownExec.actual !== null && ownExec.actual !== execution.parts[0]!.actual) {
      execution.parts[0]!.actual = ownExec.actual;
      execution.actualCorrected = true;
    }
    if (ownExec.reason !== '') execution.deviationReason = ownExec.reason;
  }

  const weights = assignWeights(models, settings.scoring.executionWeight);
  const weightChecks = checkWeights(models, execution, found.declared);
  const all = [execution, ...models];
  const layout = layoutRows(all);
  const flags: IndicatorFlag[] = [];
  const notes: SheetPlanInput['notes'] = [];
  const indicators = all.map((m) => {
    const out = entryOf(m, layout.rows.get(m)!, settings, sheet);
    flags.push(...out.flags);
    notes.push(...out.notes);
    return out.entry;
  });
  flags.push(...weightFlags(sheet, layout.weightsRow, weights, weightChecks));
  if (models.length === 0) {
    const message = '未找到绩效指标表（需有 指标/三级指标、年度指标值/预期值、实际完成值/实际值 列）：只生成了预算执行率一行，可在表中补填指标';
    flags.push({ sheet, row: layout.rows.get(execution)!.main, cell: 'C3', name: '绩效指标', rule: 'no-indicators', level: 'info', message });
  }

  const expectedTotal = weightChecks.find((c) => c.scope === 'total')?.expected ?? 100;
  const plan = planIndicatorSheet({
    sheet,
    existing: existing ? new SheetGrid(existing) : null,
    clear: own?.area ?? null,
    createAfter: sources[0]?.sheet ?? link?.sheet,
    models: all,
    layout,
    expectedTotal,
    notes,
    settings,
  });

  // Rounded at 1e-9: sums of weights like 2.45 + 2.44 + … should read 100, not 99.99999999999996.
  const tidy = (x: number) => Number(x.toFixed(9));
  const score = tidy(indicators.reduce((s, e) => s + (e.score ?? 0), 0));
  const max = tidy(indicators.reduce((s, e) => s + (e.weight ?? 0), 0));
  const unscored = indicators.filter((e) => e.score === null).length;
  const report: IndicatorReport = {
    indicators,
    flags,
    total: { score, grade: gradeOf(score), max, unscored },
    weightChecks,
    tables: found.tables,
    sheet,
    refreshed: own !== undefined,
  };
  return { report, plan };
}

function weightFlags(sheet: string, row: number, w: ReturnType<typeof assignWeights>, checks: ReturnType<typeof checkWeights>): IndicatorFlag[] {
  const cell = cellAddress(row, OWN_COLUMNS.weight.col);
  const flags: IndicatorFlag[] = [];
  if (w.defaulted) {
    const how = w.basis === 'standard' ? '按 产出 50 / 效益 30 / 满意度 10 的比例分配剩余分值，各一级内平均' : '一级指标不全，剩余分值平均分配到各指标';
    flags.push({ sheet, row, cell, name: '分值', rule: 'default-weights', level: 'info', message: `来源表没有分值：预算执行率按设置计分，${how}；可在分值列修改` });
  }
  for (const m of w.missing)
    flags.push({ sheet, row, cell, name: m.source.name, rule: 'weight-missing', level: 'red', message: `${m.source.name}：来源表的分值为空，该指标不计分` });
  for (const c of checks.filter((x) => !x.ok)) {
    const where = c.basis === 'form' ? `表中${c.name}的分值 ${c.expected}` : `总分 ${c.expected}`;
    flags.push({ sheet: c.sheet ?? sheet, row: c.row ?? row, cell, name: c.name, rule: 'weights', level: 'red', message: `分值不一致：下级指标分值合计 ${c.actual}，应等于${where}` });
  }
  return flags;
}
