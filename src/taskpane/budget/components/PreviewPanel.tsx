/**
 * 预览 tab: what 写入 will do, before it does it, and the 写入 button right under the one-line summary (visible
 * without scrolling in a 700 px pane). Cells the user typed are listed as the cells show them and replaced only
 * when the consent box is ticked; otherwise they are left alone.
 */
import { Body1, Button, Caption1, Checkbox, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { Detection } from '../types';
import { columnRange } from '../previewSummary';
import { NOTES_SKIPPED_MESSAGE } from '../../shared/notes';
import { StaleNotice } from '../../shared/components/StaleNotice';
import { ROLE_LABEL } from '../labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  overwrites: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '160px', overflowY: 'auto' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface PreviewPanelProps {
  detection: Detection | null;
  applied: boolean;
  stale: boolean;
  consent: boolean;
  canApply: boolean;
  onConsent(v: boolean): void;
  onApply(): void;
  onRefresh(): void;
}

const MAX_LISTED = 50;

export function PreviewPanel({ detection, applied, stale, consent, canApply, onConsent, onApply, onRefresh }: PreviewPanelProps) {
  const styles = useStyles();
  if (!detection) return <Body1 data-testid="preview-empty">请先在“识别”页识别表格。</Body1>;
  if (detection.report.tables.length === 0)
    return <Body1 data-testid="preview-none">工作表“{detection.sheet}”中没有找到预算表，没有可写入的内容。</Body1>;
  const p = detection.preview;
  const roleText = (r: string) => (r === 'executionRate' || r === 'adjustmentRate' ? ROLE_LABEL[r] : r === 'score' ? '得分' : '其他');
  const blocked = Object.values(detection.mappingProblems).some((list) => list.length > 0);
  const nothing = p.nothingToDo && p.overwrites.length === 0;
  return (
    <div className={styles.root} data-testid="preview-panel">
      {stale && <StaleNotice text={`工作表“${detection.sheet}”在识别后有改动，预览可能已不是最新，写入前请重新识别。`} action="重新识别" onRefresh={onRefresh} />}
      {applied && <Body1 data-testid="preview-applied">已写入工作表“{detection.sheet}”。如表格再有改动，请重新识别后再写入。</Body1>}
      {blocked && <Body1 data-testid="preview-blocked">列的对应有误，改正前不能写入：请到“识别”页查看。</Body1>}
      {nothing ? (
        <Body1 data-testid="preview-nothing">工作表“{detection.sheet}”的公式、条件格式和注释均已是最新，无需写入。</Body1>
      ) : (
        <Body1 data-testid="preview-formulas">
          将在工作表“{detection.sheet}”写入公式共 {p.formulas} 个{p.headersAdded > 0 ? `，新增表头 ${p.headersAdded} 个` : ''}。
        </Body1>
      )}
      {p.overwrites.length > 0 && (
        <Checkbox
          checked={consent}
          disabled={applied}
          data-testid="overwrite-consent"
          onChange={(_, data) => onConsent(data.checked === true)}
          label={`允许用公式覆盖下列 ${p.overwrites.length} 个单元格（写入后共 ${p.formulasWithConsent} 个公式，可撤销）`}
        />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canApply} onClick={onApply} data-testid="apply-button">
          写入
        </Button>
        <Caption1>写入后可用“撤销上次写入”恢复。</Caption1>
      </div>
      {!nothing && (
        <ul className={styles.list} data-testid="preview-summary" aria-label="写入内容">
          {p.columns.map((c) => (
            <li key={c.column} data-testid="preview-column" data-column={c.column} data-added={c.added}>
              {c.column} 列（{roleText(c.role)}，{c.added ? '新增列' : '填入已有列'}）：{columnRange(c)}，{c.formulas} 个公式
            </li>
          ))}
          <li>
            条件格式规则：新增 {p.rulesAdded} 条{p.rulesRemoved > 0 ? `，移除过期的 ${p.rulesRemoved} 条` : ''}
          </li>
          <li>
            {detection.notesSupported
              ? `注释：新增或更新 ${p.notesAdded} 条${p.notesRemoved > 0 ? `，移除 ${p.notesRemoved} 条` : ''}`
              : NOTES_SKIPPED_MESSAGE}
          </li>
        </ul>
      )}
      {p.overwrites.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            以下 {p.overwrites.length} 个单元格已有内容（由用户填写），默认不会覆盖：
            <ul className={styles.overwrites} data-testid="overwrite-list">
              {p.overwrites.slice(0, MAX_LISTED).map((o) => (
                <li key={`${o.sheet}!${o.cell}`} data-cell={o.cell}>
                  {o.cell}：{o.shown ?? String(o.previous)}
                </li>
              ))}
              {p.overwrites.length > MAX_LISTED && <li>……另有 {p.overwrites.length - MAX_LISTED} 个</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
