/**
 * What dist-web/index.html must be, checked on the built file (built here when missing or stale):
 * - one file: nothing else to load, so it works from disk and from any static server;
 * - no HyperFormula (GPL-3.0) and no other code under a copyleft licence in the bundle (the project is MIT);
 * - a policy that allows exactly the page's own inline script (by hash), a blob: worker, inline styles, nothing else;
 * - no element or font that names an address elsewhere.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, DIST_WEB, WEB_HTML } from '../e2e/buildWeb';

const ROOT = resolve(__dirname, '../..');
let html = '';

/** Licences of every npm package whose code the bundle holds (webpack names each module by its path). */
function bundledPackages(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, name] of source.matchAll(/node_modules\/((?:@[^/]+\/)?[^/"'\s]+)\//g)) {
    if (out.has(name)) continue;
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { license?: unknown };
    out.set(name, String(pkg.license ?? 'unknown'));
  }
  return out;
}

describe('dist-web/index.html', () => {
  beforeAll(async () => {
    await buildWeb();
    html = readFileSync(WEB_HTML, 'utf8');
  }, 240_000);

  it('is one file', () => {
    expect(readdirSync(DIST_WEB)).toEqual(['index.html']);
  });

  it('bundles no HyperFormula and nothing under a copyleft licence', () => {
    const packages = bundledPackages(html);
    expect(packages.has('hyperformula')).toBe(false);
    expect(packages.has('fast-formula-parser')).toBe(true);
    const copyleft = [...packages].filter(([, licence]) => /GPL|AGPL|LGPL|SSPL|EUPL|CC-BY-SA/i.test(licence));
    expect(copyleft).toEqual([]);
  });

  it('allows only its own inline script, a blob: worker and inline styles, and no connection', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('worker-src')).toBe('blob:');
    expect(directives.get('style-src')).toBe("'unsafe-inline'");
    // The worker's code is inert text (type="text/plain"); the page's one script follows it.
    const afterWorker = html.slice(html.indexOf('</script>', html.indexOf('id="worker-source"')) + '</script>'.length);
    const scripts = [...afterWorker.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0], 'utf8').digest('base64');
    expect(directives.get('script-src')).toBe(`'sha256-${hash}'`);
  });

  it('names no address to load a script, style, font or picture from (the policy would refuse it anyway)', () => {
    const page = html.slice(0, html.indexOf('id="worker-source"'));
    expect(page).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/@font-face[^}]*url\(\s*["']?https?:/i);
    expect(html).not.toMatch(/appsforoffice\.microsoft|fonts\.googleapis/i);
  });
});
