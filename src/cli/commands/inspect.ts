/** `budget-exec inspect <in.xlsx> [--json] [--sheet NAME]`: what the engine finds; writes nothing. */
import { withDefaults } from '../../core';
import { analyzeFile } from '../../xlsx';
import { progressReporter } from '../io';
import { formatReport } from '../printReport';
import { type CommandContext, printJson } from './context';

export interface InspectOptions {
  json?: boolean;
  sheet?: string;
}

export async function runInspect(input: string, options: InspectOptions, ctx: CommandContext): Promise<number> {
  const { report } = await analyzeFile(input, {
    settings: withDefaults(),
    sheet: options.sheet,
    progress: progressReporter(ctx.io),
  });
  if (options.json) printJson(ctx, report);
  else ctx.io.stdout(formatReport(report, { file: input }));
  return 0;
}
