/**
 * The left half of the preview: a small Excel — sample picker, name box and formula bar, the grid of the
 * active sheet, sheet tabs — over the simulated workbook that the real task pane (right half) works on.
 */
import { Body1, Caption1, Field, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { cellAddress, parseRect } from '../../core';
import { parseTyped } from '../cellInput';
import { SAMPLES, type SampleEntry } from '../samples';
import type { SimWorkbook } from '../sim';
import { MAX_GRID_ROWS, useSheetView, useSyncCount } from '../useSheetView';
import { FormulaBar } from './FormulaBar';
import { SheetGrid } from './SheetGrid';
import { SheetTabs } from './SheetTabs';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  top: {
    display: 'flex',
    flexShrink: 0,
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: '#217346',
    color: tokens.colorNeutralForegroundOnBrand,
  },
  titles: { display: 'flex', flexDirection: 'column', marginRight: 'auto' },
  subtitle: { color: tokens.colorNeutralForegroundOnBrand, opacity: 0.85 },
  field: { '& label': { color: tokens.colorNeutralForegroundOnBrand } },
  scroller: { flexGrow: 1, overflow: 'auto', minHeight: 0 },
  footer: {
    display: 'flex',
    flexShrink: 0,
    gap: tokens.spacingHorizontalL,
    padding: `2px ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface PreviewShellProps {
  book: SimWorkbook;
  sample: SampleEntry;
  rowHeights: Map<string, Record<string, number>>;
}

const API_VERSIONS = ['1.18', '1.13', '1.9'];

/** Keeps the sample and sheet in the address, so a reload (or a test) opens the same view. */
function rememberView(sample: string, sheet: string): void {
  const params = new URLSearchParams({ sample, sheet });
  window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
}

export function PreviewShell({ book, sample, rowHeights }: PreviewShellProps) {
  const styles = useStyles();
  const { grid, usedRows } = useSheetView(book);
  const syncCount = useSyncCount(book);
  const [api, setApi] = useState('1.18');
  const [editError, setEditError] = useState<string | null>(null);
  const formulaInput = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  // When the pane selects a flagged cell, bring it into view, as Excel scrolls to a selection it makes.
  useEffect(() => {
    scroller.current?.querySelector('td[data-selected="true"]')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [grid.sheet, grid.selection]);

  const selected = grid.selection ? parseRect(grid.selection) : null;
  const address = selected ? cellAddress(selected.top, selected.left) : null;
  const content = selected ? String(book.sheet(grid.sheet).formulas({ ...selected, bottom: selected.top, right: selected.left })[0][0] ?? '') : '';
  const choices = selected ? grid.cells[selected.top - grid.top]?.[selected.left - grid.left]?.validation : undefined;

  const select = (row: number, col: number) => {
    book.select(grid.sheet, { top: row, left: col, bottom: row, right: col });
    book.flushChanges();
  };
  const activate = (name: string) => {
    book.activateSheet(name);
    book.flushChanges();
    rememberView(sample.id, name);
  };
  const commit = (text: string) => {
    if (!selected) return;
    try {
      book.setCells(grid.sheet, selected.top, selected.left, [[parseTyped(text)]]);
      setEditError(null);
      select(selected.top + 1, selected.left); // Enter moves down, as in Excel
    } catch (e) {
      setEditError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className={styles.root}>
      <header className={styles.top}>
        <div className={styles.titles}>
          <Subtitle2 as="h1">预算执行助手 · 浏览器预览</Subtitle2>
          <Caption1 className={styles.subtitle}>左侧为模拟的 Excel 工作簿（Office.js 接口的模拟实现），右侧为真实的任务窗格。</Caption1>
        </div>
        <Field label="示例工作簿" size="small" className={styles.field}>
          <Select
            size="small"
            value={sample.id}
            data-testid="sample-picker"
            onChange={(_, d) => {
              window.location.search = new URLSearchParams({ sample: d.value }).toString();
            }}
          >
            {SAMPLES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="模拟 ExcelApi 版本" size="small" className={styles.field}>
          <Select
            size="small"
            value={api}
            data-testid="api-version"
            onChange={(_, d) => {
              book.setApiVersion(d.value);
              setApi(d.value);
            }}
          >
            {API_VERSIONS.map((v) => (
              <option key={v} value={v}>
                {v}
                {v === '1.18' ? '（支持备注）' : '（不支持备注）'}
              </option>
            ))}
          </Select>
        </Field>
      </header>
      <FormulaBar ref={formulaInput} address={address} content={content} choices={choices} onCommit={commit} />
      <div ref={scroller} className={styles.scroller} data-testid="grid-scroller">
        <SheetGrid
          grid={grid}
          rowHeights={rowHeights.get(grid.sheet) ?? {}}
          onSelect={select}
          onEdit={(row, col) => {
            select(row, col);
            formulaInput.current?.focus();
          }}
        />
      </div>
      <SheetTabs sheets={grid.sheets} active={grid.sheet} onActivate={activate} />
      <div className={styles.footer}>
        <Caption1 data-testid="sync-count">Excel 请求（sync）：{syncCount} 次</Caption1>
        {usedRows > MAX_GRID_ROWS && <Caption1>仅显示前 {MAX_GRID_ROWS} 行（共 {usedRows} 行）</Caption1>}
        {editError && <Body1 className={styles.error}>{editError}</Body1>}
      </div>
    </div>
  );
}
