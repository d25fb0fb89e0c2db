/**
 * Snapshot → what the pane shows, without Excel: run the engine (never overwriting: the preview lists what
 * consent would replace), drop notes where the host cannot write them, and summarise the plan.
 */
import { analyzeSheet, type BudgetReport, type Plan, type Settings, type SheetSnapshot } from '../../core';
import { PaneFailure } from '../shared/paneError';
import type { Detection } from './types';
import type { Mappings } from '../shared/paneTypes';
import { columnChoicesForSheet } from './columnChoices';
import { summarizePlan } from './previewSummary';
import { withoutNotes } from '../shared/notes';

export function buildDetection(
  snapshot: SheetSnapshot & { warnings?: string[] },
  settings: Settings,
  mappings: Mappings,
  notesSupported: boolean,
): Detection {
  const { report, plan } = analyzeSheet(snapshot, { ...settings, overwrite: false }, { mappings });
  const effective = notesSupported ? plan : withoutNotes(plan);
  return {
    sheet: snapshot.name,
    report,
    preview: summarizePlan(effective, report),
    columnChoices: columnChoicesForSheet(snapshot, report.tables),
    notesSupported,
    warnings: snapshot.warnings ?? [],
  };
}

export interface PlannedApply {
  report: BudgetReport;
  /** The plan to carry out (notes removed when the host cannot write them). */
  plan: Plan;
  /** Notes the engine wanted but the host cannot write. */
  notesSkipped: number;
}

export const noTable = (sheet: string) =>
  new PaneFailure(
    'no-table',
    `未在工作表“${sheet}”中找到预算表，未写入任何内容。`,
    '请切换到预算表所在的工作表（表头需含“年初预算数 / 调整后预算 / 实际支出”等），然后重新识别。',
  );

export const sheetChanged = () =>
  new PaneFailure(
    'sheet-changed',
    '预览之后工作表有改动：要覆盖的单元格与预览不一致，未写入任何内容。',
    '请点击“识别表格”重新预览，确认要覆盖的单元格后再写入。',
  );

/**
 * Plans a write. With consent, every cell the engine would replace must have been listed in the preview the
 * user agreed to (`consented`); a cell typed since then is not overwritten silently.
 */
export function planApply(
  snapshot: SheetSnapshot,
  settings: Settings,
  mappings: Mappings,
  overwrite: boolean,
  notesSupported: boolean,
  consented: ReadonlySet<string>,
): PlannedApply {
  const { report, plan } = analyzeSheet(snapshot, { ...settings, overwrite }, { mappings });
  if (report.tables.length === 0) throw noTable(snapshot.name);
  if (overwrite && report.overwritten.some((o) => !consented.has(`${o.sheet}!${o.cell}`))) throw sheetChanged();
  const notesSkipped = notesSupported ? 0 : plan.notes.length;
  return { report, plan: notesSupported ? plan : withoutNotes(plan), notesSkipped };
}
