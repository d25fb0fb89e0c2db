/** Round trips through a real file on disk, the way the command line writes and a user opens a workbook. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
// jszip comes with exceljs (its own zip library); used here only to look at the written XML.
import JSZip from 'jszip';

export class TempFiles {
  readonly dir = mkdtempSync(join(tmpdir(), 'xlsx-plan-'));
  private n = 0;

  /** Saves `wb` to a new file and reads it back with a fresh exceljs workbook. */
  async saveAndRead(wb: ExcelJS.Workbook): Promise<{ file: string; wb: ExcelJS.Workbook }> {
    const file = join(this.dir, `book${++this.n}.xlsx`);
    await wb.xlsx.writeFile(file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    return { file, wb: back };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The XML of one part of a saved workbook ("xl/workbook.xml"). */
export async function partXml(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entry = zip.file(part);
  if (!entry) throw new Error(`${file} has no ${part}`);
  return entry.async('string');
}

/** The worksheet part of the sheet named `name` (sheet ids and file names need not follow the tab order). */
export async function sheetXml(file: string, name: string): Promise<string> {
  const book = await partXml(file, 'xl/workbook.xml');
  const rels = await partXml(file, 'xl/_rels/workbook.xml.rels');
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
  const target = rid ? new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1] : undefined;
  if (!target) throw new Error(`No sheet "${name}" in ${file}`);
  return partXml(file, `xl/${target.replace(/^\/?xl\//, '')}`);
}
