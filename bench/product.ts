/**
 * The code the benchmark measures. By default the compiled command line, as `budget-exec` runs it (build/, made by
 * `tsc -p tsconfig.cli.json`, compiled afresh here so an edit in src/ is never measured stale). `--source` measures
 * the TypeScript sources through tsx instead: tsx's module wrappers turn every use of an imported name into a getter
 * call and add helpers to every function, which the shipped command line does not have (about 10–20% of the CLI's
 * time in profiles), so the ratios against exceljs are the compiled program's.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type * as Cli from '../src/cli/main';
import type * as Core from '../src/core';
import type * as Xlsx from '../src/xlsx';
import type * as Print from '../src/cli/printReport';

export interface Product {
  main: typeof Cli.main;
  analyzeSheet: typeof Core.analyzeSheet;
  withDefaults: typeof Core.withDefaults;
  loadWorkbook: typeof Xlsx.loadWorkbook;
  /** The steps `apply` runs (src/xlsx/pipeline.ts: applyFile), for sampling memory between them. */
  pipeline: Pick<typeof Xlsx, 'analyzeFile' | 'applyPlans' | 'savePackage'> & Pick<typeof Print, 'formatReport'>;
  /** 'compiled' (build/) or 'source' (src/ through tsx), for the printout. */
  kind: 'compiled' | 'source';
}

const ROOT = join(__dirname, '..');

export async function loadProduct(source: boolean, compile = true): Promise<Product> {
  if (source) {
    const [cli, core, xlsx, print] = await Promise.all([import('../src/cli/main'), import('../src/core'), import('../src/xlsx'), import('../src/cli/printReport')]);
    return { main: cli.main, analyzeSheet: core.analyzeSheet, withDefaults: core.withDefaults, loadWorkbook: xlsx.loadWorkbook, pipeline: pipelineOf(xlsx, print), kind: 'source' };
  }
  if (compile) execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.cli.json')], { stdio: 'inherit' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (path: string) => require(join(ROOT, 'build', path));
  const cli = load('cli/main.js') as typeof Cli;
  const core = load('core/index.js') as typeof Core;
  const xlsx = load('xlsx/index.js') as typeof Xlsx;
  const print = load('cli/printReport.js') as typeof Print;
  return { main: cli.main, analyzeSheet: core.analyzeSheet, withDefaults: core.withDefaults, loadWorkbook: xlsx.loadWorkbook, pipeline: pipelineOf(xlsx, print), kind: 'compiled' };
}

function pipelineOf(xlsx: typeof Xlsx, print: typeof Print): Product['pipeline'] {
  return { analyzeFile: xlsx.analyzeFile, applyPlans: xlsx.applyPlans, savePackage: xlsx.savePackage, formatReport: print.formatReport };
}
