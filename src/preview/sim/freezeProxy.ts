/**
 * `Excel.WorksheetFreezePanes` (ExcelApi 1.7) of the simulator: how many rows and columns stay in view. The frozen
 * pane always starts at A1, as in Excel; freezeAt takes the bottom-right corner of the range it is given.
 */
import type { CellRect } from '../../core';
import { SimClientObject } from './clientObject';
import type { SimRequestContext } from './context';
import { invalidArgument } from './errors';
import { rectOnSheet, SimRange } from './rangeProxy';
import { requireApi } from './requirements';
import type { SimSheet } from './sheetModel';

function setFrozen(sheet: SimSheet, rows: number, cols: number): void {
  if (!(Number.isInteger(rows) && Number.isInteger(cols) && rows >= 0 && cols >= 0)) throw invalidArgument(`Cannot freeze ${rows} rows and ${cols} columns.`);
  sheet.frozen = rows === 0 && cols === 0 ? null : { rows, cols };
  sheet.host.changed(sheet, null);
}

export class SimFreezePanes extends SimClientObject<SimSheet> {
  protected readonly simTypeName = 'WorksheetFreezePanes';

  constructor(context: SimRequestContext, private readonly resolver: () => SimSheet | null) {
    super(context);
  }

  protected simResolve(): SimSheet | null {
    requireApi(this.context, '1.7', 'Worksheet.freezePanes');
    return this.resolver();
  }

  protected simScalars(): Record<string, (s: SimSheet) => unknown> {
    return {};
  }

  /** Freezes the top rows only (Excel drops a column split made before). */
  freezeRows(count = 1): void {
    this.simCall({ count }, (s) => setFrozen(s, count, 0));
  }

  freezeColumns(count = 1): void {
    this.simCall({ count }, (s) => setFrozen(s, 0, count));
  }

  freezeAt(range: SimRange | string): void {
    this.simCall({ range: typeof range === 'string' ? range : '' }, (s) => {
      const rect: CellRect = typeof range === 'string' ? rectOnSheet(s, range) : range.simTargetOrThrow().rect;
      setFrozen(s, rect.bottom, rect.right);
    });
  }

  unfreeze(): void {
    this.simCall({}, (s) => setFrozen(s, 0, 0));
  }

  /** The frozen cells (A1 to the corner), or a null object when nothing is frozen. */
  getLocationOrNullObject(): SimRange {
    return new SimRange(this.context, () => {
      const s = this.simTargetOrThrow();
      if (!s.frozen) return null;
      const { rows, cols } = s.frozen;
      // Rows only: whole rows 1:n; columns only: whole columns A:x (Excel reports them that way too).
      return { sheet: s, rect: { top: 1, left: 1, bottom: rows || 1_048_576, right: cols || 16_384 } };
    });
  }
}
