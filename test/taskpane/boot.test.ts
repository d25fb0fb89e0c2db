/**
 * boot.js, the first script of taskpane.html: ES5 (Internet Explorer 11 must parse it), the page IE11 shows, and
 * the watch on office.js; and startPane, the bundle's side of it. The build helpers for help.html and the
 * isolated-network copy of office.js are checked here too.
 */
import { parse } from 'acorn';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { ONREADY_TIMEOUT_MS, startPane, type Boot } from '../../src/taskpane/officeStart';

const ROOT = resolve(__dirname, '../..');
const BOOT = readFileSync(join(ROOT, 'src/taskpane/boot.js'), 'utf8');
const { helpPage } = require('../../scripts/webpack/helpPage') as { helpPage(readme: string): string };
const { keepOfficeFile } = require('../../scripts/webpack/officeJs') as { keepOfficeFile(rel: string): boolean };

interface FakeElement {
  id: string;
  innerHTML: string;
  style: Record<string, string>;
  setAttribute(): void;
  appendChild(e: FakeElement): void;
}

function element(id: string): FakeElement {
  return { id, innerHTML: '', style: {}, setAttribute() {}, appendChild() {} };
}

/** Runs boot.js in a fake page; `timers` collects its setTimeout callbacks. */
function runBoot(userAgent: string, documentMode?: number) {
  const elements: Record<string, FakeElement> = { 'boot-message': element('boot-message'), root: element('root') };
  const timers: (() => void)[] = [];
  const window: Record<string, unknown> = {};
  const document = { documentMode, body: element('body'), getElementById: (id: string) => elements[id] ?? null, addEventListener() {}, createElement: element };
  runInNewContext(BOOT, { window, document, navigator: { userAgent }, setTimeout: (fn: () => void) => timers.push(fn), clearTimeout() {}, location: {} });
  return { boot: window.budgetExecBoot as Boot & { why?: string }, message: elements['boot-message'], root: elements.root, timers, window };
}

describe('boot.js', () => {
  it('is ES5, so Internet Explorer 11 can run it', () => {
    expect(() => parse(BOOT, { ecmaVersion: 5 })).not.toThrow();
  });

  it('in Internet Explorer 11 shows which Excel to use, and watches nothing else', () => {
    const { boot, message, root, timers } = runBoot('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', 11);
    expect(boot.isIE).toBe(true);
    expect(message.innerHTML).toContain('无法在此版本的 Excel 中运行');
    expect(message.innerHTML).toContain('Excel 2021');
    expect(message.style.display).toBe('block');
    expect(root.style.display).toBe('none');
    expect(timers).toHaveLength(0);
  });

  it('says within seconds that office.js did not load: refused at once, or no answer', () => {
    const edge = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0';
    const refused = runBoot(edge);
    refused.boot.officeFailed('error');
    expect(refused.message.innerHTML).toContain('无法加载 Office 脚本');
    expect(refused.message.innerHTML).toContain('请求被拒绝');
    const silent = runBoot(edge);
    expect(silent.message.innerHTML).toBe('');
    silent.timers.forEach((t) => t()); // six seconds later, still no Office
    expect(silent.message.innerHTML).toContain('没有响应');
    expect(silent.message.innerHTML).toContain('appsforoffice.microsoft.com');
    // Office answering late takes the message away.
    silent.boot.officeReady();
    expect([silent.message.style.display, silent.root.style.display]).toEqual(['none', '']);
    const fine = runBoot(edge);
    fine.window.Office = {};
    fine.timers.forEach((t) => t());
    expect(fine.boot.failed).toBe(false);
  });
});

describe('startPane', () => {
  const office = (host: string | null, resolves = true) => ({
    HostType: { Excel: 'Excel' },
    onReady: (cb: (info: { host: string | null; platform: string | null }) => void) => {
      if (resolves) cb({ host, platform: null });
      return new Promise(() => {});
    },
  });
  const fakeBoot = (): Boot => ({ isIE: false, failed: false, officeReady: vi.fn(), officeFailed: vi.fn() });

  it('mounts the pane in Excel, says where to go elsewhere, and reports a missing office.js as a failed load', () => {
    const mounts = { excel: vi.fn(), outside: vi.fn() };
    const boot = fakeBoot();
    startPane(boot, office('Excel') as never, mounts);
    expect(mounts.excel).toHaveBeenCalledOnce();
    expect(boot.officeReady).toHaveBeenCalled();
    startPane(fakeBoot(), office(null) as never, mounts);
    expect(mounts.outside).toHaveBeenCalledWith(null);
    const missing = fakeBoot();
    startPane(missing, undefined, mounts);
    expect(missing.officeFailed).toHaveBeenCalledWith('error');
    expect(mounts.outside).toHaveBeenCalledTimes(1);
  });

  it('says so when Office.onReady never answers (office.js loaded, its host files did not)', () => {
    vi.useFakeTimers();
    try {
      const boot = fakeBoot();
      startPane(boot, office('Excel', false) as never, { excel: vi.fn(), outside: vi.fn() });
      vi.advanceTimersByTime(ONREADY_TIMEOUT_MS);
      expect(boot.officeFailed).toHaveBeenCalledWith('onready');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the build’s help page and the isolated-network copy of office.js', () => {
  it('help.html is the README’s help section', () => {
    const html = helpPage(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(html).toContain('<h3>哪些 Excel 可以使用</h3>');
    expect(html).toContain('隔离内网部署');
    expect(html).not.toContain('help:start');
  });

  it('keeps office.js, the Excel host files and zh-CN / en-US strings, and drops the rest', () => {
    // Names from @microsoft/office-js 1.1.110 (729 files, 87.4 MB; the filter keeps 26 files, 9.3 MB).
    const kept = ['office.js', 'o15apptofilemappingtable.js', 'excel-win32-16.01.js', 'excel-win32-16.01-core.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js', 'telemetry/oteljs_agave.js', 'ariatelemetry/aria-web-telemetry.js'];
    const dropped = ['office.debug.js', 'office.d.ts', 'office-vsdoc.js', 'word-win32-16.01.js', 'outlook-web-16.01.js', 'excel-win32-16.01.debug.js', 'de-de/office_strings.js', 'zh-cn/outlook_strings.js', 'agaveerrorux/index.html', 'powerpoint-web-16.00.js', 'custom-functions-runtime.js', 'es6-promise.js'];
    expect(kept.filter((f) => !keepOfficeFile(f))).toEqual([]);
    expect(dropped.filter((f) => keepOfficeFile(f))).toEqual([]);
  });
});
