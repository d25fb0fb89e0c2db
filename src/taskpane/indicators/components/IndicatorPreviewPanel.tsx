/**
 * 绩效指标 · 预览: the sheet 写入 builds or refreshes (nothing else of the workbook changes, except the budget
 * sheets' rate formulas the 预算执行率 row links to), its rows, what could not be read, what the user must choose.
 */
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { IndicatorDetection } from '../types';
import { NOTES_SKIPPED_MESSAGE } from '../../shared/notes';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  warn: { color: tokens.colorPaletteMarigoldForeground2 },
});

export interface IndicatorPreviewPanelProps {
  detection: IndicatorDetection | null;
  applied: boolean;
  stale: boolean;
  canApply: boolean;
  applying: boolean;
  onApply(): void;
}

export function IndicatorPreviewPanel({ detection, applied, stale, canApply, applying, onApply }: IndicatorPreviewPanelProps) {
  const styles = useStyles();
  if (!detection) return <Body1 data-testid="ind-preview-empty">请先点击“识别指标”。</Body1>;
  const p = detection.preview;
  return (
    <div className={styles.root} data-testid="ind-preview">
      {applied && <Body1 data-testid="ind-preview-applied">已写入。表格有改动时，请重新识别后再写入。</Body1>}
      {stale && <Body1 className={styles.warn}>工作簿在识别后有改动，请点击“识别指标”重新识别后再写入。</Body1>}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canApply} onClick={onApply} data-testid="ind-apply-button">
          写入
        </Button>
        {applying && <Spinner size="tiny" label="正在写入…" />}
      </div>
      <ul className={styles.list} data-testid="ind-preview-summary">
        <li data-testid="ind-preview-sheet" data-sheet={p.sheet} data-refresh={p.refresh}>
          {p.refresh ? `刷新工作表“${p.sheet}”（原位重写，保留您填写的评级、分值、偏差原因和更正的数值）` : `新建工作表“${p.sheet}”${p.createAfter ? `，放在“${p.createAfter}”之后` : ''}`}
        </li>
        <li data-testid="ind-preview-rows">
          {p.indicators} 项指标，写入 {p.rows} 行（多项数值的指标每项一行），公式 {p.formulas} 个
        </li>
        <li data-testid="ind-preview-unparsed" data-count={p.unparsed}>
          未能读出数值 {p.unparsed} 项（标灰：请在“目标值 / 实际值”列填写数字，公式随之计算）
        </li>
        <li data-testid="ind-preview-bands" data-count={p.bandsToChoose}>
          定性指标待选评级 {p.bandsToChoose} 项（在“定性评级”列的下拉列表中选择）
        </li>
        <li>下拉列表 {p.dropDowns} 列：定性评级、偏差原因分析及改进措施、方向</li>
        <li data-testid="ind-preview-budget">
          {p.budgetSheets.length > 0
            ? `先在预算表（${p.budgetSheets.join('、')}）写入 ${p.budgetFormulas} 个执行率 / 调整率公式；${p.linkedCell ? `预算执行率链接到 ${p.linkedCell}` : ''}`
            : p.linkedCell
              ? `预算执行率链接到 ${p.linkedCell}`
              : '未找到预算表的合计行：预算执行率需在表中手工填写'}
        </li>
        {!detection.notesSupported && <li>{NOTES_SKIPPED_MESSAGE}</li>}
      </ul>
      <Caption1>写入后可用“撤销上次写入”删除新建的工作表、恢复预算表中改动的单元格。</Caption1>
    </div>
  );
}
