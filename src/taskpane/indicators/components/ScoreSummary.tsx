/** The total 自评得分 and 等级, always in view in the 绩效指标 part (the built sheet computes the same by formula). */
import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { IndicatorReport } from '../../../core/indicators';
import { scoreText } from '../labels';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  score: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  label: { color: tokens.colorNeutralForeground3 },
  block: { display: 'flex', flexDirection: 'column' },
});

/** 优 green, 良 blue, 中 yellow, 差 red: the colours finance staff expect of a grade. */
const GRADE_COLOR = { 优: 'success', 良: 'brand', 中: 'warning', 差: 'danger' } as const;

export interface ScoreSummaryProps {
  total: IndicatorReport['total'];
  sheet: string;
  /** The built sheet exists (its 自评得分 cell shows the same). */
  written: boolean;
  stale: boolean;
}

export function ScoreSummary({ total, sheet, written, stale }: ScoreSummaryProps) {
  const styles = useStyles();
  return (
    <section className={styles.card} aria-label="自评得分" data-testid="ind-score">
      <div className={styles.block}>
        <Caption1 className={styles.label}>自评得分</Caption1>
        <span className={styles.score} data-testid="ind-total-score">
          {scoreText(total.score)}
        </span>
      </div>
      <div className={styles.block}>
        <Caption1 className={styles.label}>等级</Caption1>
        <Badge size="large" appearance="filled" color={GRADE_COLOR[total.grade]} data-testid="ind-grade">
          {total.grade}
        </Badge>
      </div>
      <Caption1 className={styles.label}>
        满分 {Number(total.max.toFixed(2))}
        {total.unscored > 0 ? `；另有 ${total.unscored} 项待用户评定后计分` : ''}
        {written ? `；“${sheet}”中的得分随表中数据实时计算` : ''}
        {stale ? '（工作簿已变化，请重新识别）' : ''}
      </Caption1>
    </section>
  );
}
