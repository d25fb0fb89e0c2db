/**
 * One simulated worksheet: cell contents live in HyperFormula (so formulas compute), number formats, styles,
 * merges, conditional formats and notes live here. Rows and columns are 1-based, like the engine's.
 * This is the "host" side of the simulator: proxies reach it only while a batch runs in `sync()`.
 */
import type { HyperFormula } from 'hyperformula';
import type { CellRect } from '../../core';
import { contains, intersect, rectCols, rectRows } from './addresses';
import { accessDenied } from './errors';

export type SimCellInput = string | number | boolean | null;
/** What `Range.values` gives: "" for an empty cell, error values as text ("#DIV/0!"). */
export type SimCellValue = string | number | boolean;

export interface CellStyle {
  bold?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** Thin borders (lookProxy.ts). */
  borders?: boolean;
  wrapText?: boolean;
  fill?: string | null;
  fontColor?: string | null;
}

export interface SimConditionalFormat {
  id: string;
  type: 'Custom';
  areas: CellRect[];
  /**
   * With "="; relative references are relative to the top-left cell of the areas' bounding box, which is how
   * Excel reads a rule's formula back (office-js#5194; limits.ts topLeftOf).
   */
  formula: string;
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
  /** Excel cannot describe this rule through the API: reading it fails (a duplicated rule, office-js#6835, #6827). */
  unreadable?: boolean;
}

/** A list drop-down (data validation of type List, ExcelApi 1.8): the items as Excel's comma-separated source. */
export interface SimListValidation {
  source: string;
  inCellDropDown: boolean;
}

export interface SimNote {
  row: number;
  col: number;
  content: string;
  author: string;
}

/** What a sheet needs from its workbook. */
export interface SimSheetHost {
  readonly hf: HyperFormula;
  /** Called before a change: lets the workbook batch HyperFormula's recalculation. */
  beginWrite(): void;
  /** Called before a read: makes sure every pending recalculation has run. */
  settle(): void;
  changed(sheet: SimSheet, rect: CellRect | null): void;
}

const PERCENT_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*%\s*$/;

function toHfInput(v: unknown): SimCellInput {
  // Excel treats "" and null alike when writing: the cell is cleared.
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

function toCellValue(v: unknown): SimCellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value); // DetailedCellError
  return v as SimCellValue;
}

export class SimSheet {
  readonly formats = new Map<number, Map<number, string>>();
  readonly stylePatches: { rect: CellRect; style: CellStyle }[] = [];
  merges: CellRect[] = [];
  /** In priority order: index 0 wins. */
  readonly conditionalFormats: SimConditionalFormat[] = [];
  readonly notes = new Map<string, SimNote>();
  readonly columnWidths = new Map<number, number>();
  /** List validations by cell ("row,col"): per cell, so setting a rule over part of an older one just replaces those cells. */
  readonly validations = new Map<string, SimListValidation>();
  /** Frozen panes (ExcelApi 1.7): rows at the top and columns at the left that stay in view; null when none. */
  frozen: { rows: number; cols: number } | null = null;
  isProtected = false;
  private contentVersion = 0;
  private usedCache: { version: number; rect: CellRect | null } | null = null;
  private serialCache: { version: number; rows: unknown[][] } | null = null;

  constructor(
    readonly host: SimSheetHost,
    public name: string,
    readonly hfId: number,
  ) {}

  guardWrite(): void {
    if (this.isProtected) throw accessDenied(this.name);
    this.host.beginWrite();
  }

  private hfRange(r: CellRect) {
    return {
      start: { sheet: this.hfId, row: r.top - 1, col: r.left - 1 },
      end: { sheet: this.hfId, row: r.bottom - 1, col: r.right - 1 },
    };
  }

  values(r: CellRect): SimCellValue[][] {
    this.host.settle();
    return this.host.hf.getRangeValues(this.hfRange(r)).map((row) => row.map(toCellValue));
  }

  /** Formulas where there are formulas, otherwise the constant (as Excel's `Range.formulas` does). */
  formulas(r: CellRect): SimCellValue[][] {
    this.host.settle();
    const raw = this.host.hf.getRangeSerialized(this.hfRange(r));
    const values = this.values(r);
    return raw.map((row, i) => row.map((c, j) => (typeof c === 'string' && c.startsWith('=') ? c : values[i][j])));
  }

  numberFormats(r: CellRect): string[][] {
    const out: string[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line = this.formats.get(row);
      const cells: string[] = [];
      for (let col = r.left; col <= r.right; col++) cells.push(line?.get(col) ?? 'General');
      out.push(cells);
    }
    return out;
  }

  /** Writes inputs (formulas with "=", constants); `data` is a 2D array of the rectangle's size. */
  writeInputs(r: CellRect, data: unknown[][]): void {
    this.guardWrite();
    const rows = data.map((row) => row.map(toHfInput));
    this.host.hf.setCellContents({ sheet: this.hfId, row: r.top - 1, col: r.left - 1 }, rows);
    this.percentFormats(r, rows);
    this.contentVersion++;
    this.host.changed(this, r);
  }

  /**
   * "100%" written as text is a number to Excel (and to HyperFormula): Excel also gives a General cell a percent
   * format then ("0%", or "0.00%" with decimals), as when it is typed, so the grid shows 100%, not 1.
   */
  private percentFormats(r: CellRect, rows: SimCellInput[][]): void {
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v !== 'string' || !PERCENT_TEXT.test(v)) return;
        const line = this.formats.get(r.top + i);
        if (line?.has(r.left + j)) return;
        const format = v.includes('.') ? '0.00%' : '0%';
        if (line) line.set(r.left + j, format);
        else this.formats.set(r.top + i, new Map([[r.left + j, format]]));
      }),
    );
  }

  writeNumberFormats(r: CellRect, data: unknown[][]): void {
    this.guardWrite();
    for (let i = 0; i < rectRows(r); i++) {
      const row = r.top + i;
      let line = this.formats.get(row);
      for (let j = 0; j < rectCols(r); j++) {
        const f = data[i][j];
        if (f === null || f === undefined || f === '' || f === 'General') line?.delete(r.left + j);
        else {
          if (!line) this.formats.set(row, (line = new Map()));
          line.set(r.left + j, String(f));
        }
      }
      if (line && line.size === 0) this.formats.delete(row);
    }
    this.contentVersion++;
    this.host.changed(this, r);
  }

  numberFormatAt(row: number, col: number): string {
    return this.formats.get(row)?.get(col) ?? 'General';
  }

  applyStyle(r: CellRect, style: CellStyle): void {
    this.guardWrite();
    this.stylePatches.push({ rect: r, style });
    this.host.changed(this, r);
  }

  styleAt(row: number, col: number): CellStyle {
    const out: CellStyle = {};
    for (const p of this.stylePatches) if (contains(p.rect, row, col)) Object.assign(out, p.style);
    return out;
  }

  merge(r: CellRect): void {
    this.guardWrite();
    // Merging keeps the top-left value only (the API does this without the dialog the UI shows).
    if (rectRows(r) * rectCols(r) > 1) {
      const keep = this.formulas({ top: r.top, left: r.left, bottom: r.top, right: r.left })[0][0];
      const data = Array.from({ length: rectRows(r) }, (_, i) =>
        Array.from({ length: rectCols(r) }, (_, j) => (i === 0 && j === 0 ? keep : null)),
      );
      this.writeInputs(r, data);
    }
    this.merges = this.merges.filter((m) => !intersect(m, r));
    this.merges.push({ ...r });
    this.host.changed(this, r);
  }

  unmerge(r: CellRect): void {
    this.guardWrite();
    this.merges = this.merges.filter((m) => !intersect(m, r));
    this.host.changed(this, r);
  }

  setColumnWidth(left: number, right: number, points: number): void {
    this.guardWrite();
    for (let c = left; c <= right; c++) this.columnWidths.set(c, points);
    this.host.changed(this, null);
  }

  /** Smallest rectangle with any value (and, unless valuesOnly, any number format, style or merge); null when blank. */
  usedRect(valuesOnly: boolean): CellRect | null {
    let rect = this.valueBounds();
    if (valuesOnly) return rect;
    const grow = (r: CellRect) => {
      rect = rect
        ? {
            top: Math.min(rect.top, r.top),
            left: Math.min(rect.left, r.left),
            bottom: Math.max(rect.bottom, r.bottom),
            right: Math.max(rect.right, r.right),
          }
        : { ...r };
    };
    for (const [row, line] of this.formats) for (const col of line.keys()) grow({ top: row, left: col, bottom: row, right: col });
    // Whole-row and whole-column styles are kept by Excel as row/column styles, outside the used range.
    for (const p of this.stylePatches) if (rectRows(p.rect) < 1_048_576 && rectCols(p.rect) < 16_384) grow(p.rect);
    for (const m of this.merges) grow(m);
    return rect;
  }

  /** The inputs as HyperFormula serialises them (ragged rows), cached until the contents change. */
  serialized(): unknown[][] {
    this.host.settle();
    if (this.serialCache?.version !== this.contentVersion) this.serialCache = { version: this.contentVersion, rows: this.host.hf.getSheetSerialized(this.hfId) };
    return this.serialCache.rows;
  }

  private valueBounds(): CellRect | null {
    if (this.usedCache?.version === this.contentVersion) return this.usedCache.rect;
    const grid = this.serialized();
    let rect: CellRect | null = null;
    grid.forEach((row, i) => {
      row.forEach((c, j) => {
        if (c === null || c === undefined || c === '') return;
        if (!rect) rect = { top: i + 1, left: j + 1, bottom: i + 1, right: j + 1 };
        else {
          rect.left = Math.min(rect.left, j + 1);
          rect.right = Math.max(rect.right, j + 1);
          rect.bottom = i + 1;
        }
      });
    });
    this.usedCache = { version: this.contentVersion, rect };
    return rect;
  }
}
