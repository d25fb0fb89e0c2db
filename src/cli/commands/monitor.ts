/**
 * `budget-exec monitor <in.xlsx> -o <out.xlsx> --as-of-month N [--json]`: the sheet 绩效运行监控 as of month N.
 * The month is required (序时进度 is N/12): without it the command stops with one line before reading anything.
 */
import { monitorFile } from '../../xlsx';
import { progressReporter } from '../io';
import { msg } from '../messages';
import { settingsFromOptions } from '../options';
import { formatMonitorReport } from '../printMonitor';
import { type CommandContext, printJson } from './context';

export interface MonitorCommandOptions {
  output: string;
  asOfMonth?: string;
  json?: boolean;
}

export async function runMonitor(input: string, options: MonitorCommandOptions, ctx: CommandContext): Promise<number> {
  if (options.asOfMonth === undefined) throw msg.monthRequired();
  const settings = settingsFromOptions({ asOfMonth: options.asOfMonth });
  const outcome = await monitorFile(input, options.output, { settings, progress: progressReporter(ctx.io) });
  if (options.json) printJson(ctx, outcome.result);
  else ctx.io.stdout(formatMonitorReport(outcome.result, { file: input, output: outcome.output }));
  return 0;
}
