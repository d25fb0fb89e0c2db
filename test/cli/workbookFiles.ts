/** Files for the command-line tests of indicators, next-year and monitor: samples copied into a temp folder. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { defaultSamplesDir } from '../../src/cli/commands/demo';
import type { SheetSnapshot } from '../../src/core';
import { readSnapshot } from '../helpers/exceljsSnapshot';

export const LIWAN = 'liwan-2021.xlsx';
export const GUANGZHOU = 'guangzhou-2022-indicators.xlsx';

export class CliFiles {
  readonly dir: string;

  constructor(prefix: string) {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  /** A copy of a bundled sample (the tests never point the command line at assets/). */
  sample(name: string): string {
    const to = this.path(name);
    copyFileSync(join(defaultSamplesDir(), name), to);
    return to;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** What a reader sees of every sheet (values, formulas, formats, merges, rules, notes), by name. */
export async function snapshots(file: string): Promise<Map<string, SheetSnapshot>> {
  const wb = await readBook(file);
  return new Map(wb.worksheets.map((ws) => [ws.name, readSnapshot(ws)]));
}

export const bytes = (file: string) => readFileSync(file);
