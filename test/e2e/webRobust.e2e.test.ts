/**
 * The 网页版 on workbooks that are not Excel's own (test/robust): a WPS 表格 file (cell images, KSO properties)
 * and an indenting .NET/Java writer's file (x: prefixes, rich inline strings with phonetic runs, whitespace around
 * every element) go through the real pane in Chromium: open, 识别, 写入, save. The download has the rates cached,
 * and every part outside the plan is the input's own bytes (the same package code as the command line, run in the
 * page's worker with zip.js's own deflate). LibreOffice's view of these files is checked by test/robust.
 * Screenshots: test-output/e2e/9x-*.png (this file owns 90–99).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbookPackage } from '../../src/xlsx/package';
import { PROJECTS } from '../fidelity/corpus';
import { HEADER_ROW, NS } from '../robust/budgetPackage';
import { edit } from '../robust/packageParts';
import { allowedParts, entriesOf } from '../robust/partsAllowed';
import { VARIANTS } from '../robust/variants';
import { prefixed } from '../robust/xmlSpelling';
import { zipSample } from '../robust/zipWrite';
import { CHROMIUM, firstPage, hasChromium, launchChromium, type Browser } from './browser';
import { buildWeb, WEB_HTML } from './buildWeb';
import { clearShots, SHOTS } from './shots';

const CI = process.env.CI === 'true';
const missing = !hasChromium();

/** WPS's file; and the indenting writer's with the Open XML SDK's x: prefix on the sheet as well. */
async function samples(dir: string): Promise<{ name: string; path: string; sheet: string; part: string }[]> {
  const out = [];
  for (const [name, extra] of [['wps', null], ['inline-indented', 'x']] as const) {
    const sample = VARIANTS.find((v) => v.name === name)!.make();
    if (extra) edit(sample, sample.part, (x) => prefixed(x, NS.main, extra));
    const path = join(dir, `${name}.xlsx`);
    writeFileSync(path, await zipSample(sample));
    out.push({ name, path, sheet: sample.sheet, part: sample.part });
  }
  return out;
}

describe.skipIf(missing && !CI)('网页版 on workbooks other programs wrote (Chromium)', () => {
  let browser: Browser | undefined;
  let page: Page;
  let shotNo = 89;
  const pageErrors: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'web-robust-'));
  let files: Awaited<ReturnType<typeof samples>> = [];
  const byTestId = (id: string) => page.getByTestId(id);

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}`);
    clearShots(/^9\d-.*\.png$/);
    files = await samples(dir);
    await buildWeb();
    browser = await launchChromium();
    page = await firstPage(browser, 15_000, pageErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(['wps', 'inline-indented'])('%s: open, 识别, 写入 and save; the download has the rates and keeps every other part', async (name) => {
    const file = files.find((f) => f.name === name)!;
    await page.goto(pathToFileURL(WEB_HTML).href);
    await byTestId('drop-area').waitFor();
    await byTestId('file-input').setInputFiles(file.path);
    await expect.poll(() => byTestId('sheet-grid').getAttribute('data-sheet')).toBe(file.sheet);
    await byTestId('detect-button').click();
    await expect.poll(() => byTestId('table-summary').count()).toBe(1);
    await byTestId('tab-preview').click();
    await byTestId('apply-button').click();
    await byTestId('preview-applied').waitFor();
    await page.screenshot({ path: join(SHOTS, `${++shotNo}-${name}-applied.png`), animations: 'disabled' });
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('save-workbook').click()]);
    expect(download.suggestedFilename()).toBe(`${name}.checked.xlsx`);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const [input, output] = [readFileSync(file.path), readFileSync(saved)];

    const [snapshot] = await (await WorkbookPackage.open(output)).readSnapshots(file.sheet);
    PROJECTS.forEach(([project, initial, adjusted, actual], i) => {
      const row = snapshot.values[HEADER_ROW + i];
      expect(row[1]).toBe(project);
      if (adjusted === 0) expect(row[5]).toBe('--');
      else expect(row[5] as number).toBeCloseTo(actual / adjusted, 9);
      expect(row[6] as number).toBeCloseTo((adjusted - initial) / initial, 9);
    });
    const [before, after] = [await entriesOf(input), await entriesOf(output)];
    const allowed = allowedParts(file.part, false, before, after);
    for (const [part, bytes] of before) {
      expect(after.has(part), `${part} kept`).toBe(true);
      if (!allowed.has(part.toLowerCase())) expect(after.get(part)!.equals(bytes), `${part} unchanged`).toBe(true);
    }
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
