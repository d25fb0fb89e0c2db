/**
 * The 网页版 end to end: dist-web/index.html opened from disk (file://) in Debian's Chromium. A sample goes in
 * through the file chooser; 识别 and 写入 run in the real pane; the grid shows computed rates and red flags;
 * typing an amount in the grid recomputes its rate and flag; the saved download is checked by LibreOffice (rates
 * computed), by exceljs (formulas, rules, notes) and part by part against the input (everything else intact).
 * Throughout, the only request is the page's own file; keyboard and axe-core checks at a 320 px pane.
 * Screenshots: test-output/e2e/5x-*.png (this file owns 50–69).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAG_STYLE } from '../../src/core/budget/flags';
import { partsOf } from '../fidelity/corpus';
import { findSoffice, recalculateWithLibreOffice } from '../libreoffice/soffice';
import { CHROMIUM, firstPage, hasChromium, launchChromium, type Browser } from './browser';
import { buildWeb, DIST_WEB, WEB_HTML } from './buildWeb';
import { serveDirectory, type StaticServer } from './staticServer';
import { PROJECT_ROWS, executionRate, lowExecution, percentText } from './expected';
import { locateRows, readGrid, type ShownGrid } from './gridReader';
import { clearShots, SHOTS } from './shots';
import { axeFindings, tabTo } from './paneAccess';

const CI = process.env.CI === 'true';
const RED = FLAG_STYLE['low-execution'].fill;
const SAMPLE = resolve(__dirname, '../../assets/samples/liwan-2021.xlsx');
const missing = !hasChromium();
if (missing && !CI) console.warn(`[e2e] skipped: no Chromium at ${CHROMIUM}. Under CI=true this is a failure.`);

describe.skipIf(missing && !CI)('网页版, end to end (file://, Chromium, LibreOffice)', () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let page: Page;
  let shotNo = 49;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const pageUrl = pathToFileURL(WEB_HTML).href;
  const out = mkdtempSync(join(tmpdir(), 'web-e2e-'));
  let downloaded = '';
  let applied: ShownGrid = {};
  let rows: number[] = [];

  const shot = async (name: string) => {
    shotNo++;
    await page.screenshot({ path: join(SHOTS, `${shotNo}-${name}.png`), animations: 'disabled' });
  };
  const byTestId = (id: string) => page.getByTestId(id);

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}`);
    clearShots(/^[56]\d-.*\.png$/);
    const build = await buildWeb();
    console.log(build.built ? `[e2e] built dist-web in ${(build.ms / 1000).toFixed(1)} s` : '[e2e] dist-web is up to date');
    browser = await launchChromium();
    page = await firstPage(browser, 15_000, pageErrors);
    browser.context.on('request', (r) => requests.push(r.url()));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens from disk and says, in one line, that nothing leaves the computer', async () => {
    await page.goto(pageUrl);
    await byTestId('drop-area').waitFor();
    await expect(byTestId('privacy').textContent()).resolves.toContain('不会上传');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    // The policy holds: a connection attempt (to this machine's discard port) is refused by the browser itself.
    await expect(page.evaluate(() => fetch('http://127.0.0.1:9/').then(() => 'sent', () => 'refused'))).resolves.toBe('refused');
    await shot('start');
  });

  it('a dropped old .xls is refused with the command line\'s two lines, and nothing opens', async () => {
    // A compound-file header: what an old .xls (or an encrypted workbook) starts with.
    await page.evaluate(() => {
      const bytes = new Uint8Array(2048);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const data = new DataTransfer();
      data.items.add(new File([bytes], '旧表.xls'));
      const area = document.querySelector('[data-testid="drop-area"]')!;
      for (const type of ['dragenter', 'dragover', 'drop']) area.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await byTestId('page-error').waitFor();
    const message = await byTestId('page-error').textContent();
    expect(message).toContain('.xlsx');
    expect(message).toMatch(/save it as|另存为/);
    await expect(byTestId('sheet-grid').count()).resolves.toBe(0);
    await shot('refused');
  });

  it('opens a workbook through the file chooser and shows it in the grid', async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), byTestId('open-workbook').click()]);
    await chooser.setFiles(SAMPLE);
    await expect.poll(() => byTestId('sheet-grid').getAttribute('data-sheet')).toBe('表1-2');
    await page.locator('[data-testid="sheet-tab"][data-sheet="项目支出"]').click();
    await expect.poll(() => byTestId('sheet-grid').getAttribute('data-sheet')).toBe('项目支出');
    rows = locateRows((await readGrid(page)).cells, PROJECT_ROWS);
    await shot('opened');
  });

  it('识别 and 写入 in the real pane: every rate computed in the grid, low ones red with a note', async () => {
    await byTestId('detect-button').click();
    await expect.poll(() => byTestId('table-summary').count()).toBe(4);
    await byTestId('tab-preview').click();
    await byTestId('apply-button').click();
    await byTestId('preview-applied').waitFor();
    await expect.poll(async () => (await readGrid(page)).cells[`F${rows[0]}`]?.formula ?? '').toMatch(/^=/);
    const { cells } = await readGrid(page);
    PROJECT_ROWS.forEach((seed, i) => {
      const exec = executionRate(seed);
      expect(cells[`F${rows[i]}`].text, `${seed.name}`).toBe(exec === null ? '--' : percentText(exec));
      const low = seed.kind === 'item' && exec !== null && exec < 0.9;
      expect(cells[`F${rows[i]}`].fill ?? null, `${seed.name} fill`).toBe(low ? RED : null);
      if (low) expect(cells[`F${rows[i]}`].note).toContain(percentText(exec));
    });
    applied = cells;
    await shot('applied');
  });

  it('typing an amount in the grid (keyboard only) recomputes its rate and its flag', async () => {
    const i = PROJECT_ROWS.findIndex((r) => r.name === '劳动保障监察工作经费');
    const seed = PROJECT_ROWS[i];
    const column = Object.entries(applied).find(([, c]) => /实际支出/.test(c.text))?.[0].replace(/\d+$/, '') ?? 'E';
    await page.locator(`td[data-address="${column}${rows[i]}"]`).click();
    await tabTo(page, '[data-testid="grid-scroller"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => byTestId('name-box').inputValue()).toBe(`${column}${rows[i]}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('formula-bar');
    const adjusted = seed.adjusted as number;
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(Math.round(adjusted * 0.95 * 100) / 100));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readGrid(page)).cells[`F${rows[i]}`].text).toBe('95.00%');
    expect((await readGrid(page)).cells[`F${rows[i]}`].fill ?? null).toBeNull();
    await shot('edited');
  });

  it('saves a download named like the command line output; LibreOffice computes the rates; flags and every other part intact', async () => {
    // Ctrl+S saves the workbook, as in Excel.
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    expect(download.suggestedFilename()).toBe('liwan-2021.checked.xlsx');
    downloaded = join(out, download.suggestedFilename());
    await download.saveAs(downloaded);

    // Flags: the rules and notes are in the file (read by exceljs, an independent reader).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(downloaded);
    const ws = wb.getWorksheet('项目支出')!;
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    expect(rules.some((b) => b.ref.includes('F') && b.rules.some((r) => /F\d+<0\.9/.test(String(r.formulae?.[0]))))).toBe(true);
    const stillLow = lowExecution(PROJECT_ROWS, 0.9).filter((r) => r.name !== '劳动保障监察工作经费');
    const noteText = (n: unknown) => (typeof n === 'string' ? n : ((n as { texts?: { text: string }[] } | undefined)?.texts ?? []).map((t) => t.text).join(''));
    for (const seed of stillLow) expect(noteText(ws.getCell(`F${rows[PROJECT_ROWS.indexOf(seed)]}`).note), seed.name).toContain(percentText(executionRate(seed)!));

    // Rates: LibreOffice recomputes every formula of the saved file.
    const soffice = findSoffice();
    if (!soffice) throw new Error('LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui');
    const [converted] = await recalculateWithLibreOffice(soffice, [downloaded], join(out, 'lo'));
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(converted);
    const loSheet = lo.getWorksheet('项目支出')!;
    PROJECT_ROWS.forEach((seed, i) => {
      const exec = seed.name === '劳动保障监察工作经费' ? 0.95 : executionRate(seed);
      const cell = loSheet.getCell(`F${rows[i]}`);
      const v = cell.result ?? cell.value;
      if (exec === null) expect(v, seed.name).toBe('--');
      else expect(Number(v), seed.name).toBeCloseTo(exec, 4);
    });

    // Everything the writes did not touch is the input's own bytes.
    const before = await partsOf(readFileSync(SAMPLE));
    const after = await partsOf(readFileSync(downloaded));
    const touched = /^xl\/(worksheets\/sheet\d+\.xml|worksheets\/_rels\/.*|styles\.xml|workbook\.xml|_rels\/workbook\.xml\.rels|calcChain\.xml|comments\d*\.xml|drawings\/vmlDrawing\d*\.vml)$|^\[Content_Types\]\.xml$/;
    for (const [name, bytes] of before) {
      expect(after.has(name), `${name} kept`).toBe(true);
      if (!touched.test(name)) expect(Buffer.compare(after.get(name)!, bytes), `${name} unchanged`).toBe(0);
    }
  }, 120_000);

  it('keyboard and axe-core with the pane 320 px wide', async () => {
    await page.setViewportSize({ width: 1100, height: 860 });
    const box = await byTestId('pane-host').boundingBox();
    expect(Math.round(box!.width)).toBe(320);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await tabTo(page, '[data-testid="open-workbook"]');
    await tabTo(page, '[data-testid="save-workbook"]');
    await tabTo(page, '[data-testid="detect-button"]');
    const findings = await axeFindings(page, 'body');
    const real = findings.filter((f) => !f.fluent);
    expect(real, JSON.stringify(real, null, 1)).toEqual([]);
    await shot('pane-320');
  });

  it('works the same from a static web server', async () => {
    // Closed after the browser (afterAll): the browser keeps its connection open, and close() waits for it.
    server = await serveDirectory(DIST_WEB, 'index.html');
    const other = await browser!.context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByTestId('file-input').setInputFiles(SAMPLE);
    await expect.poll(() => other.getByTestId('sheet-grid').getAttribute('data-sheet')).toBe('表1-2');
    await other.close();
    const served = server.url;
    requests.splice(0, requests.length, ...requests.filter((u) => !u.startsWith(served)));
  });

  it('made no request but for the page itself, and logged no error', () => {
    const foreign = requests.filter((u) => u !== pageUrl && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests).toContain(pageUrl);
    expect(pageErrors.filter((e) => !/127\.0\.0\.1:9|Content Security Policy/.test(e))).toEqual([]);
    console.log(`[e2e] 网页版: ${shotNo - 49} screenshots in ${SHOTS}`);
  });
});
