/**
 * `budget-exec next-year <in.xlsx> -o <out.xlsx> [--year N] [--carry-actuals] [--json]`: next year's sheet beside
 * every sheet with a budget or indicator table. JSON: `{"sheets":[{"from","to","tables","rowsKept","cellsCleared",…}],…}`,
 * plus `"leftOut":[…]` when a copy could not carry something (Excel table objects, pivot tables, …).
 */
import { withDefaults } from '../../core';
import { nextYearFile } from '../../xlsx';
import { progressReporter } from '../io';
import { parseYear } from '../options';
import { formatNextYearReport } from '../printNextYear';
import { type CommandContext, printJson } from './context';

export interface NextYearCommandOptions {
  output: string;
  year?: string;
  carryActuals?: boolean;
  json?: boolean;
}

export async function runNextYear(input: string, options: NextYearCommandOptions, ctx: CommandContext): Promise<number> {
  // Checked before the file is read, so a typo fails at once.
  const year = options.year === undefined ? undefined : parseYear(options.year);
  const outcome = await nextYearFile(input, options.output, {
    settings: withDefaults(),
    ...(year !== undefined ? { year } : {}),
    ...(options.carryActuals ? { carryActuals: true } : {}),
    progress: progressReporter(ctx.io),
  });
  // What a copy could not carry is said, never silently dropped (in the JSON only when there is something).
  const leftOut = [...new Set(outcome.applied.flatMap((a) => a.result.leftOut))];
  if (options.json) printJson(ctx, leftOut.length > 0 ? { ...outcome.result, leftOut } : outcome.result);
  else ctx.io.stdout(formatNextYearReport(outcome.result, { file: input, output: outcome.output, leftOut }));
  return 0;
}
