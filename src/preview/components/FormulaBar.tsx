/**
 * Name box and formula bar, as in Excel: the selected cell's address and its formula (or constant).
 * Typing here and pressing Enter changes the cell as a user would (outside any API batch), so one can
 * try what the pane does with a cell someone typed into, or an amount that changed after a write.
 */
import { Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { forwardRef, useEffect, useState } from 'react';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexShrink: 0,
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { width: '88px', flexShrink: 0 },
  fx: { color: tokens.colorNeutralForeground3, fontStyle: 'italic', fontFamily: 'serif', flexShrink: 0 },
  input: { flexGrow: 1, minWidth: 0 },
  choices: { width: '160px', flexShrink: 0 },
});

export interface FormulaBarProps {
  /** "F43", or null when nothing is selected on this sheet. */
  address: string | null;
  /** What the cell holds, as Excel's formula bar shows it. */
  content: string;
  /** The items of the cell's drop-down list (data validation), when it has one: Excel shows them under the cell. */
  choices?: string[];
  onCommit(text: string): void;
}

export const FormulaBar = forwardRef<HTMLInputElement, FormulaBarProps>(function FormulaBar({ address, content, choices, onCommit }, ref) {
  const styles = useStyles();
  const [text, setText] = useState(content);
  // A new selection (or a write by the pane) replaces whatever was half-typed, as in Excel.
  useEffect(() => setText(content), [content, address]);
  return (
    <div className={styles.bar}>
      <Input className={styles.name} size="small" readOnly value={address ?? ''} aria-label="名称框" data-testid="name-box" />
      <span className={styles.fx} aria-hidden>
        fx
      </span>
      <Input
        ref={ref}
        className={styles.input}
        size="small"
        value={text}
        disabled={!address}
        aria-label="编辑栏"
        placeholder={address ? '' : '选择一个单元格'}
        data-testid="formula-bar"
        onChange={(_, d) => setText(d.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && address) onCommit(text);
          if (e.key === 'Escape') setText(content);
        }}
      />
      {choices && choices.length > 0 && (
        <Select
          className={styles.choices}
          size="small"
          value={choices.includes(content) ? content : ''}
          aria-label="下拉列表"
          data-testid="cell-choices"
          onChange={(_, d) => d.value && onCommit(d.value)}
        >
          <option value="">（下拉选择）</option>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      )}
    </div>
  );
});
