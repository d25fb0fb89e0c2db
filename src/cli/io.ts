/**
 * Where the command line writes. Injected so tests can run `main` in-process and capture both streams.
 * stdout carries results only (the report, or the one JSON document); stderr carries errors and progress.
 */
import type { ProgressEvent } from '../xlsx';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress lines are shown only when stderr is a terminal, so pipes and logs stay clean. */
  isTTY: boolean;
}

/**
 * A writer for a process stream that goes quiet when the reader goes away (`budget-exec … | head`): the
 * EPIPE would otherwise surface as an unhandled 'error' event with a stack trace. The command still
 * finishes its work (an output file is still written) and returns its exit code.
 */
function quietWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  let listening = false;
  return (text) => {
    if (closed) return;
    if (!listening) {
      listening = true;
      stream.on('error', () => {
        closed = true;
      });
    }
    stream.write(text);
  };
}

export const processIO: CliIO = {
  stdout: quietWriter(process.stdout),
  stderr: quietWriter(process.stderr),
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
};

function describe(e: ProgressEvent): string {
  switch (e.stage) {
    case 'reading':
      return `读取 reading ${e.file} …`;
    case 'analysing':
      return `分析 analysing 工作表 sheets: ${e.sheets.join(', ')} …`;
    case 'applying':
      return `写入修改 applying changes to ${e.sheet} …`;
    case 'writing':
      return `保存 writing ${e.file} …`;
  }
}

/** Carriage return + "erase line": progress rewrites one status line instead of scrolling the terminal. */
const CLEAR_LINE = '\r\x1b[2K';
const showingProgress = new WeakSet<CliIO>();

/** A progress callback for the pipeline, or undefined when stderr is not a terminal. */
export function progressReporter(io: CliIO): ((e: ProgressEvent) => void) | undefined {
  if (!io.isTTY) return undefined;
  return (e) => {
    io.stderr(`${CLEAR_LINE}${describe(e)}`);
    showingProgress.add(io);
  };
}

/** Wipes the status line, so that what stays on screen is the result (or the one error line). */
export function clearProgress(io: CliIO): void {
  if (!showingProgress.has(io)) return;
  io.stderr(CLEAR_LINE);
  showingProgress.delete(io);
}
