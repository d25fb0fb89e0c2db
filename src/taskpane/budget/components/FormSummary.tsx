/**
 * A standard self-evaluation form found on the sheet (issue 8): which form, the scoring scheme and its source,
 * what 写入 fills in place (执行率, 得分, 总分), what the user scores by hand, and that the form is not widened.
 */
import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { FormReport } from '../../../core';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
  },
  title: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const score = (x: number | null) => (x === null ? '--' : x.toFixed(2));

export function FormSummary({ form }: { form: FormReport }) {
  const styles = useStyles();
  const { budget, indicators } = form;
  return (
    <section className={styles.card} data-testid="form-summary" aria-label={`自评表：${form.label}`}>
      <Subtitle2 as="h3" className={styles.title} data-testid="form-kind">
        自评表：{form.label}
      </Subtitle2>
      <Caption1 data-testid="form-scheme">
        评分方案：{form.scheme.label}。来源：{form.scheme.source}
      </Caption1>
      {budget && (
        <Caption1 data-testid="form-budget">
          预算执行：第 {budget.totalRow ?? '--'} 行，分值 {budget.weight}，得分 {score(budget.score)}
          {budget.scoreCell ? `（写入 ${budget.scoreCell}）` : '（表中没有得分栏）'}
        </Caption1>
      )}
      {indicators && (
        <Caption1 data-testid="form-indicators">
          绩效指标：第 {indicators.firstRow}–{indicators.lastRow} 行，{indicators.formulas} 个得分公式
          {indicators.totalCell ? `，总分写入 ${indicators.totalCell}` : ''}。
        </Caption1>
      )}
      {indicators && indicators.unscored.length > 0 && (
        <ul className={styles.list} data-testid="form-unscored">
          {indicators.unscored.map((u) => (
            <li key={u.row}>
              <Caption1>
                第 {u.row} 行 {u.name}：{u.reason}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {form.notAdded.map((n) => (
        <Caption1 key={n}>{n}</Caption1>
      ))}
      {form.kept.length > 0 && <Caption1>已保留手工填写的单元格：{form.kept.join('、')}</Caption1>}
    </section>
  );
}
