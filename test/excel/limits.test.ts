/**
 * The add-in survives real Excel's limits, played by the simulator (test/preview/simLimits.test.ts shows each
 * failing there as in Excel): reading past them, rules over thousands of areas, text that looks like numbers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../src/core';
import { applyPlan, invertPlan, readSnapshot, readWorkbookSnapshots, runExcel } from '../../src/excel';
import { installSimulatedOffice, loadWorkbookFromJson, type SimulatedOffice, type SimWorkbook } from '../../src/preview/sim';
import { budgetSheet, SHEET } from './fixtures';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

function install(book: SimWorkbook): SimWorkbook {
  office = installSimulatedOffice(book);
  return book;
}

/** A budget sheet of `rows` projects with a 小计 row every 50: the rate column's rule skips them, one area per run. */
function subtotalAreas(rows: number): string[] {
  const areas: string[] = [];
  for (let top = 5; top < 5 + rows; top += 51) areas.push(`F${top}:F${Math.min(top + 49, 4 + rows)}`);
  return areas;
}

function rulePlan(ranges: string[]): Plan {
  return {
    ...emptyPlan(SHEET),
    conditionalFormats: [{ rule: 'low-execution', ranges, formula: '=AND(ISNUMBER(F5),F5<0.9)', style: { fill: '#FFC7CE', font: '#9C0006' }, priority: 1, stopIfTrue: true }],
  };
}

describe('the front end survives Excel’s limits', () => {
  it('adds a rule over 2,000 areas (29,000+ characters) in parts under getRanges’ limit, and knows it again, whatever order Excel lists the areas in', async () => {
    const rows = 100_000;
    const ranges = subtotalAreas(rows);
    expect(ranges.length).toBeGreaterThan(1900);
    expect(ranges.join(', ').length).toBeGreaterThan(25_000);
    const book = install(loadWorkbookFromJson({ sheets: [budgetSheet(3)] }, { quirks: { reverseRuleAreas: true } }));
    const applied = await runExcel((c) => applyPlan(c, rulePlan(ranges)));
    expect(applied.conditionalFormatsAdded).toBe(1);
    const parts = book.sheet(SHEET).conditionalFormats;
    expect(parts.length).toBeGreaterThanOrEqual(4);
    for (const p of parts) expect(p.areas.length).toBeLessThanOrEqual(512);
    // Every cell of every area is flagged by the formula meant for it (the parts' formulas follow their areas).
    expect(parts.map((p) => p.formula)).toContain('=AND(ISNUMBER(F5),F5<0.9)');
    expect(new Set(parts.map((p) => p.formula)).size).toBe(parts.length);

    // Read back: one rule, in the engine's form — the same areas and formula it planned.
    const snap = await runExcel((c) => readSnapshot(c, { sheetName: SHEET }));
    expect(snap.conditionalFormats).toEqual([{ ranges, formula: '=AND(ISNUMBER(F5),F5<0.9)' }]);

    // A plan that replaces it removes every part (new rule first, old parts last).
    const replace = rulePlan(ranges.slice(0, 10));
    replace.removeConditionalFormats.push({ ranges, formula: '=AND(ISNUMBER(F5),F5<0.9)' });
    const again = await runExcel((c) => applyPlan(c, replace));
    expect([again.conditionalFormatsAdded, again.conditionalFormatsRemoved, again.removedConditionalFormats[0].ranges.length]).toEqual([1, 1, ranges.length]);
    expect(book.sheet(SHEET).conditionalFormats).toHaveLength(1);
  });

  it('moves a multi-area rule’s formula to the cell it is added through when its first area is not the top-left one (office-js#5194)', async () => {
    const book = install(loadWorkbookFromJson({ sheets: [budgetSheet(6)] }));
    // Areas in an order that starts below: the engine's formula is for F9, the first area listed.
    const plan = rulePlan(['F9:F10', 'F5:F7']);
    plan.conditionalFormats[0].formula = '=AND(ISNUMBER(F9),F9<0.9)';
    await runExcel((c) => applyPlan(c, plan));
    expect(book.sheet(SHEET).conditionalFormats[0].formula).toBe('=AND(ISNUMBER(F5),F5<0.9)');
    const snap = await runExcel((c) => readSnapshot(c, { sheetName: SHEET }));
    expect(snap.conditionalFormats).toEqual([{ ranges: ['F5:F7', 'F9:F10'], formula: '=AND(ISNUMBER(F5),F5<0.9)' }]);
  });

  it('writes text that looks like a number or a date so that it stays text (office-js#1559, #229)', async () => {
    const book = install(loadWorkbookFromJson({ sheets: [budgetSheet(3)] }));
    const texts = ['1/2', '3-5', '2024-01-31', '(100)', '1,550.00', '95%', "'引号", 'TRUE', '12 Mar', '120万元'];
    const plan: Plan = { ...emptyPlan(SHEET), writes: [{ row: 20, col: 1, inputs: [texts], before: [texts.map(() => null)], purpose: 'value' }] };
    await runExcel((c) => applyPlan(c, plan));
    expect(book.getDisplayGrid(SHEET).cells[19].slice(0, texts.length).map((c) => c.value)).toEqual(texts);
  });

  it('reads the table, not a used range of 6.5 million cells made by one stray value in XFD1', async () => {
    for (const oversizedRead of ['internal-error', 'null'] as const) {
      const book = install(loadWorkbookFromJson({ sheets: [budgetSheet(400)] }, { quirks: { oversizedRead } }));
      book.setCells(SHEET, 1, 16384, [['备注']]);
      const snap = await runExcel((c) => readSnapshot(c, { sheetName: SHEET }));
      expect([snap.originRow, snap.originCol, snap.values.length, snap.values[0].length]).toEqual([1, 1, 404, 6]);
      expect(snap.values[4][1]).toBe('项目1');
      expect(snap.merges).toHaveLength(6);
      expect(snap.warnings.join('')).toContain('XFD1');
    }
  });

  it('reads more than 512 merged areas in blocks', async () => {
    const sheet = budgetSheet(700);
    sheet.merges = [...(sheet.merges ?? []), ...Array.from({ length: 700 }, (_, i) => `A${i + 5}:B${i + 5}`)];
    install(loadWorkbookFromJson({ sheets: [sheet] }));
    const snap = await runExcel((c) => readSnapshot(c, { sheetName: SHEET }));
    expect(snap.merges).toHaveLength(706);
    expect(snap.warnings).toEqual([]);
  });

  it('a sheet whose merged areas Excel cannot list even row by row is read without them, with a warning; the other sheets fully', async () => {
    const wide = { name: '宽表', cells: [Array.from({ length: 1100 }, (_, i) => `列${i}`)], merges: Array.from({ length: 550 }, (_, i) => ({ top: 1, left: 2 * i + 1, bottom: 1, right: 2 * i + 2 })) };
    install(loadWorkbookFromJson({ sheets: [budgetSheet(5), wide] }));
    const wb = await runExcel((c) => readWorkbookSnapshots(c));
    expect(wb.sheets.map((s) => [s.name, s.merges.length])).toEqual([[SHEET, 6], ['宽表', 0]]);
    expect(wb.sheets[1].warnings.join('')).toContain('合并单元格太多');
    expect(wb.sheets[0].warnings).toEqual([]);
  });

  it('reads a workbook whose one sheet has an unreadable rule: a warning for that sheet, not a failure; notes read on the web too', async () => {
    const book = install(loadWorkbookFromJson({ sheets: [budgetSheet(5), budgetSheet(5, '表2')] }, { quirks: { webNotes: true } }));
    book.sheet('表2').notes.set('1,1', { row: 1, col: 1, content: '备注', author: 'x' });
    await runExcel((c) => applyPlan(c, rulePlan(['F5:F9'])));
    book.sheet(SHEET).conditionalFormats[0].unreadable = true;
    const wb = await runExcel((c) => readWorkbookSnapshots(c));
    expect(wb.sheets.map((s) => [s.name, s.values.length, s.merges.length])).toEqual([[SHEET, 9, 6], ['表2', 9, 6]]);
    expect(wb.sheets[0].warnings.join('')).toContain('条件格式');
    expect(wb.sheets[1].warnings).toEqual([]);
    // Only the properties needed are loaded (items/content), which Excel on the web allows (office-js#6198).
    expect(wb.sheets.map((s) => s.notes)).toEqual([[], [{ row: 1, col: 1, text: '备注' }]]);
  });

  it('keeps every request under 5 MB counted in UTF-8 bytes, for Chinese text, reading and writing', async () => {
    const name = (i: number) => `广州市荔湾区人力资源和社会保障局专项工作经费项目第${i}号（含劳动保障监察与仲裁）`;
    const sheet = budgetSheet(30_000);
    sheet.cells.forEach((row, i) => i >= 4 && (row[1] = name(i)));
    const book = install(loadWorkbookFromJson({ sheets: [sheet] }, { quirks: { genericPayloadErrors: true } }));
    book.resetStats();
    // The first 5,000 rows measure the weight of a row; the rest go in requests sized from it, in UTF-8 bytes.
    const snap = await runExcel((c) => readSnapshot(c, { sheetName: SHEET, firstSyncRows: 5000 }));
    expect(snap.values).toHaveLength(30_004);
    const texts = Array.from({ length: 30_000 }, (_, i) => [name(i)]);
    const plan: Plan = { ...emptyPlan(SHEET), writes: [{ row: 5, col: 7, inputs: texts, before: texts.map(() => [null]), purpose: 'value' }] };
    await runExcel((c) => applyPlan(c, plan));
    expect(book.syncLog.filter((s) => s.error)).toEqual([]);
    for (const s of book.syncLog) expect(Math.max(s.requestBytes, s.responseBytes)).toBeLessThan(5 * 1024 * 1024);
    expect(book.syncLog.length).toBeGreaterThan(3);
  });

  it('a batch that stops half way leaves nothing undo cannot take back: old rules are removed last', async () => {
    const book = install(loadWorkbookFromJson({ sheets: [budgetSheet(10)] }));
    await runExcel((c) => applyPlan(c, rulePlan(['F5:F14'])));
    const rules = () => book.sheet(SHEET).conditionalFormats.map((r) => [r.formula, r.areas.length]);
    const before = rules();
    const plan = rulePlan(['F5:F14']);
    plan.conditionalFormats[0].formula = '=AND(ISNUMBER(F5),F5<0.5)';
    // A second rule Excel refuses (an area past the last row): the batch stops there.
    plan.conditionalFormats.push({ ...plan.conditionalFormats[0], rule: 'over-budget', ranges: ['F1048576:F1048577'], priority: 2 });
    plan.writes.push({ row: 5, col: 7, inputs: [['已复核']], before: [[null]], purpose: 'value' });
    plan.removeConditionalFormats.push({ ranges: ['F5:F14'], formula: '=AND(ISNUMBER(F5),F5<0.9)' });
    const undo = invertPlan(plan); // what the pane records before applying
    await expect(runExcel((c) => applyPlan(c, plan))).rejects.toMatchObject({ officeCode: 'InvalidArgument' });
    expect(rules()).toHaveLength(2); // the new rule went in, the old one is still there
    await runExcel((c) => applyPlan(c, undo));
    expect(rules()).toEqual(before);
    expect(book.getDisplayGrid(SHEET, { bottom: 20, right: 9 }).cells[4][6].value).toBeNull();
  });

  it('says “too large” when Excel answers a large request with its generic internal error', async () => {
    const book = install(loadWorkbookFromJson({ sheets: [budgetSheet(3)] }, { payloadLimitBytes: 1_100_000, quirks: { genericPayloadErrors: true } }));
    const texts = Array.from({ length: 20_000 }, (_, i) => [`第${i}行的说明文字，较长的一段中文备注内容`]);
    const plan: Plan = { ...emptyPlan(SHEET), writes: [{ row: 5, col: 8, inputs: texts, before: texts.map(() => [null]), purpose: 'value' }] };
    const e = await runExcel((c) => applyPlan(c, plan)).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'request-too-large', officeCode: 'GeneralException' });
    expect(book.syncLog.at(-1)?.error).toBe('GeneralException');
  });
});
