/** Notes (Excel's 注释) need ExcelApi 1.18: every part drops them from its plans on older hosts and says so the same way. */
import type { Plan } from '../../core';

/** The plan without notes, for hosts below ExcelApi 1.18 (the pane then says notes were skipped). */
export function withoutNotes(plan: Plan): Plan {
  return { ...plan, notes: [], removeNotes: [] };
}

export const NOTES_SKIPPED_MESSAGE = '未添加注释：此版本的 Excel 不能添加注释。需要注释时，请在 Microsoft 365 或网页版 Excel 中重新写入。';
