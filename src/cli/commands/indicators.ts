/**
 * `budget-exec indicators <in.xlsx> -o <out.xlsx> [--sheet NAME] [--json]`: the sheet 绩效指标完成情况 with live
 * completion, score and status formulas, after the budget tables' rate formulas (the 预算执行率 row links to them).
 * JSON: the IndicatorReport exactly (issue 4's contract, plus the engine's additions).
 */
import { withDefaults } from '../../core';
import { indicatorsFile } from '../../xlsx';
import { progressReporter } from '../io';
import { parseScheme } from '../options';
import { formatIndicatorReport } from '../printIndicators';
import { type CommandContext, printJson } from './context';

export interface IndicatorsCommandOptions {
  output: string;
  sheet?: string;
  scheme?: string;
  json?: boolean;
}

export async function runIndicators(input: string, options: IndicatorsCommandOptions, ctx: CommandContext): Promise<number> {
  const outcome = await indicatorsFile(input, options.output, {
    settings: withDefaults(options.scheme === undefined ? {} : parseScheme(options.scheme)),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    progress: progressReporter(ctx.io),
  });
  const { report, budget } = outcome.result;
  if (options.json) printJson(ctx, report);
  else ctx.io.stdout(formatIndicatorReport(report, { file: input, output: outcome.output, budget }));
  return 0;
}
