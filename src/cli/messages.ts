/**
 * Every error the command line can end with, as ONE line in Chinese and English saying what is wrong and
 * what to do. Exit codes: 2 = the command was used wrongly, 1 = a problem with the input (or output) files,
 * 3 = a bug in this tool.
 */
import { CommanderError } from 'commander';
import {
  MergeConflictError,
  NoBudgetTableError,
  NoIndicatorTableError,
  NothingForNextYearError,
  NothingToMonitorError,
  PackageError,
  SheetNotFoundError,
  WorkbookIOError,
} from '../xlsx';

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

/** The commands, for messages that list them. */
const COMMANDS = ['inspect', 'apply', 'indicators', 'next-year', 'monitor', 'demo'];

/** An error already phrased for the user. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'CliError';
  }
}

/** Collapses whitespace so a message taken from elsewhere cannot break the one-line rule. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function errorLine(e: CliError): string {
  return oneLine(`错误：${e.zh} / Error: ${e.en}`);
}

const usage = (zh: string, en: string) => new CliError(EXIT.usage, zh, en);
const input = (zh: string, en: string) => new CliError(EXIT.input, zh, en);

export const msg = {
  notANumber: (option: string, raw: string) =>
    usage(`${option} 的值“${raw}”不是数字，请写成小数，如 0.9（也可写 90%）。`, `${option} "${raw}" is not a number; write a fraction such as 0.9 (or 90%).`),
  outOfRange: (option: string, raw: string, range: string) =>
    usage(`${option} 的值“${raw}”超出范围，应在 ${range} 之间。`, `${option} "${raw}" is out of range; it must be within ${range}.`),
  badMonth: (raw: string) =>
    usage(`--as-of-month 的值“${raw}”无效，请写 1 到 12 的整数月份。`, `--as-of-month "${raw}" is not valid; give a whole month from 1 to 12.`),
  badYear: (raw: string) =>
    usage(`--year 的值“${raw}”不是年份，请写四位数的年份，如 2022。`, `--year "${raw}" is not a year; give a four-digit year such as 2022.`),
  monthRequired: () =>
    usage(
      `monitor 需要 --as-of-month <1–12> 指明数据截至几月（用于序时进度），如 --as-of-month 6。`,
      `monitor needs --as-of-month <1–12>, the month the figures stand at (for 序时进度), e.g. --as-of-month 6.`,
    ),
  badAdjusted: (raw: string) =>
    usage(
      `--adjusted 只能是 total（调整后预算总数）或 delta（调整金额），收到“${raw}”。`,
      `--adjusted must be total (the adjusted budget) or delta (the change), not "${raw}".`,
    ),
  badScheme: (raw: string, ids: string[]) =>
    usage(
      `--scheme 只能是 auto（按表格自动选择）或 ${ids.join(' / ')}（或简写 national / finance / department），收到“${raw}”。`,
      `--scheme must be auto or one of ${ids.join(', ')} (short: national, finance, department), not "${raw}".`,
    ),
  invalidSettings: (problem: string) => usage(`设置无效：${problem}`, `invalid settings: ${problem}`),
  noSamples: (dir: string) =>
    input(`在 ${dir} 中找不到示例工作簿，请先运行 npm run samples 生成。`, `no sample workbooks in ${dir}; run npm run samples first.`),
};

function fromWorkbookIO(e: WorkbookIOError): CliError {
  const f = e.file;
  const detail = e.detail ? oneLine(e.detail) : '';
  switch (e.code) {
    case 'missing':
      return input(`找不到文件 ${f}，请检查路径。`, `file ${f} not found; check the path.`);
    case 'not-a-file':
      return input(`${f} 不是文件（可能是文件夹），请指定一个 .xlsx 文件。`, `${f} is not a file (a folder?); give an .xlsx file.`);
    case 'unreadable':
      return input(`无法读取 ${f}，请检查文件权限。`, `cannot read ${f}; check its permissions.`);
    // The package reader's own wording (shared with the 网页版), with the file name in front.
    case 'legacy-xls':
    case 'encrypted':
    case 'strict-ooxml':
    case 'not-xlsx':
    case 'corrupt': {
      const m = new PackageError(e.code);
      return input(`${f}：${m.zh}`, `${f}: ${m.en}`);
    }
    case 'same-as-input':
      return usage(
        `输出文件 ${f} 就是输入文件；本工具从不覆盖原文件，请用 -o 指定另一个文件名。`,
        `output ${f} is the input file; this tool never overwrites its input, so give another name with -o.`,
      );
    case 'output-dir-missing':
      return input(`输出文件 ${f} 所在的文件夹不存在，请先创建文件夹或换一个路径。`, `the folder of output ${f} does not exist; create it or choose another path.`);
    case 'write-failed':
      return input(
        `无法写入 ${f}（${detail}），请检查磁盘空间和权限；没有生成任何文件。`,
        `could not write ${f} (${detail}); check disk space and permissions. No file was written.`,
      );
  }
}

function quoted(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? '';
}

/** Commander's own usage errors, rephrased (its message is English only and may span lines). */
function fromCommander(e: CommanderError): CliError {
  const en = oneLine(e.message.replace(/^error:\s*/i, ''));
  const q = quoted(e.message);
  switch (e.code) {
    case 'commander.unknownCommand':
      return usage(`未知命令“${q}”，可用命令：${COMMANDS.join('、')}（运行 budget-exec --help 查看用法）。`, `${en}; use ${COMMANDS.join(', ')} (see budget-exec --help).`);
    case 'commander.unknownOption':
      return usage(`未知选项 ${q}，运行 budget-exec <命令> --help 查看可用选项。`, `${en}; see budget-exec <command> --help.`);
    case 'commander.missingArgument':
      return usage(`缺少参数 ${q}：请给出要处理的 .xlsx 文件。`, `${en}; give the .xlsx file to process.`);
    case 'commander.optionMissingArgument':
      return usage(`选项 ${q} 缺少取值。`, `${en}; give it a value.`);
    case 'commander.missingMandatoryOptionValue':
      return usage(`需要用 -o <out.xlsx> 指定输出文件（不会改动原文件）。`, `give the output file with -o <out.xlsx> (the input is never changed).`);
    case 'commander.excessArguments':
      return usage(`参数过多，请检查命令（运行 budget-exec --help 查看用法）。`, `${en.replace(/\.$/, '')} (see budget-exec --help).`);
    case 'commander.help':
      return usage(`缺少命令：请使用 ${COMMANDS.join('、')}（运行 budget-exec --help 查看用法）。`, `missing command: use ${COMMANDS.join(', ')} (see budget-exec --help).`);
    default:
      return usage(`命令用法有误：${en}（运行 budget-exec --help 查看用法）。`, `${en} (see budget-exec --help).`);
  }
}

/** Turns anything thrown into the one error line the user sees. */
export function toCliError(e: unknown): CliError {
  if (e instanceof CliError) return e;
  if (e instanceof CommanderError) return fromCommander(e);
  if (e instanceof WorkbookIOError) return fromWorkbookIO(e);
  if (e instanceof SheetNotFoundError) {
    const list = e.available.join('、');
    return input(
      `工作簿中没有名为“${e.sheet}”的工作表（现有：${list}），请检查 --sheet。`,
      `no sheet named "${e.sheet}" (the workbook has: ${e.available.join(', ')}); check --sheet.`,
    );
  }
  if (e instanceof NoBudgetTableError) {
    const where = e.sheets.length === 1 ? `工作表“${e.sheets[0]}”` : e.file;
    return input(
      `在 ${where} 中没有找到预算执行表（需要“年初预算数”“调整后预算数”“实际支出”等表头），请检查文件或用 --sheet 指定工作表。`,
      `no budget table found in ${e.sheets.length === 1 ? `sheet "${e.sheets[0]}"` : e.file} (looked for headers such as 年初预算数, 调整后预算数, 实际支出); check the file or choose a sheet with --sheet.`,
    );
  }
  if (e instanceof NoIndicatorTableError) {
    if (e.sheet !== undefined)
      return input(
        `工作表“${e.sheet}”中没有找到绩效指标表（需有 指标/三级指标、年度指标值/预期值、实际完成值/实际值 等列），请检查 --sheet。`,
        `no indicator table in sheet "${e.sheet}" (looked for columns such as 指标, 年度指标值/预期值, 实际完成值/实际值); check --sheet.`,
      );
    return input(
      `在 ${e.file} 中既没有找到绩效指标表（需有 指标、年度指标值/预期值、实际完成值/实际值 等列），也没有预算执行表，无法生成绩效指标完成情况表。`,
      `no indicator table (columns such as 指标, 年度指标值/预期值, 实际完成值/实际值) and no budget table in ${e.file}; nothing to build 绩效指标完成情况 from.`,
    );
  }
  if (e instanceof NothingForNextYearError) {
    return input(
      `在 ${e.file} 中没有找到预算执行表或绩效指标表，无法生成下一年度工作表。`,
      `no budget or indicator table in ${e.file}; there is no sheet to make for next year.`,
    );
  }
  if (e instanceof NothingToMonitorError) {
    return input(
      `在 ${e.file} 中没有找到预算执行表或绩效指标表，无法生成绩效运行监控表。`,
      `no budget or indicator table in ${e.file}; there is nothing to monitor.`,
    );
  }
  if (e instanceof MergeConflictError) {
    return input(`无法合并 ${e.area}：与已有的合并单元格重叠，请先取消该处合并。`, `cannot merge ${e.area}: it overlaps an existing merged area; unmerge it first.`);
  }
  const detail = oneLine(e instanceof Error ? e.message : String(e));
  return new CliError(
    EXIT.internal,
    `内部错误（${detail}），请把命令和文件报告给开发者（设置 BUDGET_EXEC_DEBUG=1 可查看详情）。`,
    `internal error (${detail}); please report it with the command and file (set BUDGET_EXEC_DEBUG=1 for details).`,
  );
}
