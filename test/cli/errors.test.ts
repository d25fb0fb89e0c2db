/**
 * Bad input ends with a non-zero exit code, exactly one bilingual line on stderr, nothing on stdout and no
 * file written. None of these needs the engine: every check happens before it runs.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// jszip comes with exceljs; here it only builds a test file.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProjectWorkbook } from './budgetWorkbook';
import { ERROR_LINE, runCli } from './runMain';

/** The two parts that make a package a Strict Open XML workbook (enough to be recognised and refused). */
async function strictWorkbook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

let dir: string;
let good: string;
const f = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-errors-'));
  good = f('good.xlsx');
  await buildProjectWorkbook().workbook.xlsx.writeFile(good);
  writeFileSync(f('notes.txt'), '这不是工作簿');
  writeFileSync(f('fake.xlsx'), 'not a zip');
  writeFileSync(f('old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  // Office's encryption wraps the workbook in a compound file with an EncryptionInfo stream (named in UTF-16LE).
  writeFileSync(f('locked.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le')]));
  // A Strict Open XML workbook: its package points at the workbook with the purl.oclc.org relationship type.
  writeFileSync(f('strict.xlsx'), await strictWorkbook());
  writeFileSync(f('broken.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]));
  mkdirSync(f('folder'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case {
  name: string;
  args: () => string[];
  code: number;
  /** Words the line must contain (the file or option at fault). */
  mentions: string[];
}

const cases: Case[] = [
  { name: 'missing file', args: () => ['inspect', f('a.xlsx')], code: 1, mentions: ['找不到文件', 'not found', 'a.xlsx'] },
  { name: 'missing file (apply)', args: () => ['apply', f('a.xlsx'), '-o', f('out.xlsx')], code: 1, mentions: ['找不到文件'] },
  { name: 'a text file', args: () => ['inspect', f('notes.txt')], code: 1, mentions: ['不是 Excel 工作簿', 'not an Excel workbook'] },
  { name: 'a fake .xlsx', args: () => ['apply', f('fake.xlsx'), '-o', f('out.xlsx')], code: 1, mentions: ['不是 Excel 工作簿'] },
  { name: 'an old .xls', args: () => ['inspect', f('old.xls')], code: 1, mentions: ['.xls', '另存为 .xlsx'] },
  { name: 'an encrypted workbook', args: () => ['apply', f('locked.xlsx'), '-o', f('out.xlsx')], code: 1, mentions: ['文件已加密，请先在 Excel 中取消密码', 'encrypted'] },
  { name: 'a Strict Open XML workbook', args: () => ['inspect', f('strict.xlsx')], code: 1, mentions: ['Strict', '另存为'] },
  { name: 'a damaged zip', args: () => ['inspect', f('broken.xlsx')], code: 1, mentions: ['损坏', 'damaged'] },
  { name: 'a folder', args: () => ['inspect', f('folder')], code: 1, mentions: ['不是文件', 'not a file'] },
  { name: 'threshold not a number', args: () => ['apply', good, '-o', f('out.xlsx'), '--threshold', 'abc'], code: 2, mentions: ['--threshold', 'abc', '0.9'] },
  { name: 'adjustment threshold not a number', args: () => ['apply', good, '-o', f('out.xlsx'), '--adjustment-threshold', '五成'], code: 2, mentions: ['--adjustment-threshold', '五成'] },
  { name: 'threshold out of range', args: () => ['apply', good, '-o', f('out.xlsx'), '--threshold', '90'], code: 2, mentions: ['--threshold', '超出范围'] },
  { name: 'as-of month 13', args: () => ['apply', good, '-o', f('out.xlsx'), '--as-of-month', '13'], code: 2, mentions: ['--as-of-month', '1 到 12'] },
  { name: 'as-of month 0', args: () => ['apply', good, '-o', f('out.xlsx'), '--as-of-month', '0'], code: 2, mentions: ['--as-of-month'] },
  { name: 'as-of month 6.5', args: () => ['apply', good, '-o', f('out.xlsx'), '--as-of-month', '6.5'], code: 2, mentions: ['--as-of-month'] },
  { name: 'unknown --adjusted', args: () => ['apply', good, '-o', f('out.xlsx'), '--adjusted', 'sum'], code: 2, mentions: ['--adjusted', 'total', 'delta', 'sum'] },
  { name: 'output is the input', args: () => ['apply', good, '-o', good], code: 2, mentions: ['输入文件', '-o'] },
  { name: 'output is the input, spelled differently', args: () => ['apply', good, '-o', join(dir, '.', 'folder', '..', 'good.xlsx')], code: 2, mentions: ['输入文件'] },
  { name: 'output folder missing', args: () => ['apply', good, '-o', f('nope/out.xlsx')], code: 1, mentions: ['文件夹不存在', 'does not exist'] },
  { name: 'no -o', args: () => ['apply', good], code: 2, mentions: ['-o <out.xlsx>'] },
  { name: 'no input', args: () => ['inspect'], code: 2, mentions: ['缺少参数'] },
  { name: 'unknown option', args: () => ['inspect', good, '--colour'], code: 2, mentions: ['--colour'] },
  { name: 'unknown command', args: () => ['check', good], code: 2, mentions: ['check', 'inspect'] },
  { name: 'no command', args: () => [], code: 2, mentions: ['缺少命令'] },
  { name: 'too many files', args: () => ['inspect', good, good], code: 2, mentions: ['参数过多'] },
  { name: 'option without its value', args: () => ['apply', good, '-o', f('out.xlsx'), '--threshold'], code: 2, mentions: ['--threshold'] },
  // The commands of issues 4 and 5 follow the same rules.
  { name: 'indicators: missing file', args: () => ['indicators', f('a.xlsx'), '-o', f('out.xlsx')], code: 1, mentions: ['找不到文件'] },
  { name: 'indicators: no -o', args: () => ['indicators', good], code: 2, mentions: ['-o <out.xlsx>'] },
  { name: 'indicators: output is the input', args: () => ['indicators', good, '-o', good], code: 2, mentions: ['输入文件'] },
  { name: 'indicators: --sheet that does not exist', args: () => ['indicators', good, '-o', f('out.xlsx'), '--sheet', 'Sheet9'], code: 1, mentions: ['Sheet9', '项目支出'] },
  { name: 'next-year: --year not a number', args: () => ['next-year', good, '-o', f('out.xlsx'), '--year', 'next'], code: 2, mentions: ['--year', 'next', '2022'] },
  { name: 'next-year: an old .xls', args: () => ['next-year', f('old.xls'), '-o', f('out.xlsx')], code: 1, mentions: ['.xls'] },
  { name: 'next-year: output folder missing', args: () => ['next-year', good, '-o', f('nope/out.xlsx')], code: 1, mentions: ['文件夹不存在'] },
  { name: 'monitor: no --as-of-month', args: () => ['monitor', good, '-o', f('out.xlsx')], code: 2, mentions: ['--as-of-month', '1–12'] },
  { name: 'monitor: --as-of-month 0', args: () => ['monitor', good, '-o', f('out.xlsx'), '--as-of-month', '0'], code: 2, mentions: ['--as-of-month', '1 到 12'] },
  { name: 'monitor: a damaged zip', args: () => ['monitor', f('broken.xlsx'), '-o', f('out.xlsx'), '--as-of-month', '6'], code: 1, mentions: ['损坏'] },
  { name: 'monitor: unknown option', args: () => ['monitor', good, '-o', f('out.xlsx'), '--as-of-month', '6', '--year', '2022'], code: 2, mentions: ['--year'] },
];

describe('bad input: one bilingual line, non-zero exit, no output', () => {
  it.each(cases)('$name', async ({ args, code, mentions }) => {
    const before = readdirSync(dir).sort();
    const run = await runCli(args());
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(ERROR_LINE);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
    for (const m of mentions) expect(run.errLines[0]).toContain(m);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('help and version', () => {
  it('prints help on stdout with exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('inspect');
    expect(run.stdout).toContain('apply');
    expect(run.stdout).toContain('demo');
    for (const c of ['indicators', 'next-year', 'monitor']) expect(run.stdout).toContain(c);
    expect(run.stderr).toBe('');
  });

  it.each([
    ['indicators', ['--output', '--sheet', '--json']],
    ['next-year', ['--output', '--year', '--carry-actuals', '--json']],
    ['monitor', ['--output', '--as-of-month', '--json']],
  ])('prints the options of %s', async (command, options) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    for (const o of options) expect(run.stdout).toContain(o);
  });

  it('prints the options of apply', async () => {
    const run = await runCli(['apply', '--help']);
    expect(run.code).toBe(0);
    for (const o of ['--output', '--sheet', '--threshold', '--adjustment-threshold', '--as-of-month', '--adjusted', '--overwrite', '--json']) {
      expect(run.stdout).toContain(o);
    }
  });

  it('prints the version', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('accepts process.argv as the bin passes it', async () => {
    const run = await runCli([process.execPath, '/usr/local/bin/budget-exec', '--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
