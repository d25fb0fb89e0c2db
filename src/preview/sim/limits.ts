/**
 * Limits and behaviours of real Excel that the simulator enforces, each with where it is documented or
 * reported, so that a front end that passes here does not meet them first on a user's machine. Where Excel's
 * behaviour differs by platform or build, the simulator takes the strictest one (or makes it a host option).
 */
import type { CellRect } from '../../core';
import { SimErrorCodes, SimOfficeError } from './errors';

/**
 * "On all platforms, a range is limited to five million cells for get operations" (learn.microsoft.com/office/
 * dev/add-ins/excel/performance, payload size limit best practices). Past it Excel throws a generic error or, on
 * some builds, returns `values: null` (office-js-docs-pr#5821; office-js#4783, #6781).
 */
export const READ_CELL_LIMIT = 5_000_000;

/**
 * Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512, then this method
 * will fail to return the result" (@types/office-js, ExcelApi 1.13).
 */
export const MERGED_AREAS_LIMIT = 512;

/**
 * Worksheet.getRanges(address) fails with InvalidArgument for long lists: one address of 513 areas and 8,207
 * characters failed where a shorter one of 513 areas worked (office-js#5198, also office-js-docs-pr#2255). The
 * simulator refuses either past 512 areas or past 8,192 characters — the strictest reading of the reports.
 */
export const GET_RANGES_MAX_AREAS = 512;
export const GET_RANGES_MAX_CHARS = 8192;

/** What Excel says when it gives no reason ("RichApi.Error: An internal error has occurred."). */
export function internalError(detail: string): SimOfficeError {
  return new SimOfficeError(SimErrorCodes.generalException, `An internal error has occurred. (${detail})`);
}

export function cellCount(r: CellRect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** The top-left cell of the rectangles' bounding box: where a multi-area rule's relative references start. */
export function topLeftOf(rects: CellRect[]): { row: number; col: number } {
  return { row: Math.min(...rects.map((r) => r.top)), col: Math.min(...rects.map((r) => r.left)) };
}

/** Behaviours that differ between Excel hosts and builds; a test picks the one it plays. */
export interface SimHostQuirks {
  /** A read past READ_CELL_LIMIT: Excel's generic error (default) or `values: null` (office-js#4783, #6781). */
  oversizedRead: 'internal-error' | 'null';
  /** A request or response past the payload limit fails as the generic internal error instead of its own code. */
  genericPayloadErrors: boolean;
  /**
   * Excel on the web: loading every property of the notes (`notes.load('items')`) fails, because some (visible,
   * width, height) are not supported there; loading the ones needed (`items/content`) works (office-js#6198, "by
   * design", workaround confirmed).
   */
  webNotes: boolean;
  /** ConditionalFormat.getRanges lists the areas in another order than they were given (Excel promises none). */
  reverseRuleAreas: boolean;
}

export const DEFAULT_QUIRKS: SimHostQuirks = { oversizedRead: 'internal-error', genericPayloadErrors: false, webNotes: false, reverseRuleAreas: false };
