/**
 * Pure summaries of an engine plan for the 预览 tab and the success message. Kept apart from the React
 * components and from Office.js so they are unit-tested on real engine plans.
 */
import { columnLetter, writeHeight, writeInput, writeWidth, type BudgetReport, type Plan, type RangeWrite } from '../../core';
import type { ApplyOutcome, ColumnPreview, PreviewSummary } from './types';

const isFormula = (v: unknown): boolean => typeof v === 'string' && v.startsWith('=');

/** Which rate a column letter carries on this sheet, judged from the report's column maps. */
function roleOf(report: BudgetReport, sheet: string, letter: string): ColumnPreview['role'] {
  for (const t of report.tables) {
    if (t.sheet !== sheet) continue;
    if (t.columns.executionRate === letter) return 'executionRate';
    if (t.columns.adjustmentRate === letter) return 'adjustmentRate';
  }
  // A standard form's 得分 column (the budget line's score, the indicators' scores and the 总分).
  for (const f of report.forms ?? []) {
    if (f.sheet !== sheet) continue;
    if (f.budget?.scoreCell?.replace(/\d+$/, '') === letter || f.indicators?.scoreColumn === letter) return 'score';
  }
  return 'other';
}

function isAdded(report: BudgetReport, plan: Plan, letter: string): boolean {
  const byReport = report.tables.some((t) => t.sheet === plan.sheet && t.addedColumns.includes(letter));
  return byReport || plan.writes.some((w) => w.purpose === 'header' && columnLetter(w.col) === letter);
}

/**
 * Formulas in column c of a write. A table's compact rate column filled down is all formulas: counted without
 * making its text (the 预览 of a 50,000-row table follows the engine in the same turn).
 */
function formulasIn(w: RangeWrite, c: number): number {
  if (w.column?.filledDown) return w.column.height;
  let n = 0;
  const height = writeHeight(w);
  for (let r = 0; r < height; r++) if (isFormula(writeInput(w, r, c))) n++;
  return n;
}

/** Columns the plan writes into, left to right, with formula counts and the rows they span. */
export function columnPreviews(plan: Plan, report: BudgetReport): ColumnPreview[] {
  const byCol = new Map<number, ColumnPreview>();
  for (const w of plan.writes) {
    if (w.purpose === 'header') continue;
    const height = writeHeight(w);
    for (let c = 0; c < writeWidth(w); c++) {
      const col = w.col + c;
      const letter = columnLetter(col);
      const entry =
        byCol.get(col) ??
        ({ sheet: plan.sheet, column: letter, role: roleOf(report, plan.sheet, letter), added: isAdded(report, plan, letter), formulas: 0, firstRow: w.row, lastRow: w.row } satisfies ColumnPreview);
      entry.formulas += formulasIn(w, c);
      if (height > 0) {
        entry.firstRow = Math.min(entry.firstRow, w.row);
        entry.lastRow = Math.max(entry.lastRow, w.row + height - 1);
      }
      byCol.set(col, entry);
    }
  }
  // An added column whose cells are all skipped still gets its header: show it so the user is not surprised.
  for (const w of plan.writes) {
    if (w.purpose !== 'header' || byCol.has(w.col)) continue;
    const letter = columnLetter(w.col);
    byCol.set(w.col, { sheet: plan.sheet, column: letter, role: roleOf(report, plan.sheet, letter), added: true, formulas: 0, firstRow: w.row, lastRow: w.row });
  }
  return [...byCol.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/**
 * The 预览 summary. `report.skipped` lists the user's cells the engine left alone because overwrite was off:
 * those are exactly the cells that consent would replace (each gets a rate formula).
 */
export function summarizePlan(plan: Plan, report: BudgetReport): PreviewSummary {
  let formulas = 0;
  let cellsWritten = 0;
  let headersAdded = 0;
  for (const w of plan.writes) {
    cellsWritten += w.column ? w.column.height : w.inputs.reduce((n, row) => n + row.length, 0);
    for (let c = 0; c < writeWidth(w); c++) formulas += formulasIn(w, c);
    if (w.purpose === 'header') headersAdded++;
  }
  const overwrites = [...report.overwritten, ...report.skipped].filter((o) => o.sheet === plan.sheet);
  const nothingToDo =
    plan.writes.length === 0 &&
    plan.merges.length === 0 &&
    plan.conditionalFormats.length === 0 &&
    plan.removeConditionalFormats.length === 0 &&
    plan.notes.length === 0 &&
    plan.removeNotes.length === 0;
  return {
    sheet: plan.sheet,
    columns: columnPreviews(plan, report),
    formulas,
    cellsWritten,
    headersAdded,
    merges: plan.merges.length,
    rulesAdded: plan.conditionalFormats.length,
    rulesRemoved: plan.removeConditionalFormats.length,
    notesAdded: plan.notes.length,
    notesRemoved: plan.removeNotes.length,
    overwrites,
    formulasWithConsent: formulas + report.skipped.filter((o) => o.sheet === plan.sheet).length,
    nothingToDo,
  };
}

/** "写入了 14 个公式、3 条条件格式规则、2 条注释。" — the success line after 写入 (its title names the sheet). */
export function appliedMessage(o: ApplyOutcome): string {
  if (o.nothingToDo) return `工作表“${o.sheet}”的公式、条件格式和注释均已是最新，无需写入。`;
  const parts = [`${o.formulas} 个公式`];
  if (o.rulesAdded > 0) parts.push(`${o.rulesAdded} 条条件格式规则`);
  if (o.notesWritten > 0) parts.push(`${o.notesWritten} 条注释`);
  let text = `写入了 ${parts.join('、')}`;
  if (o.rulesRemoved > 0) text += `，移除 ${o.rulesRemoved} 条过期规则`;
  if (o.overwritten > 0) text += `，替换了 ${o.overwritten} 个原有单元格`;
  return `${text}。`;
}

/** "F5:F11" for a column preview. */
export function columnRange(c: ColumnPreview): string {
  return c.firstRow === c.lastRow ? `${c.column}${c.firstRow}` : `${c.column}${c.firstRow}:${c.column}${c.lastRow}`;
}
