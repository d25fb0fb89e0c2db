/**
 * Builds the sample workbooks in assets/samples/ from the seed fixtures (test/fixtures), so the
 * numbers and texts have one source of truth. Run: npx tsx scripts/build-samples.ts
 *
 * - liwan-2021.xlsx: 表1-2 (summary, rates typed in), 项目支出 (four project tables, rate columns
 *   empty), 绩效指标 (key-indicator tables) — seed 000.
 * - foshan-2020.xlsx: 部门预算支出明细表 — seed 004.
 * - guangzhou-2022-indicators.xlsx: 绩效指标完成情况 (task tables) — seed 002.
 * - national-project-form-2023.xlsx: the national 项目支出绩效自评表 (财预〔2020〕10号), blanks to fill — issue 8.
 * - department-form-2024.xlsx: a 部门整体支出绩效自评表 with seed 003's numbers (96.92% → 9.69, 99.66) — issue 8.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { SEED000_INDICATOR_TABLES, SEED002_INDICATOR_TABLES } from '../test/fixtures/seedIndicators';
import { departmentForm, nationalProjectForm } from '../test/fixtures/forms';
import { addFoshanSheet } from './samples/foshan';
import { addFormSheet } from './samples/forms';
import { addGuangzhouIndicatorSheet, addLiwanIndicatorSheet } from './samples/indicatorSheets';
import { addProjectsSheet } from './samples/liwanProjects';
import { addSummarySheet } from './samples/liwanSummary';
import { newWorkbook } from './samples/style';

export const SAMPLES_DIR = resolve(__dirname, '..', 'assets', 'samples');

interface Sample {
  file: string;
  build: (workbook: ExcelJS.Workbook) => void;
}

export const SAMPLES: readonly Sample[] = [
  {
    file: 'liwan-2021.xlsx',
    build: (wb) => {
      addSummarySheet(wb);
      addProjectsSheet(wb);
      addLiwanIndicatorSheet(wb, SEED000_INDICATOR_TABLES);
    },
  },
  { file: 'foshan-2020.xlsx', build: addFoshanSheet },
  { file: 'guangzhou-2022-indicators.xlsx', build: (wb) => addGuangzhouIndicatorSheet(wb, SEED002_INDICATOR_TABLES) },
  { file: 'national-project-form-2023.xlsx', build: (wb) => void addFormSheet(wb, nationalProjectForm(), [12, 20, 14, 16, 14, 14, 10, 10, 26]) },
  { file: 'department-form-2024.xlsx', build: (wb) => void addFormSheet(wb, departmentForm(), [12, 22, 12, 14, 12, 12, 12, 12, 12, 12, 12]) },
];

export async function buildSamples(dir: string = SAMPLES_DIR): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const sample of SAMPLES) {
    const workbook = newWorkbook();
    sample.build(workbook);
    const path = join(dir, sample.file);
    await workbook.xlsx.writeFile(path);
    written.push(path);
  }
  return written;
}

if (require.main === module) {
  buildSamples().then(
    (paths) => paths.forEach((path) => console.log(`wrote ${path}`)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
