/**
 * `budget-exec demo`: the engine on every bundled sample in assets/samples/, results written to a fresh
 * temporary folder (never into assets/), with a summary per workbook for a first-time reader.
 */
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withDefaults } from '../../core';
import { type Analysis, analyzeFile, applyPlans, NoBudgetTableError, saveWorkbookAtomic } from '../../xlsx';
import { clearProgress, progressReporter } from '../io';
import { msg } from '../messages';
import { formatReport } from '../printReport';
import type { CommandContext } from './context';

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

export async function runDemo(ctx: CommandContext, samplesDir = defaultSamplesDir()): Promise<number> {
  const samples = await listSamples(samplesDir);
  const outDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'budget-exec-demo-'));
  const settings = withDefaults();
  const progress = progressReporter(ctx.io);
  // The status line lives on stderr; in a terminal it shares the screen with stdout, so wipe it first.
  const out = (text: string) => {
    clearProgress(ctx.io);
    ctx.io.stdout(text);
  };
  out(`预算执行助手 演示 / budget-exec demo：${samples.length} 个示例工作簿 sample workbook(s) in ${samplesDir}\n`);
  out(`设置 Settings：执行率阈值 execution threshold ${settings.executionThreshold}，调整率阈值 adjustment threshold ${settings.adjustmentThreshold}\n`);
  for (const [i, file] of samples.entries()) {
    const output = path.join(outDir, path.basename(file).replace(/\.xlsx$/i, '.checked.xlsx'));
    out(`\n━━ 示例 Sample ${i + 1}/${samples.length}：${path.basename(file)} ━━\n`);
    let analysis: Analysis;
    try {
      analysis = await analyzeFile(file, { settings, progress });
    } catch (e) {
      // A sample may hold other kinds of tables (indicator tables): say so and go on with the rest.
      if (!(e instanceof NoBudgetTableError)) throw e;
      out('未找到预算执行表 / no budget table in this workbook\n');
      continue;
    }
    applyPlans(analysis.workbook, analysis.plans, progress);
    progress?.({ stage: 'writing', file: output });
    await saveWorkbookAtomic(analysis.workbook, output, { input: file });
    out(formatReport(analysis.report, { output, maxListed: 20 }));
  }
  out(`\n结果已写入临时文件夹（未改动示例文件）/ Results written to ${outDir} (the samples are unchanged).\n`);
  return 0;
}
