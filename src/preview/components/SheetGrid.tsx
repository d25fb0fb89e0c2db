/**
 * The simulated sheet as Excel would draw it: column letters and row numbers, merged areas spanning,
 * values through their number formats, the fills and font colours of conditional formats, a red corner on
 * cells with a note (the note is the cell's tooltip), and the selection outlined.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import { columnLetter } from '../../core';
import type { DisplayCell, DisplayGrid } from '../sim';

const PX_PER_POINT = 4 / 3;
/** Excel's default column: 8.43 characters of Calibri 11, 64 px. */
const DEFAULT_COLUMN_PX = 64;
const DEFAULT_ROW_PX = 20;
const ROW_HEADER_PX = 44;
/** Excel draws its gridlines in this grey, lighter than any border a sheet sets itself. */
const GRIDLINE = '#E1E1E1';
/** Excel's selection green. */
const SELECTION = '#217346';
/** The darker green Excel uses for text: the selection green on a grey header is below 4.5:1 contrast. */
const SELECTION_TEXT = '#185C37';
/** The line Excel draws under frozen rows and right of frozen columns. */
const FROZEN_LINE = '2px solid #8A8A8A';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    // Chinese sheets use 宋体/等线 in Excel; Noto Sans CJK is what a Linux machine has.
    fontFamily: '"DengXian", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
    fontSize: '13px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    position: 'sticky',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    fontSize: '12px',
    textAlign: 'center',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: 0,
    userSelect: 'none',
  },
  colHeader: { top: 0, zIndex: 2, height: `${DEFAULT_ROW_PX}px` },
  rowHeader: { left: 0, zIndex: 1 },
  corner: { top: 0, left: 0, zIndex: 3 },
  headerActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: SELECTION_TEXT,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: SELECTION,
  },
  cell: {
    position: 'relative',
    padding: '0 4px',
    borderRight: `1px solid ${GRIDLINE}`,
    borderBottom: `1px solid ${GRIDLINE}`,
    overflow: 'hidden',
    whiteSpace: 'pre',
    textOverflow: 'clip',
    verticalAlign: 'middle',
    lineHeight: '18px',
    cursor: 'cell',
    // Scrolled to (a selection the pane makes) clear of the sticky row and column headers.
    scrollMarginTop: `${DEFAULT_ROW_PX + 4}px`,
    scrollMarginLeft: `${ROW_HEADER_PX + 4}px`,
  },
  wrap: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  selected: { outline: `2px solid ${SELECTION}`, outlineOffset: '-2px', zIndex: 1 },
  spill: { display: 'inline-block', overflow: 'hidden', verticalAlign: 'top' },
  dropMark: {
    position: 'absolute',
    right: '1px',
    bottom: '1px',
    width: '14px',
    height: '14px',
    lineHeight: '14px',
    fontSize: '10px',
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  noteMark: {
    position: 'absolute',
    top: 0,
    right: 0,
    width: 0,
    height: 0,
    borderTop: `7px solid ${tokens.colorPaletteRedBorder2}`,
    borderLeft: '7px solid transparent',
  },
});

export interface SheetGridProps {
  grid: DisplayGrid;
  /** Row heights in points, from the file. */
  rowHeights: Record<string, number>;
  onSelect(row: number, col: number): void;
  /** Double-click: edit the cell (the formula bar takes focus). */
  onEdit(row: number, col: number): void;
}

/** Excel's "General" alignment: numbers right, booleans centred, text left. */
function alignment(cell: DisplayCell): CSSProperties['textAlign'] {
  switch (cell.horizontalAlignment) {
    case 'Left':
      return 'left';
    case 'Center':
    case 'CenterAcrossSelection':
      return 'center';
    case 'Right':
      return 'right';
    default:
      return typeof cell.value === 'number' ? 'right' : typeof cell.value === 'boolean' ? 'center' : 'left';
  }
}

function cellStyle(cell: DisplayCell, frozen: DisplayGrid['frozen']): CSSProperties {
  const bottom = cell.row + (cell.span?.rows ?? 1) - 1;
  const right = cell.col + (cell.span?.cols ?? 1) - 1;
  return {
    textAlign: alignment(cell),
    backgroundColor: cell.fill,
    color: cell.fontColor,
    fontWeight: cell.bold ? 700 : undefined,
    borderBottom: frozen && frozen.rows > 0 && bottom === frozen.rows ? FROZEN_LINE : undefined,
    borderRight: frozen && frozen.cols > 0 && right === frozen.cols ? FROZEN_LINE : undefined,
  };
}

const isBlank = (c: DisplayCell | undefined) => !!c && c.value === null && !c.fill && !c.hiddenByMerge && !c.span;

/**
 * Excel lets left-aligned text run on over the empty cells to its right, up to the first cell that holds
 * something (a title in A1 is read whole; a long 实际完成值 stops at the next number). The pixels it may use, or 0.
 */
function spillWidth(line: DisplayCell[], j: number, widthPx: (col: number) => number): number {
  const cell = line[j];
  if (typeof cell.value !== 'string' || cell.wrapText || cell.span || alignment(cell) !== 'left') return 0;
  let px = 0;
  for (let k = j + 1; k < line.length && isBlank(line[k]); k++) px += widthPx(line[k].col);
  return px;
}

export function SheetGrid({ grid, rowHeights, onSelect, onEdit }: SheetGridProps) {
  const styles = useStyles();
  const columns: number[] = [];
  for (let c = grid.left; c <= grid.right; c++) columns.push(c);
  const selectedRows = new Set<number>();
  const selectedCols = new Set<number>();
  for (const line of grid.cells)
    for (const cell of line)
      if (cell.isSelected) {
        selectedRows.add(cell.row);
        selectedCols.add(cell.col);
      }
  const widthPx = (c: number) => (grid.columnWidths[c] ? Math.round(grid.columnWidths[c] * PX_PER_POINT) : DEFAULT_COLUMN_PX);

  return (
    // An explicit width: `table-layout: fixed` only applies to a table that has one; without it the browser squeezes
    // columns to fit long unwrapped text elsewhere (a 28-character 三级指标 column made 二级指标 one character wide).
    <table
      className={styles.table}
      style={{ width: `${ROW_HEADER_PX + columns.reduce((w, c) => w + widthPx(c), 0)}px` }}
      data-testid="sheet-grid"
      data-sheet={grid.sheet}
      // A grid of cells, one of them selected (aria-selected is only allowed on a grid's cells).
      role="grid"
      aria-label={`工作表 ${grid.sheet}`}
    >
      <colgroup>
        <col style={{ width: `${ROW_HEADER_PX}px` }} />
        {columns.map((c) => (
          <col key={c} style={{ width: `${widthPx(c)}px` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className={mergeClasses(styles.header, styles.corner)} aria-label="全选" />
          {columns.map((c) => (
            <th key={c} scope="col" className={mergeClasses(styles.header, styles.colHeader, selectedCols.has(c) && styles.headerActive)}>
              {columnLetter(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.cells.map((line, i) => {
          const row = grid.top + i;
          const points = rowHeights[String(row)];
          return (
            <tr key={row} style={{ height: `${points ? Math.round(points * PX_PER_POINT) : DEFAULT_ROW_PX}px` }}>
              <th scope="row" data-row={row} className={mergeClasses(styles.header, styles.rowHeader, selectedRows.has(row) && styles.headerActive)}>
                {row}
              </th>
              {line.map((cell, j) => {
                if (cell.hiddenByMerge) return null;
                const spill = spillWidth(line, j, widthPx);
                return (
                  <td
                    key={cell.address}
                    rowSpan={cell.span?.rows}
                    colSpan={cell.span?.cols}
                    className={mergeClasses(styles.cell, (cell.wrapText || cell.span) && styles.wrap, cell.isSelected && styles.selected)}
                    style={{ ...cellStyle(cell, grid.frozen), ...(spill > 0 ? { overflow: 'visible', zIndex: 1 } : {}) }}
                    title={cell.note}
                    aria-selected={cell.isSelected}
                    data-address={cell.address}
                    data-selected={cell.isSelected ? 'true' : undefined}
                    data-fill={cell.fill}
                    data-formula={cell.formula}
                    data-validation={cell.validation?.join('|')}
                    onClick={() => onSelect(cell.row, cell.col)}
                    onDoubleClick={() => onEdit(cell.row, cell.col)}
                  >
                    {spill > 0 ? (
                      <span className={styles.spill} style={{ maxWidth: `${widthPx(cell.col) + spill - 8}px` }}>
                        {cell.text}
                      </span>
                    ) : (
                      cell.text
                    )}
                    {cell.note !== undefined && <span className={styles.noteMark} data-testid="note-mark" aria-label="有批注" />}
                    {cell.isSelected && cell.validation && (
                      <span className={styles.dropMark} data-testid="drop-mark" aria-label="有下拉列表">
                        ▾
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
