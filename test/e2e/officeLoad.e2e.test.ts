/**
 * taskpane.html in Chromium when office.js cannot come from Microsoft's CDN: refused at once, or the request
 * dropped (no answer). The page says so in Chinese within a few seconds instead of staying blank or saying it is
 * not in Office. The page here is taskpane.html as the build makes it with boot.js, without the bundle (startPane,
 * the bundle's part, is tested in test/taskpane/boot.test.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, type Browser } from './browser';
import { ROOT } from './buildPreview';
import { SHOTS } from './shots';
import { serveDirectory, type StaticServer } from './staticServer';

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

describe.skipIf(!hasChromium())('taskpane.html when office.js does not load', () => {
  let browser: Browser;
  let server: StaticServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taskpane-'));
    const html = readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8').replace('<%= officeJsUrl %>', CDN);
    writeFileSync(join(dir, 'taskpane.html'), html);
    copyFileSync(join(ROOT, 'src/taskpane/boot.js'), join(dir, 'boot.js'));
    server = await serveDirectory(dir, 'taskpane.html');
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refused: says so at once', async () => {
    const page = await browser.context.newPage();
    await page.route(CDN, (route) => route.abort('connectionrefused'));
    const started = Date.now();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('alert').waitFor({ timeout: 3000 });
    const text = await page.getByRole('alert').textContent();
    expect(text).toContain('无法加载 Office 脚本');
    expect(text).toContain('请求被拒绝');
    expect(Date.now() - started).toBeLessThan(3000);
    await page.screenshot({ path: join(SHOTS, 'office-js-refused.png') });
    await page.close();
  }, 30_000);

  it('no answer: says so within a few seconds', async () => {
    const page = await browser.context.newPage();
    await page.route(CDN, () => {}); // never answered, as when a firewall drops the packets
    const started = Date.now();
    await page.goto(`${server.url}/taskpane.html`, { waitUntil: 'commit' });
    await page.getByRole('alert').waitFor({ timeout: 9000 });
    const elapsed = Date.now() - started;
    expect(await page.getByRole('alert').textContent()).toContain('没有响应');
    expect(elapsed).toBeGreaterThan(5000);
    expect(elapsed).toBeLessThan(9000);
    await page.close();
  }, 30_000);
});
