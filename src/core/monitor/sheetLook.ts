/**
 * The look of 绩效运行监控, so it prints as a finance office's monitoring form (财预〔2020〕10号's 绩效运行监控表 is
 * filed on paper too): the title merged and centred; the summary's labels and values bordered; each block's header bold, shaded,
 * wrapped and bordered; every row bordered and wrapped (long project and indicator names show whole); landscape,
 * one page wide. No repeated title rows: the sheet has two blocks with different headers, and repeating the first
 * block's header over the second's pages would mislabel them.
 */
import { bodyLook, headerLook, titleLook } from '../builtSheetLook';
import type { PageSetup, Plan, RangeLook } from '../plan';
import { LAST_COL, SUMMARY_ROWS, SUMMARY_VALUE_COL, TITLE_ROW, type blockRows } from './layout';

export function monitorLook(rows: ReturnType<typeof blockRows>): Pick<Plan, 'looks' | 'pageSetup'> {
  const across = (top: number, bottom: number, right = LAST_COL) => ({ top, left: 1, bottom, right });
  const summaryRows = Object.values(SUMMARY_ROWS).map((s) => s.row);
  const looks: RangeLook[] = [
    titleLook(across(TITLE_ROW, TITLE_ROW)),
    // Labels and values bordered; the explanations beside them are left unwrapped and unbordered, so they run on
    // over the empty cells to their right instead of stacking in the narrow 单位 column.
    { rect: across(Math.min(...summaryRows), Math.max(...summaryRows), SUMMARY_VALUE_COL), borders: true },
    headerLook(across(rows.fundingHeader, rows.fundingHeader)),
    bodyLook(across(rows.fundingFirst, rows.fundingLast)),
    headerLook(across(rows.indicatorHeader, rows.indicatorHeader)),
    bodyLook(across(rows.indicatorFirst, rows.indicatorLast)),
  ];
  const pageSetup: PageSetup = { landscape: true, fitToWidth: true };
  return { looks, pageSetup };
}
