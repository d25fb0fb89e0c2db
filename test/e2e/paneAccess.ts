/**
 * Keyboard and accessibility helpers for the pane's e2e tests: move by Tab (never by click) to a control, and run
 * axe-core (its own source injected into the page) on the pane, keeping the serious and critical findings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** Presses Tab until the focused element matches `selector` (at most `max` presses); returns how many it took. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

/** In a tab list the keyboard user moves with the arrow keys: Tab into it, arrow to `value`, Enter. */
export async function chooseTab(page: Page, listTestId: string, tabTestId: string): Promise<void> {
  await tabTo(page, `[data-testid="${listTestId}"] [role="tab"][aria-selected="true"]`);
  for (let i = 0; i < 6; i++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, tabTestId)) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Enter');
}

export const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** Every element found is one Fluent UI itself puts there (its focus manager Tabster's focus guards). */
  fluent: boolean;
}

/**
 * Violations Fluent UI itself causes, with the upstream issue: reported, not failed on — and only when every
 * element axe names is Fluent's own. Anything else serious or critical fails the test.
 * - aria-hidden-focus on Tabster's dummy focus guards (<i data-tabster-dummy tabindex=0 aria-hidden>), which keep
 *   Tab order inside TabList, RadioGroup and MessageBar: microsoft/tabster#288, microsoft/fluentui#27517
 *   ("Resolution: By Design"; Accessibility Insights suppresses it: microsoft/accessibility-insights-web#7605).
 */
export const FLUENT_KNOWN: Record<string, string> = {
  'aria-hidden-focus': 'microsoft/tabster#288, microsoft/fluentui#27517',
};

export async function axeFindings(page: Page, root = '#pane-root'): Promise<AxeFinding[]> {
  // Evaluated rather than added as a <script>: the 网页版's Content-Security-Policy refuses any inline script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run({ include: [sel] }, { resultTypes: ['violations'] });
    const isTabsterGuard = (target: string[]) => document.querySelector(target.join(' '))?.hasAttribute('data-tabster-dummy') ?? false;
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
      fluent: v.nodes.every((n) => isTabsterGuard(n.target)),
    }));
  }, root);
  return results.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}
