/**
 * The commander program. Commander never prints or exits by itself here: its help goes to our stdout, its
 * errors are thrown (exitOverride) and rephrased as one bilingual line by main.ts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { runApply } from './commands/apply';
import type { CommandContext } from './commands/context';
import { runDemo } from './commands/demo';
import { runIndicators } from './commands/indicators';
import { runInspect } from './commands/inspect';
import { runMonitor } from './commands/monitor';
import { runNextYear } from './commands/nextYear';

/** The package version; read at run time because package.json lies outside the compiled tree. */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const SCHEME_HELP =
  '评分方案：auto（默认，按自评表类型选择）、national-project（财预〔2020〕10号）、finance-defaults（财务部门默认）、department-guangdong（部门整体，取自广东自评报告）/ ' +
  'scoring scheme: auto (default: by the kind of form), national-project, finance-defaults, department-guangdong';

/** Builds a fresh program; `done` receives the exit code of the command that ran. */
export function buildProgram(ctx: CommandContext, done: (code: number) => void): Command {
  const program = new Command('budget-exec')
    .description(
      '预算执行助手：为预算执行表写入预算执行率、预算调整率公式并标记执行偏低的项目；生成绩效指标完成情况表、下一年度工作表和绩效运行监控表。\n' +
        'Writes 预算执行率 / 预算调整率 formulas and flags; builds the indicator completion sheet, next year\'s sheets and the monitoring sheet.',
    )
    .version(packageVersion(), '-V, --version', '显示版本 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      // Errors (and help shown because of an error) are reported by main.ts as one line instead.
      writeErr: () => undefined,
      outputError: () => undefined,
    });

  program
    .command('inspect')
    .description('检查工作簿中的预算表，不做任何修改 / show what was found; changes nothing')
    .argument('<in.xlsx>', '输入工作簿 / input workbook')
    .option('--json', '输出 JSON 报告 / print the report as one JSON document')
    .option('--sheet <name>', '只看这个工作表 / only this worksheet')
    .action(async (input: string, opts: { json?: boolean; sheet?: string }) => {
      done(await runInspect(input, opts, ctx));
    });

  program
    .command('apply')
    .description('写入公式、标记规则和批注，另存为新文件 / write formulas, flag rules and notes to a new file')
    .argument('<in.xlsx>', '输入工作簿（不会被修改）/ input workbook (never modified)')
    .requiredOption('-o, --output <out.xlsx>', '输出工作簿 / output workbook')
    .option('--sheet <name>', '只处理这个工作表 / only this worksheet')
    .option('--threshold <n>', '执行率低于此值即标记，默认 0.9 / flag execution below this (default 0.9)')
    .option('--adjustment-threshold <n>', '调整率绝对值高于此值即标记，默认 0.5 / flag |adjustment| above this (default 0.5)')
    .option('--as-of-month <n>', '数据截至月份 1–12，用于序时进度 / month the data stands at, for behind-schedule')
    .option('--adjusted <total|delta>', '调整数列是调整后总数还是调整金额（默认自动判断）/ adjusted column holds the total or the change (default: decided from the numbers)')
    .option('--overwrite', '覆盖比率列中手工输入的值 / replace values typed in the rate columns')
    .option('--scheme <name>', SCHEME_HELP)
    .option('--json', '输出 JSON 报告 / print the report as one JSON document')
    .action(async (input: string, opts: Parameters<typeof runApply>[1]) => {
      done(await runApply(input, opts, ctx));
    });

  program
    .command('indicators')
    .description('生成绩效指标完成情况表（完成率、得分、状态公式），另存为新文件 / build the indicator completion sheet with live formulas, to a new file')
    .argument('<in.xlsx>', '输入工作簿（不会被修改）/ input workbook (never modified)')
    .requiredOption('-o, --output <out.xlsx>', '输出工作簿 / output workbook')
    .option('--sheet <name>', '只读取这个工作表中的指标表 / read indicator tables from this worksheet only')
    .option('--scheme <name>', SCHEME_HELP)
    .option('--json', '输出 JSON 报告 / print the report as one JSON document')
    .action(async (input: string, opts: Parameters<typeof runIndicators>[1]) => {
      done(await runIndicators(input, opts, ctx));
    });

  program
    .command('next-year')
    .description('为每张预算表、指标表生成下一年度工作表（清空金额与实际值，保留格式与公式）/ add next year\'s sheet beside each table sheet')
    .argument('<in.xlsx>', '输入工作簿（不会被修改）/ input workbook (never modified)')
    .requiredOption('-o, --output <out.xlsx>', '输出工作簿 / output workbook')
    .option('--year <n>', '下一年度，如 2022（默认：表中年份加一）/ next year, e.g. 2022 (default: the year in the titles + 1)')
    .option('--carry-actuals', '增加“上年实际支出”参考列 / add a 上年实际支出 column with this year\'s actuals')
    .option('--json', '输出 JSON 报告 / print the report as one JSON document')
    .action(async (input: string, opts: Parameters<typeof runNextYear>[1]) => {
      done(await runNextYear(input, opts, ctx));
    });

  program
    .command('monitor')
    .description('生成绩效运行监控表（序时进度、红黄绿灯、指标完成预计）/ build the mid-year monitoring sheet 绩效运行监控')
    .argument('<in.xlsx>', '输入工作簿（不会被修改）/ input workbook (never modified)')
    .requiredOption('-o, --output <out.xlsx>', '输出工作簿 / output workbook')
    // Required, but checked by the command itself so that a missing month gets its own clear message.
    .option('--as-of-month <n>', '必填：数据截至月份 1–12 / required: the month the figures stand at, 1–12')
    .option('--json', '输出 JSON 报告 / print the report as one JSON document')
    .action(async (input: string, opts: Parameters<typeof runMonitor>[1]) => {
      done(await runMonitor(input, opts, ctx));
    });

  program
    .command('demo')
    .description('在自带示例上运行，结果写入临时文件夹 / run on the bundled samples; results go to a temp folder')
    .action(async () => {
      done(await runDemo(ctx));
    });

  return program;
}
