/** 绩效指标 · 识别: the indicator tables found (where, which layout, how many indicators) and how they stand. */
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { IndicatorStatus } from '../../../core/indicators';
import type { IndicatorDetection } from '../types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none' },
  meta: { color: tokens.colorNeutralForeground2 },
  stale: { color: tokens.colorPaletteMarigoldForeground2 },
  problem: { color: tokens.colorPaletteRedForeground1, margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const LAYOUT_LABEL = { 'key-indicators': '关键性指标表', task: '任务指标表', national: '全国通用指标表', simple: '指标表', own: '本助手生成的表' } as const;

const STATUS_LABEL: Record<IndicatorStatus, string> = { achieved: '已完成', short: '未完成', over: '超额', qualitative: '定性', unparsed: '待手工填写' };
const STATUSES: IndicatorStatus[] = ['achieved', 'short', 'over', 'qualitative', 'unparsed'];

export function IndicatorDetectPanel({ detection, stale }: { detection: IndicatorDetection | null; stale: boolean }) {
  const styles = useStyles();
  if (!detection) return <Body1 data-testid="ind-detect-empty">点击“识别指标”读取整个工作簿，查找绩效指标表（关键性指标、任务指标或全国通用表）。</Body1>;
  const { report } = detection;
  const count = (s: IndicatorStatus) => report.indicators.filter((e) => e.status === s).length;
  const badWeights = report.weightChecks.filter((c) => !c.ok);
  return (
    <div className={styles.root}>
      <Body1 data-testid="ind-detect-heading">
        找到 {report.tables.length} 个指标表，共 {report.indicators.length} 项指标（含预算执行率）。
      </Body1>
      {stale && <Body1 className={styles.stale}>工作簿已变化，请重新识别。</Body1>}
      <ul className={styles.list} aria-label="指标表" data-testid="ind-tables">
        {report.tables.map((t) => (
          <li key={`${t.sheet}!${t.headerRow}`} className={styles.card} data-testid="ind-table" data-sheet={t.sheet} data-count={t.indicators}>
            <Subtitle2>
              {t.sheet} · {LAYOUT_LABEL[t.layout]}
            </Subtitle2>
            <Caption1 className={styles.meta}>
              表头第 {t.headerRow} 行，数据第 {t.firstRow}–{t.lastRow} 行，{t.indicators} 项指标
            </Caption1>
          </li>
        ))}
      </ul>
      <ul className={styles.counts} aria-label="完成情况统计" data-testid="ind-status-counts">
        {STATUSES.map((s) => (
          <li key={s} data-status={s} data-count={count(s)}>
            {STATUS_LABEL[s]} {count(s)}
          </li>
        ))}
      </ul>
      {badWeights.length > 0 && (
        <ul className={styles.problem} aria-label="分值不一致" data-testid="ind-weight-problems">
          {badWeights.map((c) => (
            <li key={`${c.scope}:${c.name}`}>
              {c.name}：下级指标分值合计 {c.actual}，应为 {c.expected}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
