/**
 * Chromium for the end-to-end test: Debian's /usr/bin/chromium driven by playwright-core (never
 * `playwright install`, which downloads a browser), with a fresh profile directory each run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags that work for Debian's Chromium in a container (../shared/TOOLCHAIN.md). */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const hasChromium = (): boolean => existsSync(CHROMIUM);

export interface Browser {
  context: BrowserContext;
  /** The browser's profile folder (each of its processes names it on its command line). */
  profile: string;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  // launchPersistentContext: launch() refuses a --user-data-dir, and a fresh profile keeps runs independent.
  const profile = mkdtempSync(join(tmpdir(), 'budget-exec-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    reducedMotion: 'reduce',
  });
  return {
    context,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The browser's first tab, with a default timeout, collecting what the page throws (and, unless `console` is
 * false, what it logs as an error) into `errors`, which each test then expects to stay empty.
 */
export async function firstPage(browser: Browser, timeout: number, errors: string[], options: { console?: boolean } = {}): Promise<Page> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(timeout);
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.console !== false)
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  return page;
}
