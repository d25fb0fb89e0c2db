/** Round trips through a real file on disk, the way the command line writes and a user opens a workbook. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
// jszip comes with exceljs (its own zip library); used here only to look at the written XML.
import JSZip from 'jszip';
import type { Plan } from '../../src/core';
import { type ApplyResult, WorkbookPackage } from '../../src/xlsx';

/**
 * The package writer on a workbook built with exceljs (the test's way of making an input file): exceljs writes
 * the bytes, the package applies the plans to them, exceljs reads the result back.
 */
export async function applyThroughPackage(wb: ExcelJS.Workbook, plans: Plan | Plan[]): Promise<{ results: ApplyResult[]; bytes: Uint8Array; wb: ExcelJS.Workbook }> {
  const input = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const book = await WorkbookPackage.open(input);
  const applied = await book.applyPlans(Array.isArray(plans) ? plans : [plans]);
  const bytes = await book.save();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return { results: applied.map((a) => a.result), bytes, wb: back };
}

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

  /** Applies plans through the package writer, saves the result to a new file and reads it back with exceljs. */
  async applyAndRead(wb: ExcelJS.Workbook, plans: Plan | Plan[]): Promise<{ file: string; wb: ExcelJS.Workbook; results: ApplyResult[] }> {
    const done = await applyThroughPackage(wb, plans);
    const file = join(this.dir, `book${++this.n}.xlsx`);
    writeFileSync(file, done.bytes);
    return { file, wb: done.wb, results: done.results };
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
