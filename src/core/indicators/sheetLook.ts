/**
 * The look of 绩效指标完成情况, so it prints as a finance office's form: the title merged across the table and
 * centred; the header bold, shaded, wrapped, bordered; every indicator row bordered and wrapped (long 三级指标 and
 * 年度指标值 texts show whole); 分值合计 / 自评得分 / 等级 bold; landscape, one page wide, the header repeated on
 * every page.
 */
import type { SheetGrid } from '../grid';
import { bodyLook, headerLook, titleLook, titleMerge } from '../builtSheetLook';
import type { PageSetup, Plan, RangeLook } from '../plan';
import { OWN_LAST_COL } from './headers';
import type { SheetLayout } from './planSheet';

const TITLE_ROW = 1;
const HEADER_ROW = 2;
const FIRST_ROW = 3;

export function sheetLook(layout: SheetLayout, existing: SheetGrid | null): Pick<Plan, 'looks' | 'pageSetup' | 'merges'> {
  const across = (top: number, bottom: number) => ({ top, left: 1, bottom, right: OWN_LAST_COL });
  const last = Math.max(layout.lastRow, FIRST_ROW);
  const looks: RangeLook[] = [
    titleLook(across(TITLE_ROW, TITLE_ROW)),
    headerLook(across(HEADER_ROW, HEADER_ROW)),
    bodyLook(across(FIRST_ROW, last)),
    { rect: across(layout.weightsRow, layout.gradeRow), bold: true, borders: true },
  ];
  const pageSetup: PageSetup = { landscape: true, fitToWidth: true, titleRows: { first: HEADER_ROW, last: HEADER_ROW } };
  return { looks, pageSetup, merges: titleMerge(existing?.snapshot, across(TITLE_ROW, TITLE_ROW)) };
}
