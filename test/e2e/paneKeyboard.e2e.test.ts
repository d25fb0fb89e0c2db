/**
 * The pane as finance staff and reviewers meet it (issue 10), in the built preview (Chromium + simulated Excel):
 * at Excel's narrow pane width (320 px) and at the preview's default (380 px), by keyboard only — 识别 → 预览 →
 * 写入 → 问题清单 → 撤销 — with focus landing on each outcome and axe-core run in every state (no serious or
 * critical violation from our markup). Then, at the default width: 写入 after switching sheets writes the previewed
 * sheet; an edit after 写入 is noticed; a sheet without a budget table says so once. Pictures of the pane go to
 * test-output/e2e/100–149.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, firstPage, hasChromium, launchChromium, type Browser } from './browser';
import { buildPreview, DIST_PREVIEW } from './buildPreview';
import { gridDifferences, readGrid } from './gridReader';
import { axeFindings, chooseTab, FLUENT_KNOWN, focusedTestId, tabTo, type AxeFinding } from './paneAccess';
import { clearShots, SHOTS } from './shots';
import { serveDirectory, type StaticServer } from './staticServer';

const CI = process.env.CI === 'true';
const missing = !hasChromium();
const PANE_HEIGHT = 700;

describe.skipIf(missing && !CI)('the pane by keyboard, at 320 px and at the default width, with axe-core', () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let shotNo = 99;
  const pageErrors: string[] = [];
  const known: AxeFinding[] = [];

  const byTestId = (id: string) => page.getByTestId(id);
  const status = () => byTestId('status-bar').textContent();
  /** A picture of the pane alone, as the user sees it, and an axe run in the same state. */
  const state = async (name: string) => {
    shotNo++;
    await page.locator('#pane-root').screenshot({ path: join(SHOTS, `${shotNo}-${name}.png`), animations: 'disabled' });
    const findings = await axeFindings(page);
    const fluents = (f: AxeFinding) => f.fluent && FLUENT_KNOWN[f.id] !== undefined;
    known.push(...findings.filter(fluents));
    expect(findings.filter((f) => !fluents(f)), `axe in state ${name}`).toEqual([]);
  };
  const open = async (width: number, sheet: string) => {
    await page.setViewportSize({ width: 760 + width, height: PANE_HEIGHT });
    await page.goto(`${server!.url}/preview.html?sample=liwan-2021&sheet=${encodeURIComponent(sheet)}`);
    await page.addStyleTag({ content: `#preview { grid-template-columns: minmax(0, 1fr) ${width}px !important; }` });
    await byTestId('detect-button').waitFor();
  };

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}: the e2e test must not be skipped in CI.`);
    clearShots(/^1\d\d-.*\.png$/);
    await buildPreview();
    server = await serveDirectory(DIST_PREVIEW);
    browser = await launchChromium();
    page = await firstPage(browser, 15_000, pageErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (known.length > 0) console.log(`[e2e] axe findings caused by Fluent UI itself: ${[...new Set(known.map((k) => `${k.id} (${FLUENT_KNOWN[k.id]})`))].join('; ')}`);
  });

  it.each([320, 380])('%i px: 识别 → 预览 → 写入 → 问题清单 → 撤销 by keyboard; focus lands on each outcome', async (width) => {
    await open(width, '项目支出');
    await state(`${width}-loaded`);

    await tabTo(page, '[data-testid="detect-button"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId('detect-heading').textContent()).toContain('项目支出');
    await expect.poll(() => focusedTestId(page)).toBe('status-bar');
    expect(await status()).toContain('已识别工作表“项目支出”');
    await expect(page.locator('[data-testid="table-title"]').allTextContents()).resolves.toEqual([
      '1.全力以赴抓重点，就业质量稳步提高',
      '2、兜牢底线抓保障，推进社会保障体系建设',
      '3、多管齐下抓治理，劳动关系和谐稳定',
      '4、畅通渠道抓引进，人才队伍持续壮大',
    ]);
    await state(`${width}-detected`);

    // 调整列含义: the arrow keys move the choice only; nothing is saved or re-read until its button.
    await tabTo(page, '[data-testid="means-toggle"] input:checked');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('total');
    await expect(byTestId('busy').count()).resolves.toBe(0);
    await expect(byTestId('means-apply').isEnabled()).resolves.toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect(byTestId('means-apply').isEnabled()).resolves.toBe(false);

    await chooseTab(page, 'tabs', 'tab-preview');
    await byTestId('preview-panel').waitFor();
    // 写入 is in view without scrolling a 700 px pane.
    await page.evaluate(() => document.getElementById('pane-root')!.scrollTo(0, 0));
    const apply = await byTestId('apply-button').boundingBox();
    expect(apply!.y + apply!.height).toBeLessThanOrEqual(PANE_HEIGHT);
    await state(`${width}-preview`);

    await tabTo(page, '[data-testid="apply-button"]');
    await page.keyboard.press('Enter');
    await expect.poll(status).toContain('已写入工作表“项目支出”');
    await expect.poll(() => focusedTestId(page)).toBe('status-bar');
    await state(`${width}-applied`);

    await chooseTab(page, 'tabs', 'tab-issues');
    await tabTo(page, '[data-testid="issue-row"]');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    const cell = await page.evaluate(() => document.activeElement!.getAttribute('data-cell'));
    await state(`${width}-issue-focused`);
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId('name-box').inputValue()).toBe(cell);

    await tabTo(page, '[data-testid="undo-button"]');
    await page.keyboard.press('Enter');
    await expect.poll(status).toContain('已撤销上次写入');
    expect(await status()).toContain('移除了');
    await expect.poll(() => focusedTestId(page)).toBe('status-bar');
    await state(`${width}-undone`);

    // Closing the message puts focus back on the part's first button, not on the page.
    await tabTo(page, '[data-testid="status-dismiss"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('detect-button');
  });

  it('写入 after switching to another sheet writes the sheet that was previewed, and says which', async () => {
    await open(380, '项目支出');
    await byTestId('detect-button').click();
    await expect.poll(() => byTestId('detect-heading').textContent()).toContain('项目支出');
    await page.locator('[data-testid="sheet-tab"][data-sheet="表1-2"]').click();
    await expect.poll(() => byTestId('sheet-grid').getAttribute('data-sheet')).toBe('表1-2');
    const before = (await readGrid(page)).cells;
    await byTestId('tab-preview').click();
    await byTestId('apply-button').click();
    await expect.poll(status).toContain('已写入工作表“项目支出”');
    expect(gridDifferences(before, (await readGrid(page)).cells)).toEqual([]);
    await state('380-applied-elsewhere');
  });

  it('an edit after 写入 marks the preview stale; one click re-reads it', async () => {
    // Continues on the page above: 项目支出 was written. The user changes an amount there.
    await page.evaluate(() => {
      const book = window.budgetPreview!.book;
      const grid = book.getSheet('项目支出')!.values({ top: 1, left: 1, bottom: 60, right: 5 });
      const row = grid.findIndex((r) => r[1] === '劳动保障监察工作经费') + 1;
      book.setCells('项目支出', row, 5, [[grid[row - 1][3]]]);
    });
    await byTestId('stale-notice').waitFor();
    await expect(byTestId('apply-button').isDisabled()).resolves.toBe(true);
    await state('380-stale');
    await byTestId('stale-refresh').click();
    await expect.poll(() => byTestId('stale-notice').count()).toBe(0);
    await expect(byTestId('preview-formulas').textContent()).resolves.toContain('公式');
    await expect(byTestId('apply-button').isEnabled()).resolves.toBe(true);
  });

  it('a sheet without a budget table says so once, without suggesting a selection', async () => {
    await open(320, '绩效指标');
    await byTestId('detect-button').click();
    await expect.poll(status).toContain('没有找到预算表');
    expect(await status()).not.toContain('选中');
    // The status says why; the panel does not say it again.
    await expect(byTestId('detect-heading').textContent()).resolves.toBe('没有可显示的表格（原因见上方提示）。');
    await state('320-no-table');
    await byTestId('tab-preview').click();
    await expect(byTestId('preview-none').count()).resolves.toBe(1);
    await byTestId('tab-issues').click();
    await expect(page.getByText('没有需要说明的问题').count()).resolves.toBe(0);
  });

  it('绩效指标: rating the qualitative indicators in the sheet moves the pane\'s 自评得分 with it', async () => {
    await open(380, '项目支出');
    await byTestId('mode-indicators').click();
    await byTestId('ind-detect-button').click();
    await byTestId('ind-total-score').waitFor();
    await byTestId('ind-tab-preview').click();
    await page.locator('[data-testid="ind-apply-button"]:not([disabled])').click();
    await expect.poll(status).toContain('写入完成');
    const before = await byTestId('ind-total-score').textContent();
    // The user chooses 达成 for every qualitative indicator, in the sheet (as with its drop-down).
    const sheetScore = await page.evaluate(() => {
      const book = window.budgetPreview!.book;
      const sheet = book.getSheet('绩效指标完成情况')!;
      const grid = sheet.values({ top: 1, left: 1, bottom: 120, right: 16 });
      grid.forEach((row, i) => {
        if (row[8] === '定性') book.setCells('绩效指标完成情况', i + 1, 11, [['达成']]);
      });
      const after = sheet.values({ top: 1, left: 1, bottom: 120, right: 16 });
      return (after.find((row) => row[0] === '自评得分')![12] as number).toFixed(2);
    });
    expect(sheetScore).not.toBe(before);
    await expect.poll(() => byTestId('ind-total-score').textContent(), { timeout: 10_000 }).toContain(sheetScore);
    await expect.poll(status).toContain(`自评得分 ${sheetScore}`);
    await state('380-score-follows');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
