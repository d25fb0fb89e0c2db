/** Notes (批注) need ExcelApi 1.18: every part drops them from its plans on older hosts and says so the same way. */
import type { Plan } from '../../core';

/** The plan without notes, for hosts below ExcelApi 1.18 (the pane then says notes were skipped). */
export function withoutNotes(plan: Plan): Plan {
  return { ...plan, notes: [], removeNotes: [] };
}

export const NOTES_SKIPPED_MESSAGE = '备注已跳过：此版本 Excel 不支持备注 (ExcelApi 1.18)';
