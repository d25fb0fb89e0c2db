/**
 * `budget-exec demo`: the engine on every bundled sample in assets/samples/, results written to a fresh
 * temporary folder (never into assets/), with a summary per workbook for a first-time reader: the budget tables
 * (as `apply`), the indicator self-evaluation where the sample has indicator tables (as `indicators`: total and
 * grade only), and next year's sheets for the sample that has both kinds of tables (as `next-year`: names only).
 */
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Settings, withDefaults } from '../../core';
import { type Analysis, analyzeFile, applyPlans, applyTask, NoBudgetTableError, planIndicators, planNextYearTask, planTask, type ProgressEvent, savePackage } from '../../xlsx';
import { clearProgress, progressReporter } from '../io';
import { msg } from '../messages';
import { formatScore } from '../printIndicators';
import { formatReport } from '../printReport';
import type { CommandContext } from './context';

/** The sample with budget and indicator tables: the one next year's sheets are shown for. */
const NEXT_YEAR_SAMPLE = 'liwan-2021.xlsx';

/** assets/samples of the package: three levels up from src/cli/commands (or build/cli/commands). */
export function defaultSamplesDir(): string {
  return path.resolve(__dirname, '..', '..', '..', 'assets', 'samples');
}

async function listSamples(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    throw msg.noSamples(dir);
  }
  // "~$book.xlsx" files are Excel's lock files, not workbooks.
  const samples = names.filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$')).sort();
  if (samples.length === 0) throw msg.noSamples(dir);
  return samples.map((n) => path.join(dir, n));
}

interface DemoRun {
  settings: Settings;
  outDir: string;
  progress: ((e: ProgressEvent) => void) | undefined;
  out: (text: string) => void;
}

const outputFor = (run: DemoRun, file: string, suffix: string) => path.join(run.outDir, path.basename(file).replace(/\.xlsx$/i, `.${suffix}.xlsx`));

async function budgetPart(run: DemoRun, file: string): Promise<void> {
  let analysis: Analysis;
  try {
    analysis = await analyzeFile(file, { settings: run.settings, progress: run.progress });
  } catch (e) {
    // A sample may hold only indicator tables: say so and go on.
    if (!(e instanceof NoBudgetTableError)) throw e;
    run.out('未找到预算执行表 / no budget table in this workbook\n');
    return;
  }
  await applyPlans(analysis.workbook, analysis.plans, run.progress);
  const output = await savePackage(analysis.workbook, file, outputFor(run, file, 'checked'), run.progress);
  run.out(formatReport(analysis.report, { output, maxListed: 20 }));
}

async function indicatorPart(run: DemoRun, file: string): Promise<void> {
  const { workbook, planned } = await planTask(file, run.progress, (snapshots) => planIndicators(snapshots, { settings: run.settings }, file));
  const { report } = planned.result;
  if (report.tables.length === 0) return; // only samples with indicator tables
  const output = outputFor(run, file, 'indicators');
  await applyTask(file, output, workbook, planned, run.progress);
  const count = report.indicators.filter((e) => e.kind === 'indicator').length;
  run.out(
    `绩效自评 Indicators：${count} 项指标 indicators，自评总分 total ${formatScore(report.total.score)} / ${formatScore(report.total.max)}，等级 grade ${report.total.grade}` +
      `（工作表 sheet「${report.sheet}」）\n  输出 Output：${output}\n`,
  );
}

async function nextYearPart(run: DemoRun, file: string): Promise<void> {
  const { workbook, planned } = await planTask(file, run.progress, (snapshots) => planNextYearTask(snapshots, { settings: run.settings }, file));
  const output = outputFor(run, file, 'next-year');
  await applyTask(file, output, workbook, planned, run.progress);
  const made = planned.result.sheets.filter((s) => !s.existing).map((s) => `${s.from} → ${s.to}`);
  run.out(`下一年度 Next year：${made.join('，')}\n  输出 Output：${output}\n`);
}

export async function runDemo(ctx: CommandContext, samplesDir = defaultSamplesDir()): Promise<number> {
  const samples = await listSamples(samplesDir);
  const run: DemoRun = {
    settings: withDefaults(),
    outDir: await fsp.mkdtemp(path.join(os.tmpdir(), 'budget-exec-demo-')),
    progress: progressReporter(ctx.io),
    // The status line lives on stderr; in a terminal it shares the screen with stdout, so wipe it first.
    out: (text: string) => {
      clearProgress(ctx.io);
      ctx.io.stdout(text);
    },
  };
  run.out(`预算执行助手 演示 / budget-exec demo：${samples.length} 个示例工作簿 sample workbook(s) in ${samplesDir}\n`);
  run.out(`设置 Settings：执行率阈值 execution threshold ${run.settings.executionThreshold}，调整率阈值 adjustment threshold ${run.settings.adjustmentThreshold}\n`);
  for (const [i, file] of samples.entries()) {
    run.out(`\n━━ 示例 Sample ${i + 1}/${samples.length}：${path.basename(file)} ━━\n`);
    await budgetPart(run, file);
    await indicatorPart(run, file);
    if (path.basename(file) === NEXT_YEAR_SAMPLE) await nextYearPart(run, file);
  }
  run.out(`\n结果已写入临时文件夹（未改动示例文件）/ Results written to ${run.outDir} (the samples are unchanged).\n`);
  return 0;
}
