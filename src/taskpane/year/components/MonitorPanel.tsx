/**
 * 运行监控: pick the month the figures stand at, build or refresh 绩效运行监控 (per project: budget, executed,
 * rate, 序时进度, progress ratio and a light; per indicator: target, current value, projection, drop-downs), and see
 * how many projects are red, yellow, green.
 */
import { Badge, Body1, Button, Caption1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { YearState } from '../state';
import { LIGHT_LABEL } from '../labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  lights: { display: 'flex', gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none', alignItems: 'center' },
  meta: { color: tokens.colorNeutralForeground2 },
});

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const BADGE = { red: 'danger', yellow: 'warning', green: 'success' } as const;

export interface MonitorPanelProps {
  state: YearState;
  disabled: boolean;
  onMonth(month: number): void;
  onBuild(): void;
}

const pct = (x: number | null) => (x === null ? '--' : `${(x * 100).toFixed(2)}%`);

export function MonitorPanel({ state, disabled, onMonth, onBuild }: MonitorPanelProps) {
  const styles = useStyles();
  const m = state.monitor;
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Field label="截至月份" hint={`序时进度 = 月份 ÷ 12（${state.month} 月为 ${((state.month / 12) * 100).toFixed(2)}%）`}>
          <Select value={String(state.month)} data-testid="monitor-month" onChange={(_, d) => onMonth(Number(d.value))}>
            {MONTHS.map((n) => (
              <option key={n} value={String(n)}>
                {n} 月
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" disabled={disabled} onClick={onBuild} data-testid="monitor-build-button">
          生成 / 刷新运行监控表
        </Button>
      </div>
      {!m ? (
        <Body1 data-testid="monitor-empty">按所选月份生成“绩效运行监控”工作表：各项目执行率与序时进度比较，红黄绿灯标示；已有时原位刷新，保留您的选择。</Body1>
      ) : (
        <>
          <ul className={styles.lights} aria-label="项目灯数" data-testid="monitor-lights">
            {(['red', 'yellow', 'green'] as const).map((l) => (
              <li key={l} data-testid={`monitor-${l}`} data-count={m.report.summary[l]}>
                <Badge appearance="filled" color={BADGE[l]}>
                  {LIGHT_LABEL[l]} {m.report.summary[l]}
                </Badge>
              </li>
            ))}
          </ul>
          <Caption1 className={styles.meta} data-testid="monitor-overall">
            “{m.report.sheet}”截至 {m.report.asOfMonth} 月：部门执行率 {pct(m.report.overall.executionRate)}，进度比{' '}
            {m.report.overall.progress === null ? '--' : m.report.overall.progress.toFixed(2)}
            {m.report.overall.light ? `（${LIGHT_LABEL[m.report.overall.light]}）` : ''}；{m.report.projects.length} 个项目、{m.report.indicators.length} 项指标。
          </Caption1>
        </>
      )}
      <Caption1>进度比 = 执行率 ÷ 序时进度 × 100：低于 60 红灯，60–80 黄灯，80 及以上绿灯。</Caption1>
    </div>
  );
}
