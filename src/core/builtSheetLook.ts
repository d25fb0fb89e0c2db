/**
 * The look the engine gives the sheets it builds (绩效指标完成情况, 绩效运行监控), so they print as a finance
 * office's forms: a bold centred title merged across the table, headers bold on a light blue fill, wrapped, centred
 * and bordered, body rows bordered and wrapped so long names show whole. One place, so both sheets look alike.
 */
import type { RangeLook } from './plan';
import type { CellRect, SheetSnapshot } from './snapshot';

/** The header fill (Excel's "蓝色，个性色 1，淡色 80%"). */
export const HEADER_FILL = '#D9E1F2';

export const titleLook = (rect: CellRect): RangeLook => ({ rect, bold: true, horizontal: 'center' });
export const headerLook = (rect: CellRect): RangeLook => ({ rect, bold: true, fill: HEADER_FILL, wrap: true, horizontal: 'center', borders: true });
export const bodyLook = (rect: CellRect): RangeLook => ({ rect, wrap: true, borders: true });

/**
 * The title's merge, unless a previous run merged it already (the title stays in its row on every run, so the
 * merged area never moves; merging it again would be refused by Excel as overlapping).
 */
export function titleMerge(existing: SheetSnapshot | null | undefined, rect: CellRect): CellRect[] {
  const merged = existing?.merges.some((m) => m.top === rect.top && m.bottom === rect.bottom && m.left === rect.left && m.right === rect.right) ?? false;
  return merged ? [] : [rect];
}
