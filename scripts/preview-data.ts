/**
 * Turns a sample .xlsx into the JSON the browser preview loads into its simulated workbook
 * (src/preview/sampleTypes.ts). exceljs only runs in Node, so this runs at build time: the preview's webpack
 * loader (scripts/preview-xlsx-loader.js) calls it for every `import … from '*.xlsx'`.
 *
 *   npx tsx scripts/preview-data.ts assets/samples/liwan-2021.xlsx        → JSON on stdout
 *   npx tsx scripts/preview-data.ts assets/samples/liwan-2021.xlsx out.json
 *
 * Cell contents go through the .xlsx front end's own reader (src/xlsx), so the preview starts from exactly
 * what the command line would see; only widths, heights and styles are read here (with exceljs).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { cellAddress } from '../src/core';
import type { PreviewSheet, PreviewStyleRun, PreviewWorkbook } from '../src/preview/sampleTypes';
import type { CellStyle } from '../src/preview/sim';
import { WorkbookPackage } from '../src/xlsx';

/**
 * Excel stores widths in characters of the default font; the simulator (like Office.js) uses points.
 * One character of 11-pt Calibri is 7 px plus 5 px of padding, and 1 px is 0.75 pt at 96 dpi.
 */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** exceljs's 'centerContinuous' etc. become the names Office.js uses. */
const ALIGN: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right', centerContinuous: 'Center', justify: 'Left', fill: 'Left', distributed: 'Center' };

function argbToHex(argb: string | undefined): string | null {
  if (!argb || !/^[0-9a-f]{8}$/i.test(argb)) return null;
  return `#${argb.slice(2).toUpperCase()}`;
}

export function cellStyle(cell: ExcelJS.Cell): CellStyle | null {
  const style: CellStyle = {};
  if (cell.font?.bold) style.bold = true;
  const h = cell.alignment?.horizontal;
  if (h && ALIGN[h]) style.horizontalAlignment = ALIGN[h];
  if (cell.alignment?.wrapText) style.wrapText = true;
  const fill = cell.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const hex = argbToHex(fill.fgColor?.argb);
    if (hex) style.fill = hex;
  }
  const font = argbToHex(cell.font?.color?.argb);
  if (font && font !== '#000000') style.fontColor = font;
  return Object.keys(style).length > 0 ? style : null;
}

function sheetExtras(ws: ExcelJS.Worksheet): Omit<PreviewSheet, 'snapshot'> {
  const columnWidths: Record<string, number> = {};
  for (let c = 1; c <= ws.columnCount; c++) {
    const w = ws.getColumn(c).width;
    if (typeof w === 'number' && w > 0) columnWidths[String(c)] = widthToPoints(w);
  }
  const rowHeights: Record<string, number> = {};
  const styles: PreviewStyleRun[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.height) rowHeights[String(r)] = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const style = cellStyle(cell);
      // A merged area's style is its master's; the other cells of the area are never drawn.
      if (style && cell.type !== ExcelJS.ValueType.Merge) styles.push({ ref: cellAddress(r, c), style });
    });
  });
  return { columnWidths, rowHeights, styles };
}

export async function previewWorkbookFromXlsx(path: string): Promise<PreviewWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const file = basename(path);
  const book = await WorkbookPackage.open(new Uint8Array(readFileSync(path)), { source: file });
  const snapshots = await book.readSnapshots();
  return {
    file,
    sheets: wb.worksheets.map((ws) => ({ snapshot: snapshots.find((s) => s.name === ws.name)!, ...sheetExtras(ws) })),
  };
}

if (require.main === module) {
  const [input, output] = process.argv.slice(2);
  if (!input) {
    console.error('usage: tsx scripts/preview-data.ts <workbook.xlsx> [out.json]');
    process.exit(2);
  }
  previewWorkbookFromXlsx(input).then(
    (data) => {
      const json = JSON.stringify(data);
      if (output) writeFileSync(output, json);
      else process.stdout.write(json);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
