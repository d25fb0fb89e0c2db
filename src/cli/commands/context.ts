import type { CliIO } from '../io';

/** What every command gets: where to write. Returns an exit code; errors are thrown (see messages.ts). */
export interface CommandContext {
  io: CliIO;
}

/** The JSON contract: one document, nothing else on stdout. */
export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
