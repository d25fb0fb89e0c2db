/** One Dropdown per column role of a table; choosing a column re-runs detection with the correction. */
import { Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { ColumnMap } from '../../../core';
import type { ColumnChoice, MappableRole } from '../types';
import { MAPPABLE_ROLES, ROLE_LABEL } from '../labels';

const UNMAPPED = '';

const useStyles = makeStyles({
  // Two columns where they fit, one at Excel's narrow pane width: a column letter and its header never wrap.
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  dropdown: { minWidth: '0', width: '100%' },
  listbox: { minWidth: 'max-content' },
  option: { whiteSpace: 'nowrap' },
});

export interface MappingEditorProps {
  tableKey: string;
  columns: ColumnMap;
  choices: ColumnChoice[];
  disabled: boolean;
  onChange(key: string, role: MappableRole, letter: string | null): void;
}

const choiceText = (c: ColumnChoice) => `${c.letter} 列 · ${c.label}`;

export function MappingEditor({ tableKey, columns, choices, disabled, onChange }: MappingEditorProps) {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      {MAPPABLE_ROLES.map((role) => {
        const letter = columns[role] ?? null;
        const current = choices.find((c) => c.letter === letter);
        const rateRole = role === 'executionRate' || role === 'adjustmentRate';
        const unmappedText = rateRole ? '（新增一列）' : '（未映射）';
        return (
          <Field key={role} label={ROLE_LABEL[role]} size="small">
            <Dropdown
              className={styles.dropdown}
              size="small"
              listbox={{ className: styles.listbox }}
              disabled={disabled}
              data-testid={`mapping-${role}`}
              value={current ? choiceText(current) : letter ? `${letter} 列` : unmappedText}
              selectedOptions={[letter ?? UNMAPPED]}
              onOptionSelect={(_, data) => {
                const next = data.optionValue ?? UNMAPPED;
                if (next !== (letter ?? UNMAPPED)) onChange(tableKey, role, next === UNMAPPED ? null : next);
              }}
            >
              <Option className={styles.option} value={UNMAPPED} text={unmappedText}>
                {unmappedText}
              </Option>
              {choices.map((c) => (
                <Option className={styles.option} key={c.letter} value={c.letter} text={choiceText(c)}>
                  {choiceText(c)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
    </div>
  );
}
