/**
 * Loading and saving workbook files safely (Node only: the package code itself takes and returns bytes).
 * Loading says clearly why a file cannot be read; saving writes a temporary file beside the output and renames
 * it, so a reader never sees half a workbook, the input is never the target, and a failed run leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp, rmSync } from 'node:fs';
import * as path from 'node:path';
import { nodeCodec } from './nodeCodec';
import { PackageError, sniffPackage, WorkbookPackage } from './package';

export type WorkbookIOErrorCode =
  | 'missing' // no such file
  | 'not-a-file' // a directory or a device
  | 'unreadable' // permissions
  | 'legacy-xls' // an old binary .xls (OLE compound file)
  | 'encrypted' // a password-protected workbook
  | 'strict-ooxml' // saved as Strict Open XML
  | 'not-xlsx' // not a zip at all
  | 'corrupt' // a zip, but not a readable workbook
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

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

function fromPackage(e: unknown, file: string): unknown {
  return e instanceof PackageError ? new WorkbookIOError(e.code, file, e.detail) : e;
}

/** Reads `file` after checking it exists and is a file; WorkbookIOError otherwise. */
async function readInput(file: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fsp.stat(file);
  } catch (e) {
    if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') throw new WorkbookIOError('missing', file);
    if (errno(e) === 'EACCES' || errno(e) === 'EPERM') throw new WorkbookIOError('unreadable', file);
    throw new WorkbookIOError('unreadable', file, String((e as Error)?.message ?? e));
  }
  if (!stat.isFile()) throw new WorkbookIOError('not-a-file', file);
  try {
    return new Uint8Array(await fsp.readFile(file));
  } catch (e) {
    throw new WorkbookIOError('unreadable', file, errno(e));
  }
}

/** Checks that `file` exists, is a file and looks like a workbook we can open; throws WorkbookIOError otherwise. */
export async function checkWorkbookFile(file: string): Promise<void> {
  const bytes = await readInput(file);
  try {
    sniffPackage(bytes);
  } catch (e) {
    throw fromPackage(e, file);
  }
}

/** Opens a workbook file, with a WorkbookIOError saying what is wrong when it cannot. */
export async function loadWorkbook(file: string): Promise<WorkbookPackage> {
  const bytes = await readInput(file);
  try {
    return await WorkbookPackage.open(bytes, { source: path.basename(file), codec: nodeCodec });
  } catch (e) {
    throw fromPackage(e, file);
  }
}

/** The output path with the input's kind of extension: a macro-enabled workbook saved as .xlsx would not open. */
export function outputPathFor(book: WorkbookPackage, output: string): string {
  const ext = path.extname(output).toLowerCase();
  if (ext === book.extension) return output;
  if (ext === '.xlsx' || ext === '.xlsm') return output.slice(0, -ext.length) + book.extension;
  return output;
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

/** What can be saved: the opened package (or anything that gives bytes). */
export interface Savable {
  save(): Promise<Uint8Array>;
}

export interface SaveOptions {
  /** The file the workbook was read from: refused as a target. */
  input?: string;
  /** Writes the workbook to the temp path (tests use this to simulate a failure mid-write). */
  writer?: (book: Savable, tempPath: string) => Promise<void>;
}

/**
 * Saves atomically: temp file in the output's own directory (a rename is only atomic within one file
 * system), flushed to disk, then renamed over the output. On any failure the temp file is removed and the
 * previous output, if any, is untouched.
 */
export async function saveWorkbookAtomic(book: Savable, output: string, options: SaveOptions = {}): Promise<void> {
  await checkOutputPath(output, options.input);
  const target = path.resolve(output);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const writer = options.writer ?? (async (b: Savable, p: string) => fsp.writeFile(p, await b.save()));
  trackTemp(temp);
  try {
    await writer(book, temp);
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
