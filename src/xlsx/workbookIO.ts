/**
 * Loading and saving .xlsx files safely. Loading says clearly why a file cannot be read; saving writes a
 * temporary file beside the output and renames it, so a reader never sees half a workbook, the input is
 * never the target, and a failed run leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp, rmSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';

export type WorkbookIOErrorCode =
  | 'missing' // no such file
  | 'not-a-file' // a directory or a device
  | 'unreadable' // permissions
  | 'legacy-xls' // an old binary .xls (OLE compound file)
  | 'not-xlsx' // not a zip at all
  | 'corrupt' // a zip, but exceljs cannot read it as a workbook
  | 'same-as-input' // output would replace the input
  | 'output-dir-missing'
  | 'write-failed';

export class WorkbookIOError extends Error {
  constructor(
    readonly code: WorkbookIOErrorCode,
    readonly file: string,
    readonly detail?: string,
  ) {
    super(`${code}: ${file}${detail ? ` (${detail})` : ''}`);
    this.name = 'WorkbookIOError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK": every .xlsx is a zip
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // .xls, and password-protected .xlsx

async function readMagic(file: string): Promise<Buffer> {
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await fh.read(buf, 0, 8, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function startsWith(buf: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

/** Checks that `file` exists, is a file and looks like an .xlsx; throws WorkbookIOError otherwise. */
export async function checkWorkbookFile(file: string): Promise<void> {
  let stat;
  try {
    stat = await fsp.stat(file);
  } catch (e) {
    if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') throw new WorkbookIOError('missing', file);
    if (errno(e) === 'EACCES' || errno(e) === 'EPERM') throw new WorkbookIOError('unreadable', file);
    throw new WorkbookIOError('unreadable', file, String((e as Error)?.message ?? e));
  }
  if (!stat.isFile()) throw new WorkbookIOError('not-a-file', file);
  let magic: Buffer;
  try {
    magic = await readMagic(file);
  } catch (e) {
    throw new WorkbookIOError('unreadable', file, errno(e));
  }
  if (startsWith(magic, OLE_MAGIC)) throw new WorkbookIOError('legacy-xls', file);
  if (!startsWith(magic, ZIP_MAGIC)) throw new WorkbookIOError('not-xlsx', file);
}

/** Loads a workbook, with a WorkbookIOError saying what is wrong when it cannot. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  await checkWorkbookFile(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new WorkbookIOError('corrupt', file, String((e as Error)?.message ?? e));
  }
  return wb;
}

/** True when both paths name the same file (same path, or the same inode through a link). */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // one of them does not exist yet: cannot be the same file
  }
}

/** Checks, before any work is done, that `output` can be written and is not the input. */
export async function checkOutputPath(output: string, input?: string): Promise<void> {
  if (input !== undefined && (await isSameFile(input, output))) throw new WorkbookIOError('same-as-input', output);
  const dir = path.dirname(path.resolve(output));
  try {
    if (!(await fsp.stat(dir)).isDirectory()) throw new WorkbookIOError('output-dir-missing', output);
  } catch (e) {
    if (e instanceof WorkbookIOError) throw e;
    throw new WorkbookIOError('output-dir-missing', output);
  }
  try {
    if ((await fsp.stat(output)).isDirectory()) throw new WorkbookIOError('not-a-file', output);
  } catch (e) {
    if (e instanceof WorkbookIOError) throw e;
    // Does not exist yet: the normal case.
  }
}

/*
 * Temp files being written right now. If the user presses Ctrl-C (or the process is told to stop) during a
 * save, they are removed before the process ends, so even an interrupted run leaves nothing behind.
 */
const liveTemps = new Set<string>();
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removeLiveTemps(): void {
  for (const t of liveTemps) rmSync(t, { force: true });
  liveTemps.clear();
}

function removeStopHandlers(): void {
  for (const sig of STOP_SIGNALS) process.removeListener(sig, onStopSignal);
  process.removeListener('exit', removeLiveTemps);
}

function onStopSignal(signal: NodeJS.Signals): void {
  removeLiveTemps();
  removeStopHandlers();
  // Our listener replaced the default action; now that the temp files are gone, let the signal do it.
  process.kill(process.pid, signal);
}

function trackTemp(temp: string): void {
  if (liveTemps.size === 0) {
    for (const sig of STOP_SIGNALS) process.on(sig, onStopSignal);
    process.on('exit', removeLiveTemps);
  }
  liveTemps.add(temp);
}

function untrackTemp(temp: string): void {
  liveTemps.delete(temp);
  if (liveTemps.size === 0) removeStopHandlers();
}

export interface SaveOptions {
  /** The file the workbook was read from: refused as a target. */
  input?: string;
  /** Writes the workbook to the temp path (tests use this to simulate a failure mid-write). */
  writer?: (wb: ExcelJS.Workbook, tempPath: string) => Promise<void>;
}

/**
 * Saves atomically: temp file in the output's own directory (a rename is only atomic within one file
 * system), flushed to disk, then renamed over the output. On any failure the temp file is removed and the
 * previous output, if any, is untouched.
 */
export async function saveWorkbookAtomic(wb: ExcelJS.Workbook, output: string, options: SaveOptions = {}): Promise<void> {
  await checkOutputPath(output, options.input);
  const target = path.resolve(output);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const writer = options.writer ?? ((w, p) => w.xlsx.writeFile(p));
  trackTemp(temp);
  try {
    await writer(wb, temp);
    const fh = await fsp.open(temp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(temp, target);
  } catch (e) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    if (e instanceof WorkbookIOError) throw e;
    throw new WorkbookIOError('write-failed', output, String((e as Error)?.message ?? e));
  } finally {
    untrackTemp(temp);
  }
}
