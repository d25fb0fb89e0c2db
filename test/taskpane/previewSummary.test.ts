import { describe, expect, it } from 'vitest';
import { analyzeSheet, withDefaults } from '../../src/core';
import { appliedMessage, columnRange, summarizePlan } from '../../src/taskpane/budget/previewSummary';
import { withoutNotes } from '../../src/taskpane/shared/notes';
import { buildDetection, planApply } from '../../src/taskpane/budget/detection';
import { applyToSnapshot } from '../helpers/applyToSnapshot';
import { sampleSheet } from './sample';

describe('summarizePlan on a real engine plan', () => {
  const snap = sampleSheet();
  const { report, plan } = analyzeSheet(snap, withDefaults());
  const p = summarizePlan(plan, report);

  it('lists the filled and the added rate column with their formulas and rows', () => {
    expect(p.columns).toEqual([
      { sheet: '执行表', column: 'F', role: 'executionRate', added: false, formulas: 4, firstRow: 4, lastRow: 8 },
      { sheet: '执行表', column: 'G', role: 'adjustmentRate', added: true, formulas: 5, firstRow: 4, lastRow: 8 },
    ]);
    expect(columnRange(p.columns[1])).toBe('G4:G8');
  });

  it('counts formulas, headers, rules and notes', () => {
    expect(p.formulas).toBe(9);
    expect(p.formulas).toBe(report.tables[0].formulasWritten);
    expect(p.headersAdded).toBe(1);
    expect(p.cellsWritten).toBe(10);
    expect(p.rulesAdded).toBe(plan.conditionalFormats.length);
    expect(p.rulesAdded).toBeGreaterThanOrEqual(2);
    expect(p.notesAdded).toBe(2);
    expect(p.nothingToDo).toBe(false);
  });

  it('lists the typed cell that only consent would replace', () => {
    expect(p.overwrites).toEqual([{ sheet: '执行表', cell: 'F5', previous: '99%' }]);
    expect(p.formulasWithConsent).toBe(10);
  });

  it('has nothing to do after the plan is applied (re-run is idempotent)', () => {
    const after = applyToSnapshot(snap, plan);
    const again = analyzeSheet(after, withDefaults());
    const q = summarizePlan(again.plan, again.report);
    expect(q.nothingToDo).toBe(true);
    expect(q.formulas).toBe(0);
    expect(q.overwrites).toHaveLength(1);
  });

  it('drops notes for hosts without ExcelApi 1.18', () => {
    expect(summarizePlan(withoutNotes(plan), report).notesAdded).toBe(0);
  });
});

describe('buildDetection', () => {
  it('never overwrites in the preview, and labels mapping choices with their headers', () => {
    const d = buildDetection(sampleSheet(), withDefaults({ overwrite: true }), {}, false);
    expect(d.preview.overwrites.map((o) => o.cell)).toEqual(['F5']);
    expect(d.preview.notesAdded).toBe(0);
    expect(d.notesSupported).toBe(false);
    const choices = d.columnChoices['执行表!3'];
    expect(choices).toContainEqual({ letter: 'C', label: '年初预算数' });
    expect(choices).toContainEqual({ letter: 'G', label: '（新增列）' });
    expect(choices.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('follows a mapping correction', () => {
    const d = buildDetection(sampleSheet(), withDefaults(), { '执行表!3': { executionRate: null } }, true);
    expect(d.report.tables[0].columns.executionRate).toBe('G');
    expect(d.report.tables[0].addedColumns).toEqual(['G', 'H']);
  });
});

describe('planApply', () => {
  const settings = withDefaults();
  it('replaces a typed cell only when it was in the consented preview', () => {
    expect(() => planApply(sampleSheet(), settings, {}, true, true, new Set())).toThrow(expect.objectContaining({ code: 'sheet-changed' }));
    const ok = planApply(sampleSheet(), settings, {}, true, true, new Set(['执行表!F5']));
    expect(ok.report.overwritten.map((o) => o.cell)).toEqual(['F5']);
    expect(summarizePlan(ok.plan, ok.report).formulas).toBe(10);
  });

  it('without consent leaves the typed cell alone', () => {
    const r = planApply(sampleSheet(), settings, {}, false, false, new Set());
    expect(r.report.overwritten).toEqual([]);
    expect(r.plan.writes.some((w) => w.col === 6 && w.row <= 5 && w.row + w.inputs.length > 5)).toBe(false);
    expect(r.notesSkipped).toBe(2);
    expect(r.plan.notes).toEqual([]);
  });

  it('fails clearly when the sheet has no budget table', () => {
    const empty = { ...sampleSheet(), values: [['hello']], formulas: [[null]] };
    expect(() => planApply(empty, settings, {}, false, true, new Set())).toThrow(expect.objectContaining({ code: 'no-table' }));
  });
});

describe('appliedMessage', () => {
  it('says what was written', () => {
    const base = { sheet: 's', report: { tables: [], flags: [], overwritten: [], skipped: [], sheets: [] }, cellsWritten: 20, notesSkipped: 0, overwritten: 0, nothingToDo: false, warnings: [] };
    expect(appliedMessage({ ...base, formulas: 14, rulesAdded: 3, rulesRemoved: 0, notesWritten: 2 })).toBe('写入了 14 个公式、3 条条件格式规则、2 条注释。');
    expect(appliedMessage({ ...base, formulas: 1, rulesAdded: 0, rulesRemoved: 2, notesWritten: 0, overwritten: 1 })).toBe('写入了 1 个公式，移除 2 条过期规则，替换了 1 个原有单元格。');
    expect(appliedMessage({ ...base, formulas: 0, rulesAdded: 0, rulesRemoved: 0, notesWritten: 0, nothingToDo: true })).toBe('工作表“s”的公式、条件格式和注释均已是最新，无需写入。');
  });
});

describe('summarizePlan on a standard form', () => {
  it('names the form’s 得分 column 得分, not 其他 (national 项目支出绩效自评表: G 执行率, H 得分)', async () => {
    const { fillForm } = await import('../core/forms/formHarness');
    const { nationalProjectForm } = await import('../fixtures/forms');
    const filled = await fillForm(nationalProjectForm());
    const plan = filled.plans.find((p) => p.writes.length > 0)!;
    const roles = Object.fromEntries(summarizePlan(plan, filled.report).columns.map((c) => [c.column, c.role]));
    expect(roles).toEqual({ G: 'executionRate', H: 'score' });
  });
});
