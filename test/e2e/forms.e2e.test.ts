/**
 * Issue 8 end to end: the standard forms in the browser preview (the real pane on the simulated workbook). The pane
 * recognises the form, shows its scheme, and one 写入 fills the budget block and the indicator block in place:
 * 执行率, the budget line 得分, each indicator 得分 and the 总分, computed by the simulator's formula engine; no
 * column is added. Screenshots 80–89 in test-output/e2e/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, firstPage, hasChromium, launchChromium, type Browser } from './browser';
import { buildPreview, DIST_PREVIEW } from './buildPreview';
import { readGrid } from './gridReader';
import { serveDirectory, type StaticServer } from './staticServer';
import { clearShots, SHOTS } from './shots';
import { departmentForm, nationalProjectForm } from '../fixtures/forms';

const CI = process.env.CI === 'true';
const missing = !hasChromium();

describe.skipIf(missing && !CI)('standard forms in the browser preview', () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let shotNo = 80;
  const pageErrors: string[] = [];
  const shot = async (name: string) => {
    await page.screenshot({ path: join(SHOTS, `${shotNo++}-${name}.png`), animations: 'disabled' });
  };
  const byTestId = (id: string) => page.getByTestId(id);
  const text = async (address: string) => (await readGrid(page)).cells[address]?.text ?? '';

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}`);
    clearShots(/^8\d-.*\.png$/);
    await buildPreview();
    server = await serveDirectory(DIST_PREVIEW);
    browser = await launchChromium();
    page = await firstPage(browser, 10_000, pageErrors, { console: false });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a sample, 识别, checks the form card, 预览, 写入. */
  async function fill(sample: string, sheet: string, kind: string, scheme: string) {
    await page.goto(`${server!.url}/preview.html?sample=${sample}&sheet=${encodeURIComponent(sheet)}`);
    await expect.poll(() => byTestId('sheet-grid').getAttribute('data-sheet')).toBe(sheet);
    await byTestId('detect-button').click();
    await expect.poll(() => byTestId('form-kind').textContent()).toContain(kind);
    await expect(byTestId('detect-heading').textContent()).resolves.toContain('自评表');
    await expect(byTestId('form-scheme').textContent()).resolves.toContain(scheme);
    await shot(`${sample}-detect`);
    await byTestId('tab-preview').click();
    await byTestId('apply-button').click();
    await byTestId('preview-applied').waitFor();
    await shot(`${sample}-written`);
  }

  it('national form: one 写入 fills 执行率, 得分 and 总分 in place (98.70), no column added', async () => {
    const form = nationalProjectForm();
    const lastCol = String.fromCharCode(64 + Math.max(...form.rows.map((r) => r.length)));
    await fill('national-project-form-2023', form.name, '财预〔2020〕10号', '财预〔2020〕10号');
    await expect.poll(() => text('G6')).toBe('97.00%');
    expect(await text('H6')).toBe('9.70');
    expect(await text('H14')).toBe('9.00');
    expect(await text('H20')).toBe('98.70');
    const { cells } = await readGrid(page);
    const beyond = Object.entries(cells).filter(([a, c]) => a.replace(/\d+$/, '') > lastCol && a.replace(/\d+$/, '').length === 1 && c.text !== '');
    expect(beyond).toEqual([]);
    expect(cells.E13.formula ?? null).toBeNull(); // the indicator block's own cells are left as typed
  });

  it('department form: 96.92% → 9.69, total 99.66 with the typed 管理效率 scores', async () => {
    const form = departmentForm();
    await fill('department-form-2024', form.name, '部门整体支出绩效自评表', '非官方');
    await expect.poll(() => text('E5')).toBe('96.92%');
    expect(await text('G5')).toBe('9.69');
    expect(await text('J17')).toBe('99.66');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
