/**
 * The sheet 绩效指标完成情况 this engine built on an earlier run. It is never read as a user's indicator table;
 * it is read as the place where the user answered what the engine could not decide: the numbers they corrected
 * in 目标值 / 实际值, the 方向 they changed, the 定性评级 band they chose, the 分值 they set and the 偏差原因
 * they wrote. A re-run clears the area it owned and rewrites it with those answers kept (see analyze.ts).
 */
import type { SheetGrid } from '../grid';
import { cellAddress, type CellRect } from '../snapshot';
import { parseAmount } from '../cells/parseAmount';
import { BAND_WORD, BOTTOM_LABELS, OWN_LAST_COL, type OwnColumn } from './headers';
import type { IndicatorTableLayout } from './findTables';
import type { QualitativeBand } from './completion';
import { sourceKey } from './sourceText';

export interface OwnRow {
  row: number;
  /** The 来源 cell: the source's key ("绩效指标!B5"), with "#2" for the second part of a several-part value. */
  key: string;
  level1: string;
  level2: string;
  level3: string;
  targetText: string;
  actualText: string;
  target: number | null;
  actual: number | null;
  unit: string;
  direction: string;
  band: QualitativeBand | null;
  weight: number | null;
  reason: string;
}

export interface OwnSheet {
  sheet: string;
  /** Everything the engine wrote last time: cleared before the rewrite. */
  area: CellRect;
  rows: Map<string, OwnRow>;
  /** Rows of whole indicators (no part rows, no 预算执行率), in sheet order. */
  indicators: OwnRow[];
}

/** The 来源 of the 预算执行率 row starts with this word. */
export const EXECUTION_KEY = '预算执行率';

const BAND_OF = new Map(Object.entries(BAND_WORD).map(([band, word]) => [word as string, band as QualitativeBand]));

/** A number the user left in a cell (typed as text counts too: "95%" → 95 is not guessed, only plain numbers). */
function numberIn(grid: SheetGrid, row: number, col: number | undefined): number | null {
  if (col === undefined || grid.formula(row, col)) return null;
  const a = parseAmount(grid.rawValue(row, col));
  return a.kind === 'number' ? a.value : null;
}

export function readOwnSheet(grid: SheetGrid, sheet: string, t: IndicatorTableLayout): OwnSheet {
  const cols = t.own ?? {};
  const text = (row: number, key: OwnColumn) => (cols[key] === undefined ? '' : grid.text(row, cols[key]!));
  const rows = new Map<string, OwnRow>();
  const indicators: OwnRow[] = [];
  let bottom = t.lastRow;
  for (let r = t.firstDataRow; r <= grid.lastRow; r++) {
    const label = text(r, 'level1');
    if (label === BOTTOM_LABELS.grade) {
      bottom = r;
      break;
    }
    if (r > t.lastRow || label === BOTTOM_LABELS.weights || label === BOTTOM_LABELS.total) continue;
    const written = text(r, 'source');
    const level3 = text(r, 'level3');
    // A row the user added by hand (a 三级指标, no 来源) is an indicator too: keyed by its cell until the rewrite
    // writes that key into 来源.
    if (written === '' && level3 === '') continue;
    // "预算执行率：'表1-2'!F11" names its link; the row is the 预算执行率 row whatever it links to.
    const key = written === '' ? `${sheet}!${cellAddress(r, cols.level3!)}` : written.startsWith(EXECUTION_KEY) ? EXECUTION_KEY : sourceKey(written);
    const own: OwnRow = {
      row: r,
      key,
      level1: label,
      level2: text(r, 'level2'),
      level3,
      targetText: text(r, 'targetText'),
      actualText: text(r, 'actualText'),
      target: numberIn(grid, r, cols.target),
      actual: numberIn(grid, r, cols.actual),
      unit: text(r, 'unit'),
      direction: grid.formula(r, cols.direction ?? 0) ? '' : text(r, 'direction'),
      band: BAND_OF.get(text(r, 'band')) ?? null,
      weight: numberIn(grid, r, cols.weight),
      reason: text(r, 'reason'),
    };
    rows.set(key, own);
    if (!key.includes('#') && key !== EXECUTION_KEY) indicators.push(own);
  }
  const right = Math.max(OWN_LAST_COL, t.lastCol);
  return { sheet, area: { top: grid.firstRow, left: 1, bottom: Math.max(bottom, t.headerRow), right }, rows, indicators };
}

