/** Excel's sheet tabs, under the grid: one per sheet, the active one raised. Clicking activates the sheet. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  strip: {
    display: 'flex',
    flexShrink: 0,
    gap: '2px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowX: 'auto',
  },
  tab: {
    border: 'none',
    borderBottom: '3px solid transparent',
    background: 'transparent',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: '#217346',
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: '#217346',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1 },
  },
});

export interface SheetTabsProps {
  sheets: string[];
  active: string;
  onActivate(name: string): void;
}

export function SheetTabs({ sheets, active, onActivate }: SheetTabsProps) {
  const styles = useStyles();
  return (
    <div className={styles.strip} role="tablist" aria-label="工作表">
      {sheets.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === active}
          className={mergeClasses(styles.tab, name === active && styles.active)}
          data-testid="sheet-tab"
          data-sheet={name}
          onClick={() => onActivate(name)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
