/**
 * The careful read, used when the quick one (readSheets.ts) failed: a request refused for its size (5 MB on the
 * web, or the generic "internal error" some hosts send instead), a read past five million cells (an error, or
 * `values: null`), or a part of a sheet Excel cannot give. Reading changes nothing, so starting again is safe:
 *
 *   1. each area's size;
 *   2. for an area too big to read blindly, where its table is (readRegions.ts);
 *   3. values, formulas and formats in bands of at most a million cells, in requests of about 4 MB;
 *   4. merges, rules and notes, a sheet's part that fails skipped with a warning (readParts.ts).
 */
import { rectAddress, type CellRect } from '../core';
import { bandRows, copyBand, emptyGrid, NullRead, type Grid } from './readBands';
import { UserFacingError, officeErrorCode } from './errors';
import { rowBlocks, SyncBudget } from './payload';
import { readParts, type SheetParts } from './readParts';
import { findRegion, REGION_CELLS } from './readRegions';
import type { ReadPlan, SheetTarget } from './readSheets';

export interface CarefulSheet {
  name: string;
  rect: CellRect;
  grid: Grid;
  parts: SheetParts;
  warnings: string[];
}

/** Bytes a cell weighs in values + formulas + formats when nothing has been read yet. */
const BYTES_PER_CELL = 60;

export function tooBigToRead(cause?: unknown): UserFacingError {
  return new UserFacingError(
    'request-too-large',
    '这张工作表的数据区域太大，Excel 一次读不出来（每次最多 500 万个单元格；Excel 网页版每次最多 5 MB）。',
    '请删除表格以外远处的内容（或清除整行整列的格式），或把表格复制到一张新工作表后再点“识别”。',
    officeErrorCode(cause),
    { cause },
  );
}

async function readCells(context: Excel.RequestContext, sheets: { name: string; rect: CellRect }[], p: ReadPlan, counter: { syncs: number }): Promise<Grid[]> {
  const budget = new SyncBudget(context, p.budgetBytes);
  const queued: { bands: Excel.Range[]; grid: Grid }[] = [];
  for (const s of sheets) {
    const width = s.rect.right - s.rect.left + 1;
    const rows = s.rect.bottom - s.rect.top + 1;
    const sheet = context.workbook.worksheets.getItem(s.name);
    const bands: Excel.Range[] = [];
    for (const b of rowBlocks(rows, bandRows(p.blockRows, width))) {
      await budget.reserve(b.count * width * BYTES_PER_CELL);
      const band = { ...s.rect, top: s.rect.top + b.offset, bottom: s.rect.top + b.offset + b.count - 1 };
      bands.push(sheet.getRange(rectAddress(band)).load('values, formulas, numberFormat, rowIndex, rowCount'));
    }
    queued.push({ bands, grid: emptyGrid(rows) });
  }
  if (budget.pendingBytes > 0) await budget.flush();
  counter.syncs += budget.syncs;
  return queued.map(({ bands, grid }, k) => {
    for (const band of bands) copyBand(band, sheets[k].rect.top, grid);
    return grid;
  });
}

export async function readCarefully(context: Excel.RequestContext, makeTargets: () => SheetTarget[], p: ReadPlan, counter: { syncs: number }): Promise<CarefulSheet[]> {
  const targets = makeTargets();
  for (const t of targets) {
    t.sheet.load('name');
    t.area.load('rowIndex, columnIndex, rowCount, columnCount');
  }
  await context.sync();
  counter.syncs++;
  const sheets = targets.map((t) => ({
    name: t.sheet.name,
    rect: { top: t.area.rowIndex + 1, left: t.area.columnIndex + 1, bottom: t.area.rowIndex + t.area.rowCount, right: t.area.columnIndex + t.area.columnCount },
    warnings: [] as string[],
  }));
  for (const s of sheets) {
    const r = s.rect;
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) <= REGION_CELLS) continue;
    const region = await findRegion(context, s.name, r, counter);
    s.rect = region.rect;
    for (const far of region.left)
      s.warnings.push(`工作表“${s.name}”在 ${rectAddress(far)} 另有内容，离表格很远，未读取；如果它属于表格，请把它移到表格旁边后重新识别，不属于表格则无需处理。`);
  }
  let grids: Grid[];
  try {
    grids = await readCells(context, sheets, p, counter);
  } catch (e) {
    // Bands are sized under both limits: a refusal now is Excel's limit all the same, whatever it says.
    if (e instanceof NullRead || /PayloadSizeLimitExceeded|GeneralException/.test(officeErrorCode(e) ?? '')) throw tooBigToRead(e);
    throw e;
  }
  const parts = await readParts(context, sheets, p.supported, counter);
  return sheets.map((s, i) => ({ ...s, grid: grids[i], parts: parts[i], warnings: [...s.warnings, ...parts[i].warnings] }));
}
