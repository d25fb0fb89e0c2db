/**
 * Several plans in one Excel.run, in order (the budget sheets' rate formulas before the indicator sheet that
 * links to them; next year's sheets one after another). The sheet names are looked up once — or not at all when
 * the caller read the workbook moments ago — and handed from plan to plan as sheets are added.
 */
import type { Plan } from '../core';
import { applyPlan, type ApplyOptions, type ApplyResult } from './applyPlan';
import type { InversePlan } from './invertPlan';
import { loadSheetNames } from './sheetSetup';

export interface ApplyPlansOptions extends Omit<ApplyOptions, 'activate'> {
  /** Show this sheet when done (the sheet the user asked to build). */
  activate?: string;
}

export interface ApplyPlansResult {
  results: ApplyResult[];
  syncs: number;
  sheets: string[];
}

export async function applyPlans(context: Excel.RequestContext, plans: (Plan | InversePlan)[], options: ApplyPlansOptions = {}): Promise<ApplyPlansResult> {
  let syncs = 0;
  let sheets = options.sheets;
  if (!sheets) {
    sheets = await loadSheetNames(context);
    syncs++;
  }
  const results: ApplyResult[] = [];
  for (const plan of plans) {
    const result = await applyPlan(context, plan, { ...options, sheets, activate: options.activate !== undefined && plan.sheet === options.activate });
    results.push(result);
    syncs += result.syncs;
    sheets = result.sheets ?? sheets;
  }
  return { results, syncs, sheets };
}
