/**
 * Test helper, not the product path: what exceljs, an independent reader, sees of a worksheet, as the engine's
 * SheetSnapshot. Tests compare it with what the package reader (src/xlsx/package) sees, and check written files.
 */
import ExcelJS from 'exceljs';
import type { CellValue, ExistingConditionalFormat, ExistingNote, SheetSnapshot } from '../../src/core';
import { noteText, readCell } from './exceljsCellValue';
import { conditionalFormatBlocks, worksheetMerges } from './exceljsInternals';

export interface ReadSnapshotOptions {
  /** For messages only ("file.xlsx"). */
  source?: string;
}

const GENERAL = 'General';

function isDate1904(ws: ExcelJS.Worksheet): boolean {
  const wb = ws.workbook as ExcelJS.Workbook | undefined;
  return Boolean(wb?.properties?.date1904);
}

/**
 * Reads a worksheet. The snapshot always starts at A1 (origin 1,1): the engine addresses cells by the
 * worksheet's own rows and columns, and a few empty leading rows cost nothing next to a 100k-row body.
 */
export function readSnapshot(ws: ExcelJS.Worksheet, options: ReadSnapshotOptions = {}): SheetSnapshot {
  const date1904 = isDate1904(ws);
  // Rows are allocated as we meet them; rows never met stay undefined until the padding pass below.
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  const notes: ExistingNote[] = [];
  let lastRow = 0;
  let lastCol = 0;

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // cellCount is the row's highest used column, so the row arrays are sized once.
    const width = row.cellCount;
    const v: CellValue[] = new Array(width).fill(null);
    const f: (string | null)[] = new Array(width).fill(null);
    const nf: string[] = new Array(width).fill(GENERAL);
    row.eachCell((cell, colNumber) => {
      const i = colNumber - 1;
      // A merged area's other cells mirror the master in exceljs; Excel shows them empty, and so do we.
      if (cell.type !== ExcelJS.ValueType.Merge) {
        const read = readCell(cell, date1904);
        v[i] = read.value;
        f[i] = read.formula;
      }
      const fmt = cell.numFmt;
      if (fmt) nf[i] = fmt;
      const text = noteText(cell.note);
      if (text !== null) notes.push({ row: rowNumber, col: colNumber, text });
      if (colNumber > lastCol) lastCol = colNumber;
    });
    values[rowNumber - 1] = v;
    formulas[rowNumber - 1] = f;
    numberFormats[rowNumber - 1] = nf;
    lastRow = rowNumber;
  });

  padRectangular(values, formulas, numberFormats, lastRow, lastCol);
  return {
    name: ws.name,
    originRow: 1,
    originCol: 1,
    values,
    formulas,
    numberFormats,
    merges: worksheetMerges(ws),
    conditionalFormats: readConditionalFormats(ws),
    notes,
    source: options.source,
  };
}

/** Makes every row lastCol wide and fills the gaps of empty rows, so the engine can index freely. */
function padRectangular(
  values: CellValue[][],
  formulas: (string | null)[][],
  numberFormats: string[][],
  lastRow: number,
  lastCol: number,
): void {
  values.length = lastRow;
  formulas.length = lastRow;
  numberFormats.length = lastRow;
  for (let r = 0; r < lastRow; r++) {
    const v = values[r];
    if (!v) {
      values[r] = new Array(lastCol).fill(null);
      formulas[r] = new Array(lastCol).fill(null);
      numberFormats[r] = new Array(lastCol).fill(GENERAL);
      continue;
    }
    // Rows written with trailing empty cells can be wider than the data; trim them to lastCol too.
    if (v.length !== lastCol) {
      resize(v, lastCol, null);
      resize(formulas[r], lastCol, null);
      resize(numberFormats[r], lastCol, GENERAL);
    }
  }
}

function resize<T>(a: T[], n: number, fill: T): void {
  const old = a.length;
  a.length = n;
  for (let i = old; i < n; i++) a[i] = fill;
}

/**
 * Formula-based rules only: those are the kind the engine writes and must recognise on a second run.
 * Other rule types (data bars, cellIs, …) have no single formula and cannot be ours.
 */
function readConditionalFormats(ws: ExcelJS.Worksheet): ExistingConditionalFormat[] {
  const out: ExistingConditionalFormat[] = [];
  for (const block of conditionalFormatBlocks(ws)) {
    const ranges = String(block.ref ?? '').split(/\s+/).filter(Boolean);
    for (const rule of block.rules ?? []) {
      const first = rule.formulae?.[0];
      if (rule.type !== 'expression' || first === undefined || first === null) continue;
      const text = String(first);
      // Colours as the package reader gives them: the fill's background colour, the font's colour, as #RRGGBB.
      const hex = (c: unknown) => {
        const argb = (c as { argb?: string } | undefined)?.argb;
        return argb ? `#${argb.slice(-6).toUpperCase()}` : undefined;
      };
      const fill = hex((rule.style?.fill as { bgColor?: unknown } | undefined)?.bgColor);
      const font = hex(rule.style?.font?.color);
      const style = fill || font ? { ...(fill ? { fill } : {}), ...(font ? { font } : {}) } : undefined;
      out.push({ ranges, formula: text.startsWith('=') ? text : `=${text}`, ...(style ? { style } : {}) });
    }
  }
  return out;
}
