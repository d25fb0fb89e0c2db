/**
 * Helpers for the 网页版's e2e test: reach a control by Tab (never by click), run axe-core on the page (its own
 * source injected, so the page's policy and the no-network rule are not involved), and read a zip's parts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** Every element named is a focus guard Fluent UI's Tabster puts there (microsoft/tabster#288, fluentui#27517). */
  fluent: boolean;
}

/** Serious and critical axe-core violations inside `root`. The page's CSP allows no injected script tag: run it via evaluate. */
export async function axeFindings(page: Page, root: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (sel) => {
    type Axe = { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; html: string; failureSummary?: string }[] }[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const r = await axe.run({ include: [sel] }, { resultTypes: ['violations'] });
    const isGuard = (target: string[]) => document.querySelector(target.join(' '))?.hasAttribute('data-tabster-dummy') ?? false;
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`), fluent: v.nodes.every((n) => isGuard(n.target)) }));
  }, root);
  return results.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** Every part of a zip (an .xlsx), uncompressed, by name. */
export async function zipEntries(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { useWebWorkers: false });
  const out = new Map<string, Uint8Array>();
  for (const entry of await reader.getEntries()) if (!entry.directory) out.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
  await reader.close();
  return out;
}
