/**
 * The XML manifest: valid against Microsoft's published schema (where ../shared/manifest-xsd exists), and
 * the things the schema cannot catch checked here: the host name, the API requirement, every URL on the dev
 * server, every icon present in assets/.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// The build's own code (webpack.config.js uses it): CommonJS, no types.
const { deployManifest } = require('../scripts/webpack/manifest') as { deployManifest(xml: string, o: { publicUrl?: string; providerName?: string }): string };

const ROOT = resolve(__dirname, '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const XSD_DIR = resolve(ROOT, '..', 'shared', 'manifest-xsd');
const XSD = join(XSD_DIR, 'OfficeAppManifestV1_1.xsd');
const DEV_ORIGIN = 'https://localhost:3000/';
const xml = readFileSync(MANIFEST, 'utf8');

function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Attributes of every element named `tag` (namespace prefix optional), e.g. elements('Set'). */
function elements(tag: string): Record<string, string>[] {
  const re = new RegExp(`<(?:[\\w-]+:)?${tag}\\b([^>]*?)/?>`, 'g');
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    out.push(attrs);
  }
  return out;
}

/** Every http(s) URL in attributes or text, outside comments. */
function urls(): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const namespaces = /^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//;
  return [...body.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !namespaces.test(u));
}

describe('manifest.xml', () => {
  const canValidate = existsSync(XSD);
  it.skipIf(!canValidate)('validates against the published XSD with xmllint', () => {
    if (!hasXmllint()) {
      if (process.env.CI === 'true') throw new Error('xmllint is missing (apt-get install libxml2-utils); under CI this is a failure');
      console.warn('xmllint not installed: schema check skipped');
      return;
    }
    const run = () => execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, MANIFEST], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  });

  it('is a task-pane add-in for Excel workbooks', () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    const topHosts = elements('Host').filter((h) => h.Name !== undefined);
    expect(topHosts).toEqual([{ Name: 'Workbook' }]);
    expect(elements('Host').filter((h) => h['xsi:type']).map((h) => h['xsi:type'])).toEqual(['Workbook']);
    expect(elements('DefaultLocale')).toHaveLength(1);
    expect(xml).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  it('requires ExcelApi 1.9', () => {
    const sets = elements('Set').filter((s) => s.Name === 'ExcelApi');
    expect(sets).toHaveLength(1);
    expect(sets[0].MinVersion).toBe('1.9');
  });

  it('has a ribbon button on the Home tab that shows the task pane', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    const resid = /<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/.exec(xml)?.[1];
    const url = elements('Url').find((u) => u.id === resid);
    expect(url?.DefaultValue).toBe(`${DEV_ORIGIN}taskpane.html`);
    // Every resid used is defined once among the resources.
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of xml.matchAll(/resid="([^"]+)"/g)) expect(defined, m[1]).toContain(m[1]);
  });

  it('points every URL at https://localhost:3000', () => {
    const all = urls();
    expect(all.length).toBeGreaterThan(5);
    for (const u of all) expect(u.startsWith(DEV_ORIGIN), u).toBe(true);
    expect(elements('SourceLocation').find((s) => s.DefaultValue)?.DefaultValue).toBe(`${DEV_ORIGIN}taskpane.html`);
  });

  it('references icons that exist in assets/ and are PNGs of the stated size', () => {
    const icons = urls().filter((u) => u.endsWith('.png'));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const u of icons) {
      const rel = u.slice(DEV_ORIGIN.length);
      expect(rel, u).toMatch(/^assets\/icon-\d+\.png$/);
      const file = join(ROOT, rel);
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(/icon-(\d+)\.png$/.exec(rel)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const img of elements('Image').filter((i) => i.size)) {
      const target = elements('Image').find((i) => i.id === img.resid);
      expect(target?.DefaultValue, img.resid).toContain(`icon-${img.size}.png`);
    }
  });

  it('names a real provider, links support to the help page, and lists no AppDomain (the pane stays on its own origin)', () => {
    expect(xml).not.toMatch(/<ProviderName>\s*budget-exec\s*<\/ProviderName>/);
    expect(elements('SupportUrl')[0].DefaultValue).toBe(`${DEV_ORIGIN}help.html`);
    expect(xml.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/<AppDomains?>/);
  });
});

describe('a deployment build of the manifest (PUBLIC_URL, PROVIDER_NAME)', () => {
  const publicUrl = 'https://budget.example.gov.cn/tools/budget-exec/';
  const deployed = deployManifest(xml, { publicUrl, providerName: '某某区财政局 & 信息中心' });

  it('moves every URL to PUBLIC_URL and names the provider', () => {
    const body = deployed.replace(/<!--[\s\S]*?-->/g, '');
    const all = [...body.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    expect(all.length).toBe(urls().length);
    for (const u of all) expect(u.startsWith(publicUrl), u).toBe(true);
    expect(body).not.toContain('localhost');
    expect(body).toContain('<ProviderName>某某区财政局 &amp; 信息中心</ProviderName>');
    expect(body).toContain(`<SupportUrl DefaultValue="${publicUrl}help.html"/>`);
    // A missing trailing slash is added; http is refused (Office loads add-ins over HTTPS only).
    expect(deployManifest(xml, { publicUrl: 'https://h.example/x' })).toContain('https://h.example/x/taskpane.html');
    expect(() => deployManifest(xml, { publicUrl: 'http://h.example/' })).toThrow(/https/);
  });

  it.skipIf(!canValidateDeployed())('still validates against the published XSD', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, deployed);
    try {
      expect(() => execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** With the schema there: under CI always (a missing xmllint fails loudly, as above), elsewhere when xmllint is installed. */
function canValidateDeployed(): boolean {
  return existsSync(XSD) && (hasXmllint() || process.env.CI === 'true');
}
