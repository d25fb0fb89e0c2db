/**
 * Child process of the benchmark: memory of one command-line run, alone in its process. Prints JSON (bytes):
 * - peakRss, baselineRss: the process's peak resident size at the end, and after loading the code and before
 *   reading the file (so peakRss − baselineRss is what the run itself took, collector slack included);
 * - changedSheetBytes: the unzipped size of the sheet the run changes;
 * - live: with --expose-gc, the live memory (heap + array buffers, after two full collections) above the baseline
 *   at the start of each stage, when the engine has planned, after saving and at the end — what the run holds,
 *   without the collector's slack.
 *
 *   node --expose-gc --import tsx bench/memory.ts <in.xlsx> <out.xlsx>
 */
import { readFileSync } from 'node:fs';
import { Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import { loadProduct } from './product';

const gc = (globalThis as { gc?: () => void }).gc;

function liveBytes(): number {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function run(): Promise<void> {
  const [input, output, kind] = process.argv.slice(2);
  // The parent compiled build/ already (bench/product.ts); 'source' measures src/ through tsx.
  const { pipeline, withDefaults } = await loadProduct(kind === 'source', false);
  // The bench workbook has one sheet, the one apply changes: its size as the zip's directory states it.
  const entries = await new ZipReader(new Uint8ArrayReader(new Uint8Array(readFileSync(input)))).getEntries();
  const changedSheetBytes = Math.max(...entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.filename)).map((e) => e.uncompressedSize));
  const baseLive = gc ? liveBytes() : 0;
  const baselineRss = process.resourceUsage().maxRSS * 1024;
  const live: Record<string, number> = {};
  const sample = (stage: string) => {
    if (gc && !(stage in live)) live[stage] = liveBytes() - baseLive;
  };
  // What `budget-exec apply <in> -o <out>` runs (src/xlsx/pipeline.ts: applyFile, then the printed report), step by
  // step, so that the live memory is also sampled between the steps: when the engine has planned, the snapshot, the
  // report and the plans are all alive at once (the run's peak), and no progress event falls there.
  const progress = (e: { stage: string }) => sample(e.stage);
  const { workbook, report, plans } = await pipeline.analyzeFile(input, { settings: withDefaults(), progress });
  sample('planned');
  await pipeline.applyPlans(workbook, plans, progress);
  await pipeline.savePackage(workbook, input, output, progress);
  sample('saved');
  if (pipeline.formatReport(report, { file: input, output }).length === 0) throw new Error('empty report');
  if (gc) live.end = liveBytes() - baseLive;
  process.stdout.write(JSON.stringify({ peakRss: process.resourceUsage().maxRSS * 1024, baselineRss, changedSheetBytes, live }));
}

run().catch((e) => {
  process.stderr.write(String((e as Error)?.stack ?? e));
  process.exitCode = 1;
});
