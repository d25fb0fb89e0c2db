/**
 * Entry point of the budget engine: snapshot(s) in, report and plan(s) out. Pure: no Office, DOM or Node.
 *
 *   snapshot ─► findBudgetTables ─► readTable (classify, total-or-change, rates, flags) ─► planTable ─► plan
 */
import type { SheetSnapshot } from '../snapshot';
import { columnNumber } from '../snapshot';
import type { Settings } from '../settings';
import { emptyPlan, type Plan } from '../plan';
import { SheetGrid } from '../grid';
import type { BudgetReport, ColumnMap } from './report';
import { findBudgetTables, type TableLayout } from './findTables';
import { readTable, tableFlags, tableReport } from './readTable';
import { planTable } from './planTable';
import type { ColumnRole } from './headers';

export interface AnalyzeOptions {
  /** Column-mapping corrections from the user, keyed by `${sheet}!${firstHeaderRow}`; letters, or null to unmap. */
  mappings?: Record<string, Partial<ColumnMap>>;
}

export interface SheetAnalysis {
  report: BudgetReport;
  plan: Plan;
}

export interface WorkbookAnalysis {
  report: BudgetReport;
  /** One plan per sheet that has tables (possibly empty when nothing needs to change). */
  plans: Plan[];
}

/** Key of a table for mapping corrections: sheet name and first header row. */
export function tableKey(sheet: string, firstHeaderRow: number): string {
  return `${sheet}!${firstHeaderRow}`;
}

function applyMapping(layout: TableLayout, mapping: Partial<ColumnMap> | undefined): TableLayout {
  if (!mapping) return layout;
  const columns = { ...layout.columns };
  for (const [role, letter] of Object.entries(mapping) as [ColumnRole, string | null | undefined][]) {
    if (letter === undefined) continue;
    if (letter === null) delete columns[role];
    else columns[role] = columnNumber(letter);
  }
  const amountCols = [columns.initial, columns.adjusted, columns.actual].filter((c): c is number => c !== undefined);
  return { ...layout, columns, classified: undefined, shape: { ...layout.shape, amountCols, serialCol: columns.serial } };
}

export function analyzeSheet(snapshot: SheetSnapshot, settings: Settings, options: AnalyzeOptions = {}): SheetAnalysis {
  const grid = new SheetGrid(snapshot);
  const plan = emptyPlan(snapshot.name);
  const report: BudgetReport = { tables: [], flags: [], overwritten: [], skipped: [], sheets: [] };
  for (const found of findBudgetTables(grid)) {
    const layout = applyMapping(found, options.mappings?.[tableKey(snapshot.name, found.headerRows[0])]);
    const table = readTable(grid, layout, settings);
    const result = planTable(grid, snapshot.name, table, settings, plan);
    report.tables.push(tableReport(snapshot.name, table, result.formulasWritten));
    report.flags.push(...tableFlags(snapshot.name, table));
    report.overwritten.push(...result.overwritten);
    report.skipped.push(...result.skipped);
  }
  report.sheets.push({ name: snapshot.name, tables: report.tables.length });
  return { report, plan };
}

export function analyzeWorkbook(snapshots: SheetSnapshot[], settings: Settings, options: AnalyzeOptions = {}): WorkbookAnalysis {
  const report: BudgetReport = { tables: [], flags: [], overwritten: [], skipped: [], sheets: [] };
  const plans: Plan[] = [];
  for (const snapshot of snapshots) {
    const one = analyzeSheet(snapshot, settings, options);
    report.tables.push(...one.report.tables);
    report.flags.push(...one.report.flags);
    report.overwritten.push(...one.report.overwritten);
    report.skipped.push(...one.report.skipped);
    report.sheets.push(...one.report.sheets);
    if (one.report.tables.length > 0) plans.push(one.plan);
  }
  return { report, plans };
}
