/**
 * Where a budget table ends: at a second blank row, after its note / sign-off lines, after the 合计 that closes it,
 * at a paragraph of text, or where another table's header starts.
 */
import type { SheetGrid } from '../grid';
import { classifyFilledRow, isBlankRow, type ClassifiedRow, type RowShape } from './classifyRow';

export interface TableExtent {
  lastRow: number;
  /** The rows read on the way (blank rows included), kept so the table is not classified twice. */
  classified: ClassifiedRow[];
}

const BLANK: ClassifiedRow = { kind: 'blank', name: '', hasAmounts: false };

/** A long sentence in the label column is body text of the report, not a row of the table. */
const PARAGRAPH_LENGTH = 60;

export function scanTableRows(
  grid: SheetGrid,
  firstDataRow: number,
  shape: RowShape,
  isHeaderRow: (row: number) => boolean,
): TableExtent {
  const { firstCol, lastCol } = shape;
  let lastRow = firstDataRow - 1;
  let blanks = 0;
  let seenItems = false;
  let closed = false;
  const classified: ClassifiedRow[] = [];
  for (let r = firstDataRow; r <= grid.lastRow; r++) {
    if (isBlankRow(grid, r, firstCol, lastCol)) {
      if (++blanks >= 2) break;
      classified.push(BLANK);
      continue;
    }
    if (isHeaderRow(r)) break;
    blanks = 0;
    const row = classifyFilledRow(grid, r, shape);
    classified.push(row);
    if (row.kind === 'note') {
      lastRow = r;
      closed = true;
      continue;
    }
    if (closed && row.kind !== 'part-of') break;
    if (!row.hasAmounts && row.name.length > PARAGRAPH_LENGTH) break;
    lastRow = r;
    if (row.kind === 'item' || row.kind === 'subtotal') seenItems = true;
    if (row.kind === 'total' && seenItems) closed = true;
  }
  // The rows read past the end are not the table's (trimmed in place, not copied).
  if (classified.length > lastRow - firstDataRow + 1) classified.length = lastRow - firstDataRow + 1;
  return { lastRow, classified };
}
