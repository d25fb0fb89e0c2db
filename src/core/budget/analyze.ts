/**
 * Entry point of the budget engine: snapshot(s) in, report and plan(s) out.
 */
import type { SheetSnapshot } from '../snapshot';
import type { Settings } from '../settings';
import type { Plan } from '../plan';
import type { BudgetReport, ColumnMap } from './report';

export interface AnalyzeOptions {
  /** Column-mapping corrections from the user, keyed by `${sheet}!${firstHeaderRow}`; letters or null to unmap. */
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

export function analyzeSheet(_snapshot: SheetSnapshot, _settings: Settings, _options: AnalyzeOptions = {}): SheetAnalysis {
  throw new Error('not implemented yet');
}

export function analyzeWorkbook(_snapshots: SheetSnapshot[], _settings: Settings, _options: AnalyzeOptions = {}): WorkbookAnalysis {
  throw new Error('not implemented yet');
}
