/**
 * What a sheet holds beside its cells — merged areas, conditional-format rules, notes — read so that one that
 * Excel cannot give never fails the whole read: all sheets together first, and when that request fails, each
 * sheet's each part alone, a part that still fails skipped with a warning. Excel has such parts:
 *
 *   - Range.getMergedAreasOrNullObject fails above 512 merged areas (@types/office-js): read in row blocks so
 *     narrow that no block can hold more (each merged area covers two cells or more);
 *   - reading a sheet's conditional formats throws on some builds when one rule cannot be described
 *     (office-js#6835, #6827);
 *   - loading notes with all their properties fails on Excel on the web (office-js#6198, "by design"): only
 *     `items/content` is loaded, which works there; should a host still refuse, that sheet's notes are skipped.
 */
import { rectAddress, type CellRect, type ExistingConditionalFormat, type ExistingNote } from '../core';
import { areaRect, bareArea, splitAreaList } from './areas';
import { officeErrorCode } from './errors';
import { rowBlocks } from './payload';
import type { ApiCheck } from './requirements';
import { joinRuleParts } from './ruleAreas';

/** Getting merged areas fails above this many in the range (@types/office-js, Range.getMergedAreasOrNullObject). */
export const MERGED_AREAS_LIMIT = 512;

export const RULE_LOAD =
  'items/type, items/stopIfTrue, items/customOrNullObject/rule/formula, items/customOrNullObject/format/fill/color, items/customOrNullObject/format/font/color';

export interface SheetParts {
  merges: CellRect[];
  conditionalFormats: ExistingConditionalFormat[];
  notes?: ExistingNote[];
  warnings: string[];
}

/** Rules of a sheet as loaded (RULE_LOAD) with their ranges, in the engine's form, parts of one rule joined. */
export function rulesFrom(custom: Excel.ConditionalFormat[], ranges: Excel.RangeAreas[]): ExistingConditionalFormat[] {
  const read = custom.map((cf, i) => ({ ranges: splitAreaList(ranges[i].address).map(bareArea), formula: cf.customOrNullObject.rule.formula }));
  const look = (i: number) => {
    const f = custom[i].customOrNullObject.format;
    return `${f.fill.color ?? ''}|${f.font.color ?? ''}|${custom[i].stopIfTrue}`;
  };
  return joinRuleParts(read, (a, b) => look(a) === look(b)).map(({ ranges: r, formula }) => ({ ranges: r, formula }));
}

export function mergesFrom(areas: (Excel.RangeAreas | null)[]): CellRect[] {
  const seen = new Map<string, CellRect>();
  for (const a of areas) if (a && !a.isNullObject) for (const area of splitAreaList(a.address)) seen.set(bareArea(area), areaRect(area));
  return [...seen.values()];
}

/** One part of one sheet: requests to queue one after another (a sync after each), then what to do with the result. */
interface ReadJob {
  steps: (() => void)[];
  finish(): void;
  fail(): void;
}

async function runSteps(context: Excel.RequestContext, jobs: ReadJob[], counter: { syncs: number }): Promise<void> {
  const depth = Math.max(0, ...jobs.map((j) => j.steps.length));
  for (let k = 0; k < depth; k++) {
    const now = jobs.filter((j) => j.steps[k]);
    now.forEach((j) => j.steps[k]());
    if (now.length === 0) continue;
    await context.sync();
    counter.syncs++;
  }
}

/** All jobs together; when that fails, each alone (fresh proxies: a failed request's objects are not reused). */
async function runJobs(context: Excel.RequestContext, factories: (() => ReadJob)[], counter: { syncs: number }): Promise<void> {
  const jobs = factories.map((f) => f());
  try {
    await runSteps(context, jobs, counter);
    jobs.forEach((j) => j.finish());
    return;
  } catch (e) {
    if (officeErrorCode(e) === undefined) throw e;
  }
  for (const make of factories) {
    const job = make();
    try {
      await runSteps(context, [job], counter);
      job.finish();
    } catch (e) {
      if (officeErrorCode(e) === undefined) throw e;
      job.fail();
    }
  }
}

export interface PartsTarget {
  name: string;
  /** The area read (1-based rectangle). */
  rect: CellRect;
}

function mergesJob(context: Excel.RequestContext, t: PartsTarget, out: SheetParts): ReadJob {
  let blocks: Excel.RangeAreas[] = [];
  const width = t.rect.right - t.rect.left + 1;
  // A merged area covers at least two cells, so a block of 1,024 cells holds at most 512 of them.
  const rows = Math.max(1, Math.floor((2 * MERGED_AREAS_LIMIT) / width));
  return {
    steps: [
      () => {
        const sheet = context.workbook.worksheets.getItem(t.name);
        blocks = rowBlocks(t.rect.bottom - t.rect.top + 1, rows).map((b) =>
          sheet.getRange(rectAddress({ ...t.rect, top: t.rect.top + b.offset, bottom: t.rect.top + b.offset + b.count - 1 })).getMergedAreasOrNullObject().load('address'),
        );
      },
    ],
    finish: () => (out.merges = mergesFrom(blocks)),
    fail: () => out.warnings.push(`工作表“${t.name}”的合并单元格太多，Excel 无法全部列出，表头识别可能不完整。`),
  };
}

function rulesJob(context: Excel.RequestContext, t: PartsTarget, out: SheetParts): ReadJob {
  let cfs: Excel.ConditionalFormatCollection;
  let custom: Excel.ConditionalFormat[] = [];
  let ranges: Excel.RangeAreas[] = [];
  return {
    steps: [
      () => (cfs = context.workbook.worksheets.getItem(t.name).getRange().conditionalFormats.load(RULE_LOAD)),
      () => {
        custom = cfs.items.filter((cf) => !cf.customOrNullObject.isNullObject);
        ranges = custom.map((cf) => cf.getRanges().load('address'));
      },
    ],
    finish: () => (out.conditionalFormats = rulesFrom(custom, ranges)),
    fail: () =>
      out.warnings.push(`Excel 无法读出工作表“${t.name}”的条件格式（其中有它不能描述的规则），已按没有标记规则处理；再次写入可能重复添加标记颜色，可在“开始 → 条件格式 → 管理规则”中删除重复的。`),
  };
}

function notesJob(context: Excel.RequestContext, t: PartsTarget, out: SheetParts): ReadJob {
  let notes: Excel.NoteCollection;
  let cells: Excel.Range[] = [];
  return {
    steps: [
      () => (notes = context.workbook.worksheets.getItem(t.name).notes.load('items/content')),
      () => (cells = notes.items.map((n) => n.getLocation().load('rowIndex, columnIndex'))),
    ],
    finish: () => (out.notes = notes.items.map((n, i) => ({ row: cells[i].rowIndex + 1, col: cells[i].columnIndex + 1, text: n.content }))),
    fail: () => out.warnings.push(`Excel 无法读出工作表“${t.name}”的批注，已有的批注不会被识别；写入时不会覆盖已有批注。`),
  };
}

/** Merges, rules and notes of each sheet; a part Excel cannot give is left out with a warning, never failing the rest. */
export async function readParts(context: Excel.RequestContext, targets: PartsTarget[], supported: ApiCheck, counter: { syncs: number }): Promise<SheetParts[]> {
  const out: SheetParts[] = targets.map(() => ({ merges: [], conditionalFormats: [], warnings: [] }));
  const factories: (() => ReadJob)[] = [];
  targets.forEach((t, i) => {
    // Range.getMergedAreasOrNullObject: ExcelApi 1.13; Worksheet.notes: ExcelApi 1.18.
    if (supported('1.13')) factories.push(() => mergesJob(context, t, out[i]));
    factories.push(() => rulesJob(context, t, out[i]));
    if (supported('1.18')) factories.push(() => notesJob(context, t, out[i]));
  });
  await runJobs(context, factories, counter);
  return out;
}
