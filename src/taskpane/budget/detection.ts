/**
 * Snapshot → what the pane shows, without Excel: run the engine (never overwriting: the preview lists what
 * consent would replace), drop notes where the host cannot write them, and summarise the plan.
 */
import { analyzeSheet, columnNumber, tableKey, type BudgetReport, type OverwriteEntry, type Plan, type Settings, type SheetSnapshot } from '../../core';
import { mappingProblems } from './mappingCheck';
import { tableTitles } from './tableTitles';
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
  const preview = summarizePlan(effective, report);
  return {
    sheet: snapshot.name,
    report,
    preview: { ...preview, overwrites: preview.overwrites.map((o) => ({ ...o, shown: shownValue(snapshot, o) })) },
    columnChoices: columnChoicesForSheet(snapshot, report.tables),
    titles: tableTitles(snapshot, report.tables),
    mappingProblems: Object.fromEntries(report.tables.map((t) => [tableKey(t.sheet, t.headerRows[0]), mappingProblems(t)])),
    notesSupported,
    warnings: snapshot.warnings ?? [],
  };
}

/** A typed value as its cell shows it: 0.9882 in a 0.00% cell is "98.82%". */
function shownValue(snapshot: SheetSnapshot, o: OverwriteEntry): string {
  const m = /^([A-Z]+)(\d+)$/.exec(o.cell);
  if (!m || typeof o.previous !== 'number') return String(o.previous);
  const format = snapshot.numberFormats?.[Number(m[2]) - snapshot.originRow]?.[columnNumber(m[1]) - snapshot.originCol] ?? 'General';
  if (!format.includes('%')) return String(o.previous);
  const decimals = /\.(0+)%/.exec(format)?.[1].length ?? 0;
  return `${(o.previous * 100).toFixed(decimals)}%`;
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

export const sheetChanged = (sheet: string) =>
  new PaneFailure(
    'sheet-changed',
    `工作表“${sheet}”在预览之后有改动，未写入任何内容。`,
    `请切换到工作表“${sheet}”，点击“识别表格”重新预览，确认后再写入。`,
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
  const problems = report.tables.flatMap(mappingProblems);
  if (problems.length > 0) throw new PaneFailure('bad-mapping', `工作表“${snapshot.name}”的列对应有误，未写入任何内容：${problems[0]}`, '请在“识别”页更正列的对应后再写入。');
  if (overwrite && report.overwritten.some((o) => !consented.has(`${o.sheet}!${o.cell}`))) throw sheetChanged(snapshot.name);
  const notesSkipped = notesSupported ? 0 : plan.notes.length;
  return { report, plan: notesSupported ? plan : withoutNotes(plan), notesSkipped };
}
