/**
 * Entry point of the budget engine: snapshot(s) in, report and plan(s) out. Pure: no Office, DOM or Node.
 *
 *   snapshot ─► findBudgetTables ─► readTable (classify, total-or-change, rates, flags) ─► planTable ─► plan
 */
import type { SheetSnapshot } from '../snapshot';
import { columnNumber } from '../snapshot';
import { schemeSettings, type Settings } from '../settings';
import { emptyPlan, type Plan } from '../plan';
import { SheetGrid } from '../grid';
import type { BudgetReport, ColumnMap } from './report';
import { findBudgetTables, type TableLayout } from './findTables';
import { readTable, tableFlags, tableReport, type ReadTable } from './readTable';
import { detectForm } from '../forms/detect';
import { formBudgetLayout } from '../forms/budgetBlock';
import { planForm } from '../forms/planForm';
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
  const report: BudgetReport = { tables: [], flags: [], overwritten: [], skipped: [], sheets: [], forms: [] };
  // A standard form: its budget block ends where its goal / indicator block starts, and only that block is a table.
  const form = detectForm(grid);
  let formTable: ReadTable | null = null;
  const found = findBudgetTables(grid, form ? (row) => row >= form.budgetEnd : undefined);
  for (const table of form ? found.filter((t) => t.headerRows[0] === form.budgetHeaderRow) : found) {
    const mapped = applyMapping(table, options.mappings?.[tableKey(snapshot.name, table.headerRows[0])]);
    const layout = form ? formBudgetLayout(grid, mapped) : mapped;
    const read = readTable(grid, layout, settings, form ? { fixedWidth: true } : undefined);
    const result = planTable(grid, snapshot.name, read, settings, plan);
    const tableOut = tableReport(snapshot.name, read, result.formulasWritten);
    if (form) {
      formTable = read;
      tableOut.form = form.kind;
      tableOut.title = form.title ?? tableOut.title;
    }
    report.tables.push(tableOut);
    report.flags.push(...tableFlags(snapshot.name, read));
    report.overwritten.push(...result.overwritten);
    report.skipped.push(...result.skipped);
  }
  if (form) {
    const { scheme, settings: scored } = schemeSettings(settings, form.kind);
    const out = planForm({ grid, sheet: snapshot.name, form, table: formTable, settings: scored, scheme, plan });
    report.forms!.push(out);
    const t = report.tables.find((x) => x.form);
    if (t) t.totalsCheck.push(...out.partsCheck);
  }
  report.sheets.push({ name: snapshot.name, tables: report.tables.length, ...(form ? { form: form.kind } : {}) });
  return { report, plan };
}

export function analyzeWorkbook(snapshots: SheetSnapshot[], settings: Settings, options: AnalyzeOptions = {}): WorkbookAnalysis {
  const report: BudgetReport = { tables: [], flags: [], overwritten: [], skipped: [], sheets: [], forms: [] };
  const plans: Plan[] = [];
  for (const snapshot of snapshots) {
    const one = analyzeSheet(snapshot, settings, options);
    report.tables.push(...one.report.tables);
    report.flags.push(...one.report.flags);
    report.overwritten.push(...one.report.overwritten);
    report.skipped.push(...one.report.skipped);
    report.sheets.push(...one.report.sheets);
    report.forms!.push(...(one.report.forms ?? []));
    if (one.report.tables.length > 0) plans.push(one.plan);
  }
  return { report, plans };
}
