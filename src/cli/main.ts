/**
 * Entry point of `budget-exec`. Everything thrown ends here and becomes one bilingual line on stderr with
 * a non-zero exit code; nothing else is ever printed for an error (no stack trace unless BUDGET_EXEC_DEBUG).
 */
import * as path from 'node:path';
import { CommanderError } from 'commander';
import type { CommandContext } from './commands/context';
import { type CliIO, clearProgress, processIO } from './io';
import { EXIT, errorLine, toCliError } from './messages';
import { buildProgram } from './program';

/**
 * Accepts both `process.argv` (the bin passes it: node, script, args…) and bare arguments (tests pass
 * ['inspect', 'a.xlsx']): the first entry of process.argv is always the Node executable.
 */
function userArgs(argv: string[]): string[] {
  const first = argv[0];
  if (first === undefined) return argv;
  const base = path.basename(first).toLowerCase().replace(/\.exe$/, '');
  const isRuntime = first === process.execPath || first === process.argv[0] || base === 'node' || base === 'nodejs';
  return isRuntime ? argv.slice(2) : argv;
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const ctx: CommandContext = { io };
  let code: number = EXIT.ok;
  const program = buildProgram(ctx, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(userArgs(argv), { from: 'user' });
    clearProgress(io);
    return code;
  } catch (e) {
    clearProgress(io);
    // --help and --version end through exitOverride too, with exit code 0: they are not errors.
    if (e instanceof CommanderError && e.exitCode === 0) return EXIT.ok;
    const err = toCliError(e);
    io.stderr(`${errorLine(err)}\n`);
    if (err.exitCode === EXIT.internal && process.env.BUDGET_EXEC_DEBUG) io.stderr(`${(e as Error)?.stack ?? e}\n`);
    return err.exitCode;
  }
}

export type { CliIO } from './io';
