/**
 * Entry point of next year's template: snapshots in, report and one plan per new sheet out. Pure: no Office, DOM
 * or Node. The input sheets are never written: every plan targets a new sheet made with `copyFrom` its source
 * (layout, merges, widths, heights, formats, frozen panes, print settings come with the copy) and placed right
 * after it; the plan then changes only what differs next year.
 *
 *   snapshots ─► planRollover (which sheets, which names, which year) ─► per sheet, on the copy:
 *     budget tables    ─► readTable ─► planBudgetTemplate (empty inputs, SUM totals, rate formulas, notes)
 *     indicator tables ─► planIndicatorTemplate (empty actuals, notes on over-achievers)
 *     titles / headers / notes ─► planYearShift;   notes ─► planTemplateNotes
 */
import type { SheetSnapshot } from '../snapshot';
import { cellAddress } from '../snapshot';
import type { Settings } from '../settings';
import { emptyPlan, type Plan } from '../plan';
import { readTable } from '../budget/readTable';
import { analyzeIndicators } from '../indicators/analyze';
import { SheetEdits } from './cellEdits';
import { planBudgetTemplate, type NoteIntent } from './budgetTemplate';
import { planIndicatorTemplate } from './indicatorTemplate';
import { planTemplateNotes } from './notes';
import { planYearShift } from './titles';
import { planRollover, type NextYearTarget } from './targets';
import type { NextYearReport, NextYearSheetReport } from './report';

export interface NextYearOptions {
  /** Next year; by default the latest year the sheets' titles name, plus one. */
  year?: number;
  /** Add a 上年实际支出 column right of each budget table, holding this year's actuals (off by default). */
  carryActuals?: boolean;
}

export interface NextYearPlan {
  report: NextYearReport;
  /** One plan per new sheet, in workbook order; none for a sheet that already exists. */
  plans: Plan[];
}

/** Checks the options; one problem per line, in Chinese and English, or an empty list. */
export function validateNextYearOptions(o: NextYearOptions): string[] {
  if (o.year !== undefined && !(Number.isInteger(o.year) && o.year >= 1900 && o.year <= 9999))
    return [`年度应为四位整数，如 2022 / year must be a four-digit whole number such as 2022 (got ${o.year})`];
  return [];
}

/** This year's completion of the indicators over 150 %, per source sheet and row (the indicator engine's verdict). */
function overAchievers(snapshots: SheetSnapshot[], settings: Settings): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const e of analyzeIndicators(snapshots, settings).report.indicators) {
    if (e.kind !== 'indicator' || e.status !== 'over' || e.completion === null) continue;
    const rows = out.get(e.sheet) ?? new Map<number, number>();
    rows.set(e.row, e.completion);
    out.set(e.sheet, rows);
  }
  return out;
}

function baseReport(t: NextYearTarget): NextYearSheetReport {
  return {
    from: t.source,
    to: t.target,
    tables: t.scan.budget.length + t.scan.indicators.length,
    rowsKept: 0,
    cellsCleared: 0,
    year: t.year,
    yearSource: t.yearSource,
    budgetTables: t.scan.budget.length,
    indicatorTables: t.scan.indicators.length,
    sums: 0,
    rates: 0,
    yearsMoved: 0,
    carriedActuals: [],
    notes: [],
    staleNotesRemoved: 0,
  };
}

function planSheet(t: NextYearTarget, settings: Settings, options: NextYearOptions, over: Map<number, number>): { plan: Plan; report: NextYearSheetReport } {
  const { scan } = t;
  const plan: Plan = { ...emptyPlan(t.target), createSheet: true, copyFrom: t.source, createAfter: t.source };
  const edits = new SheetEdits(scan.grid);
  const report = baseReport(t);
  const notes: NoteIntent[] = [];

  for (const layout of scan.budget) {
    const table = readTable(scan.grid, layout, settings);
    const r = planBudgetTemplate(scan.grid, table, edits, { settings, carryActuals: options.carryActuals === true, plan });
    report.rowsKept += r.rowsKept;
    report.cellsCleared += r.cellsCleared;
    report.sums += r.sums;
    report.rates += r.rates;
    if (r.carried) report.carriedActuals.push(r.carried);
    notes.push(...r.notes);
  }
  for (const table of scan.indicators) {
    const r = planIndicatorTemplate(scan.grid, table, edits, settings.notes ? over : new Map());
    report.rowsKept += r.rowsKept;
    report.cellsCleared += r.cellsCleared;
    notes.push(...r.notes);
  }
  report.yearsMoved = planYearShift(scan, t.delta, edits);
  plan.writes = edits.toWrites();
  report.staleNotesRemoved = planTemplateNotes(scan.snapshot, notes, plan);
  report.notes = notes.map((n) => ({ cell: cellAddress(n.row, n.col), rule: n.rule, name: n.name, value: n.value, text: n.text }));
  return { plan, report };
}

export function planNextYear(snapshots: SheetSnapshot[], settings: Settings, options: NextYearOptions = {}): NextYearPlan {
  const problems = validateNextYearOptions(options);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const rollover = planRollover(snapshots, options.year);
  const over = overAchievers(snapshots, settings);
  const report: NextYearReport = { sheets: [], skipped: rollover.skipped };
  const plans: Plan[] = [];
  for (const t of rollover.targets) {
    if (t.existing) {
      report.sheets.push({ ...baseReport(t), existing: true });
      continue;
    }
    const one = planSheet(t, settings, options, over.get(t.source) ?? new Map());
    plans.push(one.plan);
    report.sheets.push(one.report);
  }
  return { report, plans };
}
