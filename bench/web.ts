/**
 * The 网页版 beside the command line on one large workbook (not a timed test): `npm run bench:web [-- --rows 20000]`.
 *
 * The same generated table (bench/buildTable.ts, `rows` projects with 小计 and 合计) goes through
 * - the command line: `budget-exec apply in.xlsx -o out.xlsx` in its own Node process — wall time and peak RSS;
 * - the 网页版: dist-web/index.html from disk in Debian's Chromium — open through the file chooser, 识别, 写入 and
 *   save (download), each step timed from the click to what the page shows when it is done; memory is the peak
 *   RSS of all the browser's processes above what they held with the page open and empty (sampled every 100 ms);
 *   and the longest the page's main thread went without a turn while the worker did the work (a frozen page
 *   shows up here: everything slow must happen in the worker).
 * Run alone, on a quiet machine: both sides share its two cores with nothing else.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../test/e2e/browser';
import { buildWeb, WEB_HTML } from '../test/e2e/buildWeb';
import { BENCH_SHEET, buildBenchWorkbook } from './buildTable';
import { table } from './stats';

const ROOT = resolve(__dirname, '..');
const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 20_000;
const mb = (kb: number) => (kb / 1024).toFixed(0);
const s = (ms: number) => (ms / 1000).toFixed(2);

async function commandLine(input: string, output: string): Promise<{ ms: number; peakKb: number }> {
  const started = Date.now();
  let stderr = '';
  // bench/peakRss.cjs prints the process's peak RSS when it exits.
  const child = spawn(process.execPath, ['--require', './bench/peakRss.cjs', 'bin/budget-exec.js', 'apply', input, '-o', output], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (d) => (stderr += String(d)));
  const code = await new Promise<number>((done) => child.on('exit', (c) => done(c ?? 1)));
  if (code !== 0) throw new Error(`budget-exec apply failed (${code}): ${stderr}`);
  return { ms: Date.now() - started, peakKb: Number(/PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? 0) };
}

/** RSS (KB) of every process of the browser, found by its profile folder on the command line. */
function browserRssKb(profile: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

interface WebResult {
  steps: { step: string; ms: number; longestBlockMs: number }[];
  peakAboveIdleKb: number;
  savedBytes: number;
}

async function webVersion(input: string, out: string): Promise<WebResult> {
  const browser = await launchChromium();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(600_000);
  try {
    await page.goto(pathToFileURL(WEB_HTML).href);
    await page.getByTestId('drop-area').waitFor();
    const idle = browserRssKb(browser.profile);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, browserRssKb(browser.profile))), 100);

    // The main thread's longest stretch without a turn: a timer that notes how late it fires.
    await page.evaluate(() => {
      const w = window as unknown as { longest: number; last: number };
      w.longest = 0;
      w.last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.longest = Math.max(w.longest, now - w.last);
        w.last = now;
      }, 10);
    });
    const steps: WebResult['steps'] = [];
    const step = async (name: string, run: () => Promise<unknown>) => {
      await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
      const started = Date.now();
      await run();
      const ms = Date.now() - started;
      steps.push({ step: name, ms, longestBlockMs: await page.evaluate(() => (window as unknown as { longest: number }).longest) });
    };

    await step('打开 open', async () => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-workbook').click()]);
      await chooser.setFiles(input);
      await page.getByTestId('sheet-grid').waitFor();
    });
    await step('识别 detect', async () => {
      await page.getByTestId('detect-button').click();
      await page.getByTestId('table-summary').first().waitFor();
    });
    await step('写入 apply', async () => {
      await page.getByTestId('tab-preview').click();
      await page.getByTestId('apply-button').click();
      await page.getByTestId('preview-applied').waitFor();
      await page.locator('td[data-formula]').first().waitFor();
    });
    let savedBytes = 0;
    await step('保存 save', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-workbook').click()]);
      const path = join(out, download.suggestedFilename());
      await download.saveAs(path);
      savedBytes = statSync(path).size;
    });
    clearInterval(sampler);
    return { steps, peakAboveIdleKb: peak - idle, savedBytes };
  } finally {
    await browser.close();
  }
}

async function run(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'bench-web-'));
  try {
    const input = join(out, `bench-${ROWS}.xlsx`);
    await buildBenchWorkbook(ROWS).xlsx.writeFile(input);
    console.log(`网页版 vs command line: ${ROWS.toLocaleString('en-US')} projects on sheet ${BENCH_SHEET} (${(statSync(input).size / 1e6).toFixed(1)} MB)`);
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
    const built = await buildWeb();
    if (built.built) console.log(`built dist-web in ${s(built.ms)} s`);

    const cli = await commandLine(input, join(out, 'cli.checked.xlsx'));
    const web = await webVersion(input, out);
    const webTotal = web.steps.reduce((n, x) => n + x.ms, 0);
    console.log(
      table(
        ['', 'wall time', 'memory', 'longest main-thread block'],
        [
          ['command line (apply)', `${s(cli.ms)} s`, `${mb(cli.peakKb)} MB peak RSS`, '—'],
          ...web.steps.map((x) => [`网页版 ${x.step}`, `${s(x.ms)} s`, '', `${x.longestBlockMs.toFixed(0)} ms`]),
          ['网页版 in all', `${s(webTotal)} s`, `${mb(web.peakAboveIdleKb)} MB above the idle page`, `${Math.max(...web.steps.map((x) => x.longestBlockMs)).toFixed(0)} ms`],
        ],
      ),
    );
    console.log(`ratio 网页版 / command line (wall): ${(webTotal / cli.ms).toFixed(2)}; saved file ${(web.savedBytes / 1e6).toFixed(1)} MB`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

run().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
