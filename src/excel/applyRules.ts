/**
 * A plan's conditional-format rules on the sheet. New rules are added before old ones are removed: a batch is not a
 * transaction (actions before a failure stay applied), and the pane's undo can take away rules it added but cannot
 * bring back rules it never learned were removed — so removals go last, after everything else of the plan.
 *
 * A rule over many areas is added in parts under Worksheet.getRanges' limit (office-js#5198), each part's formula
 * moved to the part's own top-left cell, the range it is added through (office-js#5194): ruleAreas.ts.
 *
 *   Worksheet.getRanges / ConditionalFormat.getRanges: ExcelApi 1.9 · ConditionalFormatCollection.add: 1.6.
 */
import { parseRect, type CellRect, type Plan } from '../core';
import type { Discovery } from './applyDiscovery';
import { isInversePlan, type InversePlan } from './invertPlan';
import type { ApiCheck } from './requirements';
import { ruleParts } from './ruleAreas';

export interface RuleCounts {
  conditionalFormatsAdded: number;
  conditionalFormatsRemoved: number;
  removedConditionalFormats: Plan['conditionalFormats'];
  warnings: string[];
}

/** True when the A1 area lies inside one of the rectangles. */
function within(area: string, rects: CellRect[]): boolean {
  const a = parseRect(area);
  return rects.some((r) => a.top >= r.top && a.bottom <= r.bottom && a.left >= r.left && a.right <= r.right);
}

export function queueRuleAdds(sheet: Excel.Worksheet, plan: Plan | InversePlan, supported: ApiCheck, result: RuleCounts): void {
  const rules = [...plan.conditionalFormats].sort((a, b) => a.priority - b.priority);
  let rank = 0;
  for (const rule of rules) {
    const parts = ruleParts(rule);
    // Worksheet.getRanges (several areas, one rule): ExcelApi 1.9. Below it only a one-area rule can be added.
    if (!supported('1.9') && parts.some((p) => p.ranges.length > 1)) {
      result.warnings.push(`此版本的 Excel 不支持跨多个区域的条件格式，规则“${rule.rule}”未添加。`);
      continue;
    }
    parts.forEach((part, i) => {
      const target = part.ranges.length === 1 ? sheet.getRange(part.ranges[0]) : sheet.getRanges(part.ranges.join(', '));
      const cf = target.conditionalFormats.add('Custom');
      cf.custom.rule.formula = part.formula;
      if (rule.style.fill) cf.custom.format.fill.color = rule.style.fill;
      if (rule.style.font) cf.custom.format.font.color = rule.style.font;
      cf.stopIfTrue = rule.stopIfTrue ?? false;
      // add() puts each rule on top; moving it to its rank keeps the plan's order, above the user's own rules.
      // An undo puts a removed rule back where it was (its recorded priority), so the order is as before.
      // Set last: after a priority change Office.js wants a fresh object for any further change to the rule.
      cf.priority = isInversePlan(plan) ? rule.priority + i : rank;
      rank++;
    });
    result.conditionalFormatsAdded++;
  }
}

export function queueRuleRemovals(plan: Plan | InversePlan, found: Discovery, result: RuleCounts): void {
  for (const r of found.rulesToRemove) {
    // A rule inside a cleared rectangle is already gone with it.
    if (plan.clear && r.rule.ranges.every((area) => within(area, plan.clear ?? []))) continue;
    for (const item of r.items) item.delete();
    result.conditionalFormatsRemoved++;
    result.removedConditionalFormats.push(r.rule);
  }
}
