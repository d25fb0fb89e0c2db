/** Runs the command line in-process with captured streams. */
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr split into non-empty lines. */
  errLines: string[];
}

export async function runCli(args: string[], options: { isTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: options.isTTY ?? false,
  });
  return { code, stdout, stderr, errLines: stderr.split('\n').filter((l) => l.length > 0) };
}

/** The shape every error must have: one line, Chinese then English, saying what to do. */
export const ERROR_LINE = /^错误：.+ \/ Error: .+$/;
