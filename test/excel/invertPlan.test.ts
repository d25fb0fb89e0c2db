import { afterEach, describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../src/core';
import { applyPlan, invertPlan, readSnapshot, runExcel, type ExcelSnapshot } from '../../src/excel';
import { installSimulatedOffice, type SimulatedOffice, type SimWorkbook } from '../../src/preview/sim';
import { budgetBook, LOW_RULE_FORMULA, ratePlan, SHEET } from './fixtures';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

describe('invertPlan (pure)', () => {
  it('restores inputs and per-cell formats in same-format runs, later writes first', () => {
    const plan = emptyPlan('S');
    plan.writes.push(
      { row: 2, col: 2, inputs: [['=1'], ['=2'], ['=3']], numberFormat: '0.00%', before: [[1], [null], ['x']], beforeFormats: [['0.00'], ['0.00'], ['@']], purpose: 'rate' },
      { row: 9, col: 1, inputs: [['h']], before: [[null]], purpose: 'header', headerStyle: true },
    );
    const inv = invertPlan(plan);
    expect(inv.writes).toEqual([
      { purpose: 'header', row: 9, col: 1, inputs: [[null]], before: [['h']] },
      { purpose: 'rate', row: 2, col: 2, inputs: [[1], [null]], before: [['=1'], ['=2']], numberFormat: '0.00', beforeFormats: [['0.00%'], ['0.00%']] },
      { purpose: 'rate', row: 4, col: 2, inputs: [['x']], before: [['=3']], numberFormat: '@', beforeFormats: [['0.00%']] },
    ]);
    expect(inv.clearHeaderStyles).toEqual([{ top: 9, left: 1, bottom: 9, right: 1 }]);
  });

  it('turns added rules and notes into removals and removed/replaced ones back into additions', () => {
    const plan: Plan = {
      ...emptyPlan('S'),
      merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
      conditionalFormats: [{ rule: 'low', ranges: ['F5:F9'], formula: '=F5<0.9', style: { fill: '#FFC7CE', font: '#9C0006' }, priority: 1 }],
      removeConditionalFormats: [{ ranges: ['F5:F8'], formula: '=F5<0.9' }],
      notes: [
        { row: 5, col: 6, text: 'new', before: null },
        { row: 6, col: 6, text: 'newer', before: 'old' },
      ],
      removeNotes: [{ row: 7, col: 6, before: 'gone' }],
    };
    const removed = [{ rule: 'restored', ranges: ['F5:F8'], formula: '=F5<0.9', style: { fill: '#FFC7CE', font: '#9C0006' }, priority: 2 }];
    const inv = invertPlan(plan, { removedConditionalFormats: removed });
    expect(inv.unmerges).toEqual(plan.merges);
    expect(inv.removeConditionalFormats).toEqual([{ ranges: ['F5:F9'], formula: '=F5<0.9' }]);
    expect(inv.conditionalFormats).toEqual(removed);
    expect(inv.notes).toEqual([
      { row: 6, col: 6, text: 'old', before: 'newer' },
      { row: 7, col: 6, text: 'gone', before: null },
    ]);
    expect(inv.removeNotes).toEqual([{ row: 5, col: 6, before: 'new' }]);
  });
});

async function state(book: SimWorkbook): Promise<Omit<ExcelSnapshot, 'syncs'>> {
  const { syncs: _ignored, ...snap } = await runExcel((context) => readSnapshot(context, { sheetName: SHEET }));
  // Rates shown, flag colours and notes as the grid displays them, beyond what a snapshot holds.
  const looks = book.getDisplayGrid(SHEET, { bottom: 40, right: 9 }).cells.flat().map((c) => [c.address, c.text, c.fill ?? '', c.note ?? '', c.span?.rows ?? 0]);
  return { ...snap, looks } as Omit<ExcelSnapshot, 'syncs'>;
}

describe('undo through invertPlan', () => {
  it('puts the sheet back exactly: cells, formats, merges, rules (priority included) and notes', async () => {
    const book = budgetBook(30);
    office = installSimulatedOffice(book);
    // A first run left a rule and notes of ours; the user has a rule of their own; one rate was typed by hand.
    await runExcel((context) => applyPlan(context, ratePlan(30, { notes: true })));
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.getRange('H1').conditionalFormats.add('Custom').custom.rule.formula = '=H1>0';
      ws.getRange('F6').values = [[0.5]];
      ws.getRange('A2').numberFormat = [['@']];
    });
    const before = await state(book);

    const snap = await runExcel((context) => readSnapshot(context, { sheetName: SHEET }));
    const plan = ratePlan(30, { notes: false });
    const w = plan.writes[0];
    w.before = w.inputs.map((_, i) => [snap.formulas[4 + i][5] ?? snap.values[4 + i][5]]);
    w.beforeFormats = w.inputs.map((_, i) => [snap.numberFormats?.[4 + i][5] ?? 'General']);
    plan.conditionalFormats[0].formula = '=AND(ISNUMBER(F5),F5<0.95)';
    plan.removeConditionalFormats.push({ ranges: ['F5:F34'], formula: LOW_RULE_FORMULA });
    plan.notes.push({ row: 11, col: 6, text: '执行率 50%', before: '执行率低于 90%（项目7）' }, { row: 6, col: 6, text: '手工填写', before: null });
    plan.removeNotes.push({ row: 18, col: 6, before: '执行率低于 90%（项目14）' });
    plan.writes.push({ row: 3, col: 7, inputs: [['调整率'], [null]], before: [[null], [null]], purpose: 'header', headerStyle: true });
    plan.merges.push({ top: 3, left: 7, bottom: 4, right: 7 });

    const applied = await runExcel((context) => applyPlan(context, plan));
    expect(await state(book)).not.toEqual(before);
    const undo = invertPlan(plan, applied);
    const undone = await runExcel((context) => applyPlan(context, undo));
    expect(undone.warnings).toEqual([]);
    expect(await state(book)).toEqual(before);
  });
});
