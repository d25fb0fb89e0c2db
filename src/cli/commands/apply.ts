/**
 * `budget-exec apply <in.xlsx> -o <out.xlsx> [options]`: writes the rate formulas, flag rules and notes to a
 * new workbook. Options are checked before the file is read, so a typo fails in milliseconds.
 */
import { applyFile } from '../../xlsx';
import { progressReporter } from '../io';
import { type AnalysisOptionValues, settingsFromOptions } from '../options';
import { formatReport } from '../printReport';
import { type CommandContext, printJson } from './context';

export interface ApplyOptions extends AnalysisOptionValues {
  output: string;
  sheet?: string;
  json?: boolean;
}

export async function runApply(input: string, options: ApplyOptions, ctx: CommandContext): Promise<number> {
  const settings = settingsFromOptions(options);
  const outcome = await applyFile(input, options.output, {
    settings,
    sheet: options.sheet,
    progress: progressReporter(ctx.io),
  });
  if (options.json) printJson(ctx, outcome.report);
  else ctx.io.stdout(formatReport(outcome.report, { file: input, output: outcome.output }));
  return 0;
}
