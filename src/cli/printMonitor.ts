/** The readable summary of `monitor`: the department's progress and light, projects by light, indicators at risk. */
import { LIGHT_WORDS, type Light, type MonitorReport } from '../core/monitor';
import { formatPercent } from './printReport';

export interface MonitorPrintOptions {
  file?: string;
  output?: string;
  maxListed?: number;
}

const LIGHT_EN: Record<Light, string> = { red: 'red', yellow: 'yellow', green: 'green' };
const lightLabel = (l: Light | null) => (l ? `${LIGHT_WORDS[l]} ${LIGHT_EN[l]}` : '无 none');
const ratio = (n: number | null) => (n === null ? '--' : n.toFixed(2));

export function formatMonitorReport(report: MonitorReport, options: MonitorPrintOptions = {}): string {
  const max = options.maxListed ?? 20;
  const lines: string[] = [];
  if (options.file) lines.push(`工作簿 Workbook：${options.file}`);
  const o = report.overall;
  lines.push(`截至 ${report.asOfMonth} 月 As of month ${report.asOfMonth}：序时进度 schedule ${formatPercent(report.schedule)}`);
  lines.push(`部门整体 Department：执行率 execution ${formatPercent(o.executionRate)}，进度比 progress ${ratio(o.progress)}，${lightLabel(o.light)}` + (o.linkedTo ? `（链接 linked ${o.linkedTo.sheet} 第 ${o.linkedTo.row} 行 row）` : ''));
  const s = report.summary;
  lines.push(`项目 Projects（${report.projects.length}）：红灯 red ${s.red}，黄灯 yellow ${s.yellow}，绿灯 green ${s.green}${s.none > 0 ? `，无法计算 n/a ${s.none}` : ''}`);
  const behind = report.projects.filter((p) => p.light === 'red' || p.light === 'yellow');
  for (const p of behind.slice(0, max)) lines.push(`  ⚑ ${lightLabel(p.light)}  ${p.name}：执行率 ${formatPercent(p.executionRate)}，进度比 ${ratio(p.progress)}（${p.sheet} 第 ${p.row} 行）`);
  if (behind.length > max) lines.push(`  … 另有 ${behind.length - max} 项 and ${behind.length - max} more (--json 查看全部 for all)`);
  const filled = report.indicators.filter((i) => i.current !== null && i.current !== '').length;
  lines.push(`绩效指标 Indicators（${report.indicators.length}）：已有当前值 with a current value ${filled}；完成可能性、偏差原因可在表中下拉选择 / pick 完成可能性 and 偏差原因 from the drop-downs`);
  if (report.superseded.length > 0) lines.push(`已按下一年度工作表监控，未计入 Left out (next year's sheet present)：${report.superseded.join('、')}`);
  lines.push(`输出工作表 Output sheet：${report.sheet}（${report.refreshed ? '已刷新 refreshed in place' : '新建 new'}）`);
  if (options.output) lines.push(`输出 Output：${options.output}`);
  return `${lines.join('\n')}\n`;
}
