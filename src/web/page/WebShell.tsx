/**
 * The 网页版: a small Excel on the left — name box and formula bar, the sheet grid and the sheet tabs the browser
 * preview uses — over the workbook the user opened, and the real task pane on the right. Open and save sit in the
 * title bar, with the one line that says nothing leaves this computer.
 */
import { Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { cellAddress } from '../../core';
import { FormulaBar } from '../../preview/components/FormulaBar';
import { SheetGrid } from '../../preview/components/SheetGrid';
import { SheetTabs } from '../../preview/components/SheetTabs';
import type { DisplayGrid } from '../../preview/sim/display';
import { App } from '../../taskpane/App';
import { DropArea, OpenButton, usePageDrop } from './OpenButton';
import { SCREEN_ROWS, type WebBook } from './useWebBook';
import { useGridKeys } from './useGridKeys';

const useStyles = makeStyles({
  // The pane as wide as Excel's (about 350 px), never narrower than 320 px.
  page: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) clamp(320px, 26vw, 380px)', height: '100vh' },
  left: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: '#217346',
    color: tokens.colorNeutralForegroundOnBrand,
  },
  titles: { display: 'flex', flexDirection: 'column', marginRight: 'auto', minWidth: 0 },
  privacy: { color: tokens.colorNeutralForegroundOnBrand },
  scroller: { flexGrow: 1, overflow: 'auto', minHeight: 0 },
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `2px ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    minHeight: '28px',
  },
  progress: { width: '120px' },
  pane: { overflowY: 'auto', borderLeft: `1px solid ${tokens.colorNeutralStroke1}`, minHeight: 0 },
  waiting: { display: 'block', margin: 0, padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

/** The grid with the page's own selection outlined at once (the worker's next screen says the same a moment later). */
function withSelection(grid: DisplayGrid | null, at: WebBook['selection']): DisplayGrid | null {
  if (!grid || !at) return grid;
  const cells = grid.cells.map((line) =>
    line.map((c) => {
      const isSelected = c.row === at.row && c.col === at.col;
      return c.isSelected === isSelected ? c : { ...c, isSelected };
    }),
  );
  return { ...grid, cells, selection: cellAddress(at.row, at.col) };
}

export function WebShell({ web }: { web: WebBook }) {
  const styles = useStyles();
  const over = usePageDrop(web.open);
  const formulaInput = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const grid = withSelection(web.view?.grid ?? null, web.selection);
  const busy = web.worker.stage !== null;
  const onGridKey = useGridKeys(web, () => formulaInput.current?.focus());

  // Ctrl+S saves the workbook, as in Excel (the pane says so after settings are saved), not the page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (web.book && web.worker.stage === null) void web.save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [web]);

  // Closing the page would lose what was done since the last save: the browser asks first.
  useEffect(() => {
    if (!web.worker.changed) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [web.worker.changed]);

  useEffect(() => {
    scroller.current?.querySelector('td[data-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [grid?.sheet, grid?.selection, grid?.top]);

  const selected = web.selection ? { top: web.selection.row, left: web.selection.col } : null;
  const cell = selected && grid ? grid.cells[selected.top - grid.top]?.[selected.left - grid.left] : undefined;
  const content = cell ? (cell.formula ?? (cell.value === null ? '' : String(cell.value))) : '';

  return (
    <div className={styles.page}>
      <div className={styles.left}>
        <header className={styles.top}>
          <div className={styles.titles}>
            <Subtitle2 as="h1">预算执行助手 · 网页版{web.book ? ` · ${web.book.fileName}` : ''}</Subtitle2>
            <Caption1 className={styles.privacy} data-testid="privacy">
              所有处理都在本机浏览器中完成：工作簿不会上传，也不会发送到任何地方。
            </Caption1>
          </div>
          {web.book && <OpenButton onOpen={web.open} appearance="secondary" disabled={busy} />}
          {web.book && (
            <Button appearance="primary" disabled={busy} onClick={() => void web.save()} data-testid="save-workbook">
              保存工作簿
            </Button>
          )}
        </header>
        {web.error && (
          <MessageBar intent="error" data-testid="page-error">
            <MessageBarBody>
              <MessageBarTitle>{web.error.messageZh}</MessageBarTitle>
              {web.error.hint}
            </MessageBarBody>
            <Button appearance="transparent" onClick={web.dismissError}>
              知道了
            </Button>
          </MessageBar>
        )}
        {!grid ? (
          <div className={styles.scroller}>
            <DropArea over={over} onOpen={web.open} />
          </div>
        ) : (
          <>
            <FormulaBar
              ref={formulaInput}
              address={selected ? cellAddress(selected.top, selected.left) : null}
              content={content}
              onCommit={(text) => {
                if (!selected) return;
                web.edit(selected.top, selected.left, text);
                web.select(selected.top + 1, selected.left); // Enter moves down, as in Excel
              }}
            />
            <div
              ref={scroller}
              className={styles.scroller}
              data-testid="grid-scroller"
              tabIndex={0}
              role="region"
              aria-label={`工作表 ${grid.sheet}：方向键选择单元格，Enter 或 F2 编辑`}
              onKeyDown={onGridKey}
            >
              <SheetGrid grid={grid} rowHeights={web.view?.rowHeights ?? {}} onSelect={web.select} onEdit={(row, col) => (web.select(row, col), formulaInput.current?.focus())} />
            </div>
            <SheetTabs sheets={grid.sheets} active={grid.sheet} onActivate={web.activate} />
          </>
        )}
        <div className={styles.footer} role="status" aria-live="polite">
          {busy && <ProgressBar className={styles.progress} thickness="large" aria-label="进度" />}
          <Caption1 data-testid="worker-stage">{web.worker.stage ?? (web.book ? (web.worker.changed ? '有未保存的改动：请点击“保存工作簿”下载结果。' : '就绪') : '')}</Caption1>
          {grid && web.view && web.view.usedRows > SCREEN_ROWS && (
            <>
              <Body1>
                第 {grid.top}–{grid.bottom} 行（共 {web.view.usedRows} 行）
              </Body1>
              <Button size="small" disabled={grid.top <= 1} onClick={() => web.page(-1)}>
                上一屏
              </Button>
              <Button size="small" disabled={grid.bottom >= web.view.usedRows} onClick={() => web.page(1)}>
                下一屏
              </Button>
            </>
          )}
        </div>
      </div>
      <aside className={styles.pane} aria-label="任务窗格" data-testid="pane-host">
        {web.book ? <App key={web.generation} actions={web.actions} /> : <Body1 as="p" className={styles.waiting}>
            打开工作簿后，这里显示任务窗格。
          </Body1>}
      </aside>
    </div>
  );
}
