/**
 * Benchmark (not a timed test): `npx tsx bench/run.ts [--sizes 1000,10000,100000] [--runs N]`.
 *
 * For each size it builds a realistic budget table (bench/buildTable.ts), then measures, in this one process:
 * - the engine alone: analyzeSheet on the snapshot (median of several runs, after a warm-up);
 * - the snapshot reader alone: open the file and read the sheet's snapshot (src/xlsx/package);
 * - the whole command line: main(['apply', in, '-o', out]) in-process — read file, snapshot, engine, apply
 *   plan, write file atomically, print the summary — against a bare exceljs readFile + writeFile of the same
 *   file (exceljs's ordinary reader and writer); runs are interleaved (bare, CLI, bare, CLI, …) so drift on the
 *   machine hits both alike. Ratio = median / median.
 * - the command line's peak memory, one run alone in a child process (bench/memory.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadProduct, type Product } from './product';
import { BENCH_SHEET, buildBenchWorkbook } from './buildTable';
import { median, table, timeSyncWithCpu } from './stats';
import { measurePane, type PaneResult } from './pane';

interface Args {
  sizes: number[];
  runs?: number;
  /** Table sizes for the pane's responsiveness (bench/pane.ts); the largest is the one the goal speaks of. */
  paneSizes: number[];
  paneOnly: boolean;
  /** Measure src/ through tsx instead of the compiled command line (bench/product.ts). */
  source: boolean;
}

/** The code under measurement (set once the arguments are read). */
let product: Product;

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [1_000, 10_000, 100_000], paneSizes: [10_000, 50_000], paneOnly: false, source: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--pane-only') {
      args.paneOnly = true;
      continue;
    }
    if (argv[i] === '--source') {
      args.source = true;
      continue;
    }
    const [flag, inline] = argv[i].split('=');
    const value = inline ?? argv[++i];
    if (flag === '--sizes') args.sizes = value.split(',').map((s) => Number(s.replace(/[_k]/gi, (c) => (c.toLowerCase() === 'k' ? '000' : ''))));
    else if (flag === '--runs') args.runs = Number(value);
    else if (flag === '--pane-sizes') args.paneSizes = value.split(',').map(Number);
    else throw new Error(`unknown argument ${flag}; use --sizes 1000,10000 [--runs N] [--pane-sizes 1000,50000] [--pane-only] [--source]`);
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--sizes wants whole numbers, e.g. 1000,10000');
  return args;
}

const gc = (globalThis as { gc?: () => void }).gc;
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);
const s = (x: number) => (x / 1000).toFixed(2);
const fmtRows = (n: number) => n.toLocaleString('en-US');

interface CliStages {
  total: number;
  readAndSnapshot: number;
  engine: number;
  apply: number;
  writeAndPrint: number;
}

/** One in-process CLI run; its progress lines (stderr, "TTY" on) time the stages of the real path. */
async function cliApply(input: string, output: string): Promise<CliStages> {
  const marks: Record<string, number> = {};
  const t0 = performance.now();
  const code = await product.main(['apply', input, '-o', output], {
    stdout: () => undefined,
    stderr: (line) => {
      // Progress is one status line rewritten in place: "\r\x1b[2K读取 reading …".
      const stage = /^\S+ (\w+)/.exec(line.replace(/\r\x1b\[2K/g, ''))?.[1];
      if (stage && !(stage in marks)) marks[stage] = performance.now();
    },
    isTTY: true,
  });
  const end = performance.now();
  if (code !== 0) throw new Error(`budget-exec apply exited with ${code}`);
  const analysing = marks.analysing ?? t0;
  const applying = marks.applying ?? marks.writing ?? analysing;
  const writing = marks.writing ?? applying;
  return { total: end - t0, readAndSnapshot: analysing - t0, engine: applying - analysing, apply: writing - applying, writeAndPrint: end - writing };
}

interface BareTimes {
  read: number;
  write: number;
  total: number;
}

async function bareReadWrite(input: string, output: string): Promise<BareTimes> {
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const t1 = performance.now();
  await wb.xlsx.writeFile(output);
  const t2 = performance.now();
  return { read: t1 - t0, write: t2 - t1, total: t2 - t0 };
}

/**
 * The engine and the snapshot reader alone. In a function of its own so that its workbook and snapshot are
 * garbage before the whole-path runs start: a second 100k-row workbook in memory would slow those down.
 */
async function measureEngineAndSnapshot(input: string, rows: number): Promise<{ engine: number; engineCpu: number; snapshot: number }> {
  const settings = product.withDefaults();
  const { snapshot, snapshotTimes } = await readSnapshotTimed(input, rows);
  // The workbook is garbage now: the engine is measured on the snapshot alone, as the add-in runs it (no 100k-row
  // exceljs model in the heap for every collection to walk through).
  (globalThis as { gc?: () => void }).gc?.();

  const engineRuns = rows >= 100_000 ? 5 : rows >= 10_000 ? 11 : 21;
  product.analyzeSheet(snapshot, settings); // warm-up: the first run pays for JIT compilation
  const engineTimes: number[] = [];
  const engineCpu: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < engineRuns; i++) {
    gc?.(); // each run pays for its own garbage, not for the previous run's
    const t = timeSyncWithCpu(() => product.analyzeSheet(snapshot, settings));
    engineTimes.push(t.wall);
    engineCpu.push(t.cpu);
  }
  return { engine: median(engineTimes), engineCpu: median(engineCpu), snapshot: median(snapshotTimes) };
}

/** Open the file and read the sheet's snapshot (the package reader: unzip the parts it needs, parse the sheet once). */
async function readSnapshotTimed(input: string, rows: number) {
  const snapshotRuns = rows >= 100_000 ? 3 : 7;
  const snapshotTimes: number[] = [];
  let snapshot = (await (await product.loadWorkbook(input)).readSnapshots(BENCH_SHEET))[0];
  for (let i = 0; i < snapshotRuns; i++) {
    const t0 = performance.now();
    snapshot = (await (await product.loadWorkbook(input)).readSnapshots(BENCH_SHEET))[0];
    snapshotTimes.push(performance.now() - t0);
  }
  return { snapshot, snapshotTimes };
}

interface MemoryUse {
  peakRss: number;
  baselineRss: number;
  changedSheetBytes: number;
  /** Live heap + array buffers above the baseline at the start of each stage, when the engine has planned, after saving and at the end (bench/memory.ts). */
  live: Record<string, number>;
}

/** One run of the command line in a fresh process, so its peak memory is its own (not the bare exceljs runs'). */
function measureMemory(input: string, output: string): Promise<MemoryUse> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'memory.ts'), input, output, product.kind], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`memory run failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as MemoryUse);
    });
  });
}

interface SizeResult {
  rows: number;
  /** CPU time of the engine (median), beside its wall time: on a busy machine the wall time includes waiting. */
  engineCpu: number;
  fileMB: number;
  outMB: number;
  engine: number;
  snapshot: number;
  bare: BareTimes;
  /** Peak memory of one command-line run alone in a child process (bench/memory.ts). */
  memory: MemoryUse;
  stages: CliStages;
}

async function measure(rows: number, dir: string, runsOverride?: number): Promise<SizeResult> {
  const input = join(dir, `bench-${rows}.xlsx`);
  const cliOut = join(dir, `cli-${rows}.xlsx`);
  await buildBenchWorkbook(rows).xlsx.writeFile(input);

  const { engine, engineCpu, snapshot } = await measureEngineAndSnapshot(input, rows);

  const pathRuns = runsOverride ?? (rows >= 100_000 ? 3 : 5);
  const bare: BareTimes[] = [];
  const cli: CliStages[] = [];
  for (let i = 0; i < pathRuns; i++) {
    gc?.();
    bare.push(await bareReadWrite(input, join(dir, `bare-${rows}.xlsx`)));
    gc?.();
    cli.push(await cliApply(input, cliOut));
  }
  const stage = (k: keyof CliStages) => median(cli.map((c) => c[k]));
  const bareMedian = (xs: BareTimes[]): BareTimes => ({ read: median(xs.map((x) => x.read)), write: median(xs.map((x) => x.write)), total: median(xs.map((x) => x.total)) });
  return {
    rows,
    fileMB: statSync(input).size / 1e6,
    outMB: statSync(cliOut).size / 1e6,
    engine,
    engineCpu,
    snapshot,
    bare: bareMedian(bare),
    memory: await measureMemory(input, join(dir, `mem-${rows}.xlsx`)),
    stages: { total: stage('total'), readAndSnapshot: stage('readAndSnapshot'), engine: stage('engine'), apply: stage('apply'), writeAndPrint: stage('writeAndPrint') },
  };
}

/** The pane at each size (bench/pane.ts), printed with its goal. */
async function paneSection(sizes: number[], dir: string): Promise<void> {
  const results: PaneResult[] = [];
  for (const rows of sizes) {
    process.stderr.write(`measuring the pane at ${fmtRows(rows)} rows …\n`);
    const file = join(dir, `pane-${rows}.xlsx`);
    await buildBenchWorkbook(rows).xlsx.writeFile(file);
    // The pane's snapshot comes from Office.js as plain rows: the .xlsx reader's value columns are made into rows
    // here (a copy reads `values`), not inside the pane's measured turns.
    const snapshot = { ...(await (await product.loadWorkbook(file)).readSnapshots(BENCH_SHEET))[0] };
    results.push(await measurePane(snapshot, rows));
  }
  console.log('\nThe pane (识别 and 写入 through its action layer; host work out of this thread; ms)');
  console.log(
    table(
      ['rows', 'flags', 'engine', '识别 total', '识别 longest block', '写入 total', '写入 first progress', '写入 longest block', 'progress events', '问题清单 render', 'rows drawn'],
      results.map((r) => [
        fmtRows(r.rows), String(r.flags), ms(r.engineMs), ms(r.detect.totalMs), ms(r.detect.longestBlockMs), ms(r.apply.totalMs),
        r.apply.firstProgressMs === null ? '-' : ms(r.apply.firstProgressMs), ms(r.apply.longestBlockMs), String(r.apply.progressEvents), ms(r.listMs), String(r.listDrawn),
      ]),
    ),
  );
  const big = results[results.length - 1];
  const small = results[0];
  const block = Math.max(big.detect.longestBlockMs, big.apply.longestBlockMs);
  console.log(`Goals (issue 10, item 6) at ${fmtRows(big.rows)} rows:`);
  console.log(`  progress shown before the work: first progress after ${big.apply.firstProgressMs?.toFixed(1)} ms ${big.apply.firstProgressMs !== null && big.apply.firstProgressMs < 50 ? '(met)' : '(NOT met)'}`);
  console.log(`  longest stretch without a turn / engine alone: ${(block / big.engineMs).toFixed(2)}x ${block <= 1.5 * big.engineMs ? '(met: no step longer than the engine itself)' : '(NOT met)'}`);
  console.log(`  问题清单 render at ${fmtRows(big.rows)} / at ${fmtRows(small.rows)} rows: ${(big.listMs / small.listMs).toFixed(2)}x, ${big.listDrawn} of ${big.flags} rows drawn ${big.listMs <= 2 * small.listMs ? '(met: paged)' : '(NOT met)'}`);
}

const livePeak = (m: MemoryUse) => Math.max(0, ...Object.values(m.live));

async function run(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  product = await loadProduct(args.source);
  if (args.paneOnly) {
    const dir = mkdtempSync(join(os.tmpdir(), 'budget-exec-bench-'));
    try {
      await paneSection(args.paneSizes, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const dir = mkdtempSync(join(os.tmpdir(), 'budget-exec-bench-'));
  console.log(`budget-exec benchmark — Node ${process.version}, ${os.cpus().length} CPU(s), ${product.kind === "compiled" ? "the compiled command line (build/)" : "src/ through tsx (--source)"} against exceljs (non-streaming) read/write${gc ? ", gc between runs" : ""}`);
  const results: SizeResult[] = [];
  try {
    for (const rows of args.sizes) {
      process.stderr.write(`measuring ${fmtRows(rows)} project rows …\n`);
      results.push(await measure(rows, dir, args.runs));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('\nEngine and snapshot (medians)');
  console.log(
    table(
      ['project rows', 'file MB', 'engine ms', 'engine CPU ms', 'engine ms/1k rows', 'snapshot ms'],
      results.map((r) => [fmtRows(r.rows), r.fileMB.toFixed(2), ms(r.engine), ms(r.engineCpu), ms((r.engine / r.rows) * 1000), ms(r.snapshot)]),
    ),
  );
  console.log('\nWhole command line vs bare exceljs read + write of the same file (medians, seconds)');
  console.log(
    table(
      ['project rows', 'in/out MB', 'bare read', 'bare write', 'bare r+w', 'CLI apply', 'CLI/bare'],
      results.map((r) => [
        fmtRows(r.rows),
        `${r.fileMB.toFixed(2)}/${r.outMB.toFixed(2)}`,
        s(r.bare.read),
        s(r.bare.write),
        s(r.bare.total),
        s(r.stages.total),
        `${(r.stages.total / r.bare.total).toFixed(2)}x`,
      ]),
    ),
  );
  console.log('\nWhere the command line spends it (medians, seconds), and its peak memory (MB, one run in its own process)');
  const mb = (x: number) => (x / 1e6).toFixed(0);
  console.log(
    table(
      ['project rows', 'read+snapshot', 'engine', 'apply plan', 'write+print', 'peak RSS', 'above baseline', 'changed sheet unzipped', 'ratio', 'live peak', 'live ratio'],
      results.map((r) => [
        fmtRows(r.rows),
        s(r.stages.readAndSnapshot),
        s(r.stages.engine),
        s(r.stages.apply),
        s(r.stages.writeAndPrint),
        mb(r.memory.peakRss),
        mb(r.memory.peakRss - r.memory.baselineRss),
        mb(r.memory.changedSheetBytes),
        `${((r.memory.peakRss - r.memory.baselineRss) / r.memory.changedSheetBytes).toFixed(1)}x`,
        mb(livePeak(r.memory)),
        `${(livePeak(r.memory) / r.memory.changedSheetBytes).toFixed(1)}x`,
      ]),
    ),
  );
  console.log('Live memory (heap + array buffers after full collections, MB above the baseline) at the start of each stage, when planned, after saving:');
  for (const r of results) console.log(`  ${fmtRows(r.rows)} rows: ${Object.entries(r.memory.live).map(([stage, bytes]) => `${stage} ${mb(bytes)}`).join(', ')}`);
  const at10k = results.find((r) => r.rows === 10_000);
  console.log('\nGoals: engine under 50 ms at 10,000 rows; command line at most 1.0x the bare exceljs read + write (goal 0.3x).');
  if (at10k)
    console.log(
      `  engine at 10,000 rows: ${ms(at10k.engine)} ms wall, ${ms(at10k.engineCpu)} ms CPU ${at10k.engine < 50 ? '(met)' : at10k.engineCpu < 50 ? '(met in CPU time; wall time includes waiting for a busy core)' : '(NOT met)'}`,
    );
  for (const r of results) {
    const ratio = r.stages.total / r.bare.total;
    console.log(`  ${fmtRows(r.rows)} rows: CLI/bare ${ratio.toFixed(2)}x ${ratio <= 0.3 ? '(goal met)' : ratio <= 1.0 ? '(required 1.0x met; goal 0.3x not)' : '(NOT met)'}`);
  }
  console.log('  The command line reads only the parts it needs, parses the changed sheet once, and copies every other part');
  console.log('  as stored; the bare run inflates, models and rewrites the whole workbook.');
  const paneDir = mkdtempSync(join(os.tmpdir(), 'budget-exec-bench-'));
  try {
    await paneSection(args.paneSizes, paneDir);
  } finally {
    rmSync(paneDir, { recursive: true, force: true });
  }
}

run().catch((e) => {
  console.error(`bench failed: ${(e as Error)?.message ?? e}`);
  process.exitCode = 1;
});
