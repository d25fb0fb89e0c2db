import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWorkbook, type Savable, saveWorkbookAtomic, WorkbookIOError } from '../../src/xlsx';
import { buildMessyWorkbook } from './messyWorkbook';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbook-io-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookIOError);
    return (e as WorkbookIOError).code;
  }
  return 'no error';
}

/** Bytes to save: the messy workbook as exceljs writes it. */
const messy: Savable = { save: async () => new Uint8Array((await buildMessyWorkbook().xlsx.writeBuffer()) as ArrayBuffer) };

async function writeSample(name = 'in.xlsx'): Promise<string> {
  const file = join(dir, name);
  await buildMessyWorkbook().xlsx.writeFile(file);
  return file;
}

describe('loadWorkbook', () => {
  it('loads an .xlsx', async () => {
    const wb = await loadWorkbook(await writeSample());
    expect(wb.sheetNames).toEqual(['表1-2', '说明']);
    expect(wb.extension).toBe('.xlsx');
  });

  it('says why a file cannot be read', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    // An encrypted workbook: a compound file whose directory names the EncryptionInfo stream (UTF-16LE).
    const name = Buffer.from('EncryptionInfo', 'utf16le');
    writeFileSync(join(dir, 'locked.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), name, Buffer.alloc(64)]));
    writeFileSync(join(dir, 'broken.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]));
    writeFileSync(join(dir, 'empty.xlsx'), '');
    mkdirSync(join(dir, 'folder.xlsx'));
    expect(await codeOf(loadWorkbook(join(dir, 'missing.xlsx')))).toBe('missing');
    expect(await codeOf(loadWorkbook(join(dir, 'notes.txt')))).toBe('not-xlsx');
    expect(await codeOf(loadWorkbook(join(dir, 'empty.xlsx')))).toBe('not-xlsx');
    expect(await codeOf(loadWorkbook(join(dir, 'old.xls')))).toBe('legacy-xls');
    expect(await codeOf(loadWorkbook(join(dir, 'locked.xlsx')))).toBe('encrypted');
    expect(await codeOf(loadWorkbook(join(dir, 'broken.xlsx')))).toBe('corrupt');
    expect(await codeOf(loadWorkbook(join(dir, 'folder.xlsx')))).toBe('not-a-file');
  });
});

describe('saveWorkbookAtomic', () => {
  it('writes the output and leaves no temporary file', async () => {
    const out = join(dir, 'out.xlsx');
    await saveWorkbookAtomic(messy, out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet('表1-2')!.getCell('A1').value).toBe('2021年部门整体支出资金执行情况');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('refuses to write over its input, by path, through a symlink or a hard link', async () => {
    const input = await writeSample();
    symlinkSync(input, join(dir, 'sym.xlsx'));
    linkSync(input, join(dir, 'hard.xlsx'));
    const before = readFileSync(input);
    const wb = await loadWorkbook(input);
    for (const target of [input, join(dir, '.', 'in.xlsx'), join(dir, 'sym.xlsx'), join(dir, 'hard.xlsx')]) {
      expect(await codeOf(saveWorkbookAtomic(wb, target, { input }))).toBe('same-as-input');
    }
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('refuses an output folder that does not exist', async () => {
    expect(await codeOf(saveWorkbookAtomic(messy, join(dir, 'nope', 'out.xlsx')))).toBe('output-dir-missing');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves nothing behind when writing fails half-way, and keeps an older output intact', async () => {
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, 'previous output');
    const failing = async (_book: Savable, temp: string) => {
      writeFileSync(temp, 'half a workbook');
      throw new Error('disk full');
    };
    const err = await saveWorkbookAtomic(messy, out, { writer: failing }).catch((e) => e);
    expect(err).toBeInstanceOf(WorkbookIOError);
    expect(err.code).toBe('write-failed');
    expect(err.detail).toContain('disk full');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    expect(readFileSync(out, 'utf8')).toBe('previous output');
  });

  it('a failed write with no earlier output leaves no file at all', async () => {
    const out = join(dir, 'out.xlsx');
    const failing = async (_book: Savable, temp: string) => {
      writeFileSync(temp, 'x');
      throw new Error('boom');
    };
    await saveWorkbookAtomic(messy, out, { writer: failing }).catch(() => undefined);
    expect(readdirSync(dir)).toEqual([]);
    expect(() => statSync(out)).toThrow();
  });
});

describe('interrupted save', () => {
  it('Ctrl-C during a save removes the temp file before the process ends', async () => {
    const { spawn } = await import('node:child_process');
    const root = join(__dirname, '..', '..');
    const script = join(dir, 'slow-save.ts');
    // A save whose writer leaves a temp file and then hangs, so the signal lands mid-write.
    writeFileSync(
      script,
      `import { saveWorkbookAtomic } from ${JSON.stringify(join(root, 'src', 'xlsx'))};
       import { writeFileSync } from 'node:fs';
       void saveWorkbookAtomic({} as never, ${JSON.stringify(join(dir, 'out.xlsx'))}, {
         writer: async (_wb, temp) => { writeFileSync(temp, 'partial'); console.log('writing'); await new Promise(() => setInterval(() => undefined, 1000)); },
       });`,
    );
    // node itself (tsx as a loader, not its wrapper process), so the signal reaches the process that saves.
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    child.on('exit', () => expect(stderr).toBe(''));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => String(d).includes('writing') && resolve());
      child.on('exit', () => reject(new Error(`child ended before writing: ${stderr}`)));
    });
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGINT');
    expect(await exit).toBe('SIGINT');
    expect(readdirSync(dir).filter((n) => n !== 'slow-save.ts')).toEqual([]);
  }, 30_000);
});
