/**
 * The fidelity corpus (../shared/xlsx-corpus: real workbooks saved by Excel, WPS, LibreOffice and other tools) and
 * the budget table each test adds to them at zip level, with JSZip (the test's own zip library, not the one under
 * test): rows appended below the last row of the first worksheet, so that the user's own sheet is the one the
 * commands change, and nothing else of the file changes before they run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';

export const CORPUS_DIR = resolve(__dirname, '../../../shared/xlsx-corpus');

export function corpusFiles(): string[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR).filter((f) => /\.xls[xm]$/i.test(f)).sort();
}

/** The five projects of the added table: 年初预算数, 调整后预算数, 实际支出 (the third one is below 90%). */
export const PROJECTS: [string, number, number, number][] = [
  ['办公设备购置', 120, 150, 148.5],
  ['信息系统运维', 300, 280, 279.2],
  ['培训经费', 80, 100, 45.9],
  ['课题研究', 60, 60, 58],
  ['宣传经费', 40, 0, 0],
];
export const HEADERS = ['序号', '项目名称', '年初预算数', '调整后预算数', '实际支出', '预算执行率', '预算调整率'];

export interface TableAt {
  /** The worksheet part the rows went into, and its sheet name. */
  part: string;
  sheet: string;
  /** Row of the header; projects follow, then 合计. */
  headerRow: number;
  /** The sheet's cells before (address → raw `<c>` XML), to check they are kept. */
  lastRowBefore: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (n: number) => String.fromCharCode(64 + n);

function cell(r: number, c: number, v: string | number): string {
  const ref = `${col(c)}${r}`;
  return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
}

function tableRows(first: number): string {
  const rows: (string | number)[][] = [['2024年项目支出预算执行情况表'], ['单位：万元'], HEADERS];
  PROJECTS.forEach(([name, a, b, c], i) => rows.push([i + 1, name, a, b, c]));
  const sum = (k: 1 | 2 | 3) => Math.round(PROJECTS.reduce((s, p) => s + p[k], 0) * 100) / 100;
  rows.push(['', '合计', sum(1), sum(2), sum(3)]);
  return rows
    .map((values, i) => `<row r="${first + i}">${values.map((v, j) => (v === '' ? '' : cell(first + i, j + 1, v))).join('')}</row>`)
    .join('');
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The first worksheet (not a chart sheet) of the package: its name and part. */
async function firstWorksheet(zip: JSZip): Promise<{ sheet: string; part: string }> {
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
    const rid = attr(m[0], 'r:id');
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((r) => r[0]).find((r) => attr(r, 'Id') === rid);
    if (!rel || !attr(rel, 'Type')!.endsWith('/worksheet')) continue;
    const target = attr(rel, 'Target')!;
    return { sheet: attr(m[0], 'name')!.replace(/&amp;/g, '&'), part: target.startsWith('/') ? target.slice(1) : `xl/${target}` };
  }
  throw new Error('no worksheet');
}

/** The corpus file with the budget table appended to its first worksheet; only that sheet's part changes. */
export async function withBudgetTable(file: string): Promise<{ bytes: Buffer; at: TableAt }> {
  const zip = await JSZip.loadAsync(readFileSync(join(CORPUS_DIR, file)));
  const { sheet, part } = await firstWorksheet(zip);
  const xml = await zip.file(part)!.async('string');
  const last = Math.max(0, ...[...xml.matchAll(/<row\b[^>]*\sr="(\d+)"/g)].map((m) => Number(m[1])));
  const first = last + 3;
  const rows = tableRows(first);
  const patched = /<sheetData\s*\/>/.test(xml) ? xml.replace(/<sheetData\s*\/>/, `<sheetData>${rows}</sheetData>`) : xml.replace('</sheetData>', `${rows}</sheetData>`);
  zip.file(part, patched);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { bytes, at: { part, sheet, headerRow: first + 2, lastRowBefore: last } };
}

/** Every part's uncompressed bytes, by name. */
export async function partsOf(bytes: Buffer | Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}
