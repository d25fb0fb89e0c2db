/**
 * End to end, the 绩效指标 and 年度工具 parts of the pane in the built preview (Chromium + simulated Excel): on the
 * liwan-2021 sample (表1-2, 项目支出, 绩效指标) and the guangzhou-2022 sample. 识别 → 写入 builds the sheet, the grid
 * shows its completion rates as the seed tables give them (200.39 % flagged over 150 %), the total score is shown,
 * an issue selects its cell in the built sheet; 下一年度 adds next year's sheets; 运行监控 builds the monitor with
 * lights. Screenshots 20–49 go to test-output/e2e/. Skipped without Chromium, except under CI=true.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLE } from '../../src/core/indicators/planSheet';
import { LIGHT_STYLE } from '../../src/core/monitor/light';
import { CHROMIUM, firstPage, hasChromium, launchChromium, type Browser } from './browser';
import { buildPreview, DIST_PREVIEW } from './buildPreview';
import { readGrid } from './gridReader';
import { builtRow, COL, GUANGZHOU_PRINTED, labelRow, LIWAN_SIMPLE, shownPercent } from './indicatorExpected';
import { clearShots, SHOTS } from './shots';
import { serveDirectory, type StaticServer } from './staticServer';

const CI = process.env.CI === 'true';
const missing = !hasChromium();
const ORANGE = STYLE.orange.fill;

describe.skipIf(missing && !CI)('绩效指标 and 年度工具 in the browser preview, end to end', () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let shotNo = 19;
  const pageErrors: string[] = [];

  const shot = async (name: string) => {
    shotNo++;
    await page.screenshot({ path: join(SHOTS, `${shotNo}-${name}.png`), animations: 'disabled' });
  };
  const byTestId = (id: string) => page.getByTestId(id);
  const status = () => byTestId('status-bar').textContent();
  const gridSheet = () => byTestId('sheet-grid').getAttribute('data-sheet');
  const tabNames = () => page.locator('[data-testid="sheet-tab"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet')));
  const open = async (sample: string) => {
    await page.goto(`${server!.url}/preview.html?sample=${sample}`);
    await byTestId('detect-button').waitFor();
  };

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}: the e2e test must not be skipped in CI.`);
    clearShots(/^[234]\d-.*\.png$/);
    await buildPreview();
    server = await serveDirectory(DIST_PREVIEW);
    browser = await launchChromium();
    page = await firstPage(browser, 15_000, pageErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('liwan · 识别: five indicator tables, the indicator count and the total score', async () => {
    await open('liwan-2021');
    await byTestId('mode-indicators').click();
    await shot('liwan-indicators-mode');
    await byTestId('ind-detect-button').click();
    await expect.poll(() => byTestId('ind-table').count()).toBe(5);
    await expect(byTestId('ind-detect-heading').textContent()).resolves.toContain('5 个指标表');
    await expect(byTestId('ind-total-score').textContent()).resolves.toMatch(/^\d+\.\d\d$/);
    await shot('liwan-detected');
    await byTestId('ind-tab-preview').click();
    await expect(byTestId('ind-preview-sheet').getAttribute('data-sheet')).resolves.toBe('绩效指标完成情况');
    await expect(byTestId('ind-preview-unparsed').getAttribute('data-count')).resolves.toBe('0');
    await expect(byTestId('ind-preview-budget').textContent()).resolves.toContain("'表1-2'!F11");
    await shot('liwan-preview');
  });

  it('liwan · 写入: the sheet appears as a tab with live completion rates; over 150 % in orange; score as in the pane', async () => {
    await byTestId('ind-apply-button').click();
    await expect.poll(status).toContain('写入完成');
    await expect.poll(tabNames).toContain('绩效指标完成情况');
    await expect.poll(gridSheet).toBe('绩效指标完成情况');
    const { cells } = await readGrid(page);
    for (const e of LIWAN_SIMPLE) {
      const r = builtRow(cells, e.name);
      const shown = cells[`${COL.completion}${r}`];
      expect(shownPercent(shown.text), `${e.name} ${COL.completion}${r}`).toBeCloseTo(e.completion, 4);
      expect(shown.formula, e.name).toMatch(/^=/);
      if (e.completion > 1.5) expect(shown.fill, `${e.name} over 150%`).toBe(ORANGE);
    }
    // 预算执行率 reads the 合计 row of 表1-2 (written first): 72555.63… as the budget engine computes it.
    expect(cells[`${COL.actual}3`].formula).toContain("'表1-2'!F11");
    const total = cells[`${COL.score}${labelRow(cells, '自评得分')}`].text;
    await expect(byTestId('ind-total-score').textContent()).resolves.toBe(total);
    expect(cells[`${COL.score}${labelRow(cells, '等级')}`].text).toBe(await byTestId('ind-grade').textContent());
    await shot('liwan-built');
  });

  it('liwan · 问题清单: an over-150 % issue selects its cell in the built sheet; the 偏差原因 drop-down works', async () => {
    await byTestId('ind-tab-issues').click();
    const over = page.locator('[data-testid="ind-issue-row"][data-rule="over"]');
    await expect.poll(() => over.count()).toBeGreaterThan(0);
    const cell = (await over.first().getAttribute('data-cell'))!;
    await over.first().click();
    await expect.poll(() => page.locator('td[data-selected="true"]').getAttribute('data-address')).toBe(cell);
    await expect(gridSheet()).resolves.toBe('绩效指标完成情况');
    await shot('liwan-issue-selected');
    const reason = `${COL.reason}${cell.replace(/^[A-Z]+/, '')}`;
    await page.locator(`td[data-address="${reason}"]`).click();
    await byTestId('cell-choices').selectOption('经费原因');
    await expect.poll(async () => (await readGrid(page)).cells[reason].text).toBe('经费原因');
    await shot('liwan-reason-chosen');
  });

  it('liwan · 下一年度: preview of the sheets to add, then created beside their sources (2022 in the name)', async () => {
    await byTestId('mode-year').click();
    await byTestId('next-year-preview-button').click();
    await expect.poll(() => byTestId('next-year-sheet').count()).toBe(3);
    const targets = await page.locator('[data-testid="next-year-sheet"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-to')!));
    expect(targets.some((t) => t.includes('2022'))).toBe(true);
    await shot('liwan-next-year-preview');
    await byTestId('next-year-create-button').click();
    await expect.poll(status).toContain('下一年度工作表已创建');
    const tabs = await tabNames();
    for (const t of targets) expect(tabs).toContain(t);
    expect(tabs.indexOf('绩效指标（2022年）')).toBe(tabs.indexOf('绩效指标') + 1);
    // The copy keeps the targets and empties the actuals; the source keeps both.
    await page.locator('[data-testid="sheet-tab"][data-sheet="绩效指标（2022年）"]').click();
    const next = (await readGrid(page)).cells;
    const row = Object.keys(next).find((a) => a.startsWith('B') && next[a].text === '提供各类就业岗位')!.slice(1);
    expect([next[`E${row}`].text, next[`F${row}`].text]).toEqual(['30000 个', '']);
    await shot('liwan-next-year-created');
    await page.locator('[data-testid="sheet-tab"][data-sheet="绩效指标"]').click();
    expect((await readGrid(page)).cells[`F${row}`].text).toBe('52635 个');
  });

  it('liwan · 运行监控: month 6 builds 绩效运行监控 with lights; month 12 refreshes it; 撤销 goes back to month 6', async () => {
    await byTestId('year-tab-monitor').click();
    await byTestId('monitor-month').selectOption('6');
    await byTestId('monitor-build-button').click();
    await expect.poll(status).toContain('绩效运行监控已生成');
    await expect.poll(gridSheet).toBe('绩效运行监控');
    const lightsShown = async () => {
      const { cells } = await readGrid(page);
      const count = (word: string) => Object.values(cells).filter((c) => c.text === word && c.fill === LIGHT_STYLE[word === '红灯' ? 'red' : word === '黄灯' ? 'yellow' : 'green'].fill).length;
      return { cells, red: count('红灯'), yellow: count('黄灯'), green: count('绿灯') };
    };
    const at6 = await lightsShown();
    const green6 = Number(await byTestId('monitor-green').getAttribute('data-count'));
    expect(green6).toBeGreaterThan(0);
    expect(at6.cells[`B${labelRow(at6.cells, '绿灯项目数')}`].text).toBe(String(green6));
    await shot('liwan-monitor-6');

    await byTestId('monitor-month').selectOption('12');
    await byTestId('monitor-build-button').click();
    await expect.poll(status).toContain('已刷新');
    const at12 = await lightsShown();
    const red12 = Number(await byTestId('monitor-red').getAttribute('data-count'));
    expect(red12).toBeGreaterThanOrEqual(2); // two projects of 项目支出 spent under 60 % of the year's budget
    expect(at12.cells[`B${labelRow(at12.cells, '红灯项目数')}`].text).toBe(String(red12));
    expect(at12.red).toBeGreaterThanOrEqual(red12);
    expect((await tabNames()).filter((t) => t === '绩效运行监控')).toHaveLength(1);
    // Bring a red project into view (clicking selects it and the grid scrolls to it, as Excel would).
    const red = Object.entries(at12.cells).find(([, c]) => c.text === '红灯' && c.fill === LIGHT_STYLE.red.fill)![0];
    await page.locator(`td[data-address="${red}"]`).click();
    await shot('liwan-monitor-12');

    await byTestId('year-undo-button').click();
    await expect.poll(status).toContain('已撤销上次写入');
    await expect.poll(async () => (await readGrid(page)).cells[`B${labelRow(at6.cells, '截至月份')}`].text).toBe('6');
    await shot('liwan-monitor-undone');
  });

  it('guangzhou · 识别 and 写入: 扶持成功创业人数 200.39 % flagged over 150 %, printed completions reproduced', async () => {
    await open('guangzhou-2022-indicators');
    await byTestId('mode-indicators').click();
    await byTestId('ind-detect-button').click();
    await expect.poll(() => byTestId('ind-table').count()).toBe(5);
    await byTestId('ind-tab-preview').click();
    await expect(byTestId('ind-preview-sheet').getAttribute('data-sheet')).resolves.toBe('绩效指标完成情况（自评）');
    await byTestId('ind-apply-button').click();
    await expect.poll(status).toContain('写入完成');
    await expect.poll(gridSheet).toBe('绩效指标完成情况（自评）');
    const { cells } = await readGrid(page);
    expect(GUANGZHOU_PRINTED.map((e) => e.name)).toContain('扶持成功创业人数');
    for (const e of GUANGZHOU_PRINTED) {
      const r = builtRow(cells, e.name);
      expect(shownPercent(cells[`${COL.completion}${r}`].text), e.name).toBeCloseTo(e.completion, 4);
    }
    const r = builtRow(cells, '扶持成功创业人数');
    expect(cells[`${COL.completion}${r}`]).toMatchObject({ text: '200.39%', fill: ORANGE });
    expect(cells[`${COL.status}${r}`].text).toBe('超额');
    await expect(byTestId('ind-total-score').textContent()).resolves.toBe(cells[`${COL.score}${labelRow(cells, '自评得分')}`].text);
    await shot('guangzhou-built');

    await byTestId('ind-tab-issues').click();
    const over = page.locator('[data-testid="ind-issue-row"][data-rule="over"]');
    await expect(over.count()).resolves.toBe(1);
    await expect(over.textContent()).resolves.toContain('200.39%');
    await over.click();
    await expect.poll(() => page.locator('td[data-selected="true"]').getAttribute('data-address')).toBe(`${COL.completion}${r}`);
    await shot('guangzhou-issue-selected');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
