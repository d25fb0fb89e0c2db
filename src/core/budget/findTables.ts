/**
 * Finding budget tables in a sheet, wherever they start: a header row (or two merged header rows) that names
 * at least two of the amount columns, with an optional title and 单位 row above and data rows below.
 */
import type { SheetGrid } from '../grid';
import { normalizeLabel } from '../cells/text';
import { AMOUNT_ROLES, headerRole, type ColumnRole } from './headers';
import { scanTableRows } from './tableExtent';
import type { ClassifiedRow, RowShape } from './classifyRow';

export interface TableLayout {
  /** Worksheet rows of the header (one or two). */
  headerRows: number[];
  firstCol: number;
  lastCol: number;
  /** Column number per role (rate columns may be missing: they are added). */
  columns: Partial<Record<ColumnRole, number>>;
  /** Columns left of the first amount column that hold labels (name, category, 序号). */
  labelCols: number[];
  /** How rows of this table are read (label, 序号 and amount columns). */
  shape: RowShape;
  /** First and last data row (inclusive; lastRow < firstDataRow when there is none). */
  firstDataRow: number;
  lastRow: number;
  title: string | null;
  unit: string | null;
  /** Rows firstDataRow..lastRow as classified while finding the table (absent after a mapping change). */
  classified?: ClassifiedRow[];
  /** The spelling of the adjusted column's header, a hint for total-or-change. */
  adjustedHeader: string | null;
}

const UNIT_RE = /单位[:：]\s*(万元|元|千元|亿元)/;

interface HeaderMatch {
  rows: number[];
  roles: Map<number, ColumnRole>;
  labels: Map<number, string>;
}

/** Roles of the columns of row r read alone, or of rows r and r+1 read as one two-row header. */
function matchHeader(grid: SheetGrid, r: number, twoRows: boolean): HeaderMatch {
  const roles = new Map<number, ColumnRole>();
  const labels = new Map<number, string>();
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const top = grid.text(r, c);
    let role: ColumnRole | null = null;
    let label = top;
    if (twoRows) {
      const merge = grid.mergeOf(r, c);
      const spansBoth = merge !== undefined && merge.top <= r && merge.bottom >= r + 1;
      const bottom = spansBoth ? '' : grid.text(r + 1, c);
      if (bottom) {
        role = headerRole(bottom) ?? headerRole(top + bottom) ?? headerRole(bottom + top);
        label = role ? `${top}${bottom}` : top;
      }
      role = role ?? headerRole(top);
    } else {
      role = headerRole(top);
    }
    if (role) {
      roles.set(c, role);
      labels.set(c, label);
    }
  }
  return { rows: twoRows ? [r, r + 1] : [r], roles, labels };
}

function amountRoleCount(m: HeaderMatch): number {
  const seen = new Set<ColumnRole>();
  for (const role of m.roles.values()) if ((AMOUNT_ROLES as readonly string[]).includes(role)) seen.add(role);
  return seen.size;
}

/** True when a row holds a number in any cell: a data row, not a header continuation. */
function rowHasNumbers(grid: SheetGrid, r: number): boolean {
  for (let c = grid.firstCol; c <= grid.lastCol; c++) if (typeof grid.rawValue(r, c) === 'number') return true;
  return false;
}

/** Labels of the information rows of the standard forms (项目名称, 主管部门, 实施单位…). */
const INFORMATION_LABEL = /^(项目名称|主管部门|实施单位|项目单位|部门名称|单位名称|预算单位|主管单位|填报单位|项目负责人|联系人|联系电话|项目属性|项目类型)/;

function isInformationRow(grid: SheetGrid, r: number): boolean {
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const v = grid.rawValue(r, c);
    if (typeof v !== 'string' || !INFORMATION_LABEL.test(normalizeLabel(v))) continue;
    // 项目名称 merged down over a two-row header is a column header, not a line of the form's information.
    const m = grid.mergeOf(r, c);
    if (!m || m.bottom === r) return true;
  }
  return false;
}

/** The header starting at row r, or null. Prefers two rows when the second row completes the header. */
export function headerAt(grid: SheetGrid, r: number): HeaderMatch | null {
  const one = matchHeader(grid, r, false);
  const oneCount = amountRoleCount(one);
  if (r < grid.lastRow && !rowHasNumbers(grid, r + 1)) {
    const two = matchHeader(grid, r, true);
    const twoCount = amountRoleCount(two);
    const mergedDown = [...two.roles.keys()].some((c) => {
      const m = grid.mergeOf(r, c);
      return m !== undefined && m.top === r && m.bottom > r;
    });
    // The first row must be part of the header itself (a group label over the columns), not a title or 单位 row.
    // Count distinct cells (a caption merged across the table is one cell) and ignore a 单位 cell.
    const owners = new Set<string>();
    for (const c of two.roles.keys()) {
      const text = grid.text(r, c);
      if (text === '' || UNIT_RE.test(text.replace(/\s/g, ''))) continue;
      const m = grid.mergeOf(r, c);
      owners.add(m ? `${m.top}:${m.left}` : `${r}:${c}`);
    }
    const topCells = owners.size;
    // A form's information row (主管部门 | … | 实施单位 | …) sits right above its budget header: never a header row.
    if (isInformationRow(grid, r)) return oneCount >= 2 ? one : null;
    if (twoCount >= 2 && topCells >= 2 && (twoCount > oneCount || two.roles.size > one.roles.size || mergedDown)) return two;
  }
  return oneCount >= 2 ? one : null;
}

/** Picks one column per role; for the adjusted column a total spelling (调整后, 全年) beats a change spelling. */
function columnsOf(m: HeaderMatch): { columns: Partial<Record<ColumnRole, number>>; adjustedHeader: string | null } {
  const columns: Partial<Record<ColumnRole, number>> = {};
  let adjustedHeader: string | null = null;
  for (const [c, role] of [...m.roles.entries()].sort((a, b) => a[0] - b[0])) {
    const label = normalizeLabel(m.labels.get(c) ?? '');
    if (role === 'adjusted') {
      const isTotal = /调整后|全年/.test(label);
      if (columns.adjusted === undefined || (isTotal && !/调整后|全年/.test(adjustedHeader ?? ''))) {
        columns.adjusted = c;
        adjustedHeader = label;
      }
      continue;
    }
    if (role === 'name' && columns.name !== undefined) continue;
    if (columns[role] === undefined) columns[role] = c;
  }
  return { columns, adjustedHeader };
}


/** Title and unit from the few rows above the header (stopping at the previous table). */
function titleAndUnit(grid: SheetGrid, headerRow: number, floor: number, lastCol: number) {
  let title: string | null = null;
  let unit: string | null = null;
  for (let r = headerRow - 1; r >= Math.max(floor, headerRow - 3); r--) {
    const texts: string[] = [];
    for (let c = grid.firstCol; c <= Math.max(lastCol, grid.lastCol); c++) {
      const t = grid.rawValue(r, c);
      if (t !== null && t !== '') texts.push(String(t).trim());
    }
    if (texts.length === 0) continue;
    const joined = texts.join(' ');
    const u = UNIT_RE.exec(joined.replace(/\s/g, ''));
    if (u) unit = unit ?? u[1];
    const candidate = texts.filter((t) => !/^单位[:：]/.test(t.replace(/\s/g, ''))).sort((a, b) => b.length - a.length)[0];
    if (candidate && !title) title = candidate;
  }
  return { title, unit };
}

/**
 * Every budget table on the sheet, top to bottom. `stopAt` ends a table at rows the caller knows start something
 * else (a form's goal and indicator blocks).
 */
export function findBudgetTables(grid: SheetGrid, stopAt?: (row: number) => boolean): TableLayout[] {
  const tables: TableLayout[] = [];
  let floor = grid.firstRow;
  let r = grid.firstRow;
  while (r <= grid.lastRow) {
    const header = headerAt(grid, r);
    if (!header) {
      r++;
      continue;
    }
    const { columns, adjustedHeader } = columnsOf(header);
    const headerCols = [...header.roles.keys()];
    const amountCols = AMOUNT_ROLES.map((role) => columns[role]).filter((c): c is number => c !== undefined);
    const firstAmount = Math.min(...amountCols);
    let firstCol = Math.min(...headerCols);
    let lastCol = Math.max(...headerCols);
    // Extend the table over neighbouring header cells that hold any text (a 备注 column, an unnamed label column).
    const headerEnd = header.rows[header.rows.length - 1];
    while (firstCol > grid.firstCol && header.rows.some((hr) => grid.text(hr, firstCol - 1) !== '')) firstCol--;
    while (lastCol < grid.lastCol && header.rows.some((hr) => grid.text(hr, lastCol + 1) !== '')) lastCol++;
    const labelCols: number[] = [];
    for (let c = firstCol; c < firstAmount; c++) labelCols.push(c);
    const shape: RowShape = { firstCol, lastCol, labelCols, amountCols, serialCol: columns.serial };
    const extent = scanTableRows(grid, headerEnd + 1, shape, (row) => stopAt?.(row) === true || (!rowHasNumbers(grid, row) && headerAt(grid, row) !== null));
    const { title, unit } = titleAndUnit(grid, header.rows[0], floor, lastCol);
    tables.push({
      headerRows: header.rows,
      firstCol,
      lastCol,
      columns,
      labelCols,
      shape,
      firstDataRow: headerEnd + 1,
      lastRow: extent.lastRow,
      classified: extent.classified,
      title,
      unit,
      adjustedHeader,
    });
    floor = extent.lastRow + 1;
    r = extent.lastRow + 1;
  }
  return tables;
}
