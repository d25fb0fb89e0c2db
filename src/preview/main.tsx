/**
 * Browser preview entry: loads a sample workbook into the simulated Excel, installs it as the globals
 * `Excel` / `Office` / `OfficeExtension` (what office.js provides inside Excel), and only then loads the
 * real task pane with its real Office.js-backed actions (src/taskpane/host/excelActions → src/excel). Nothing
 * is shortcut: every click in the pane runs the same Excel.run batches it runs in Excel.
 *
 * The address picks the view: preview.html?sample=liwan-2021&sheet=项目支出
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { buildBook, rowHeightsBySheet } from './buildBook';
import { PreviewShell } from './components/PreviewShell';
import { findSample } from './samples';
import { installSimulatedOffice, type SimWorkbook } from './sim';

declare global {
  interface Window {
    /** For poking at the simulated workbook from the browser console while trying things. */
    budgetPreview?: { book: SimWorkbook };
  }
}

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`preview.html has no #${id}`);
  return el;
}

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const sample = findSample(params.get('sample'));
  const data = await sample.load();
  const book = buildBook(data);
  const sheet = params.get('sheet');
  if (sheet && book.getSheet(sheet)) {
    book.activateSheet(sheet);
    book.flushChanges();
  }
  installSimulatedOffice(book);
  window.budgetPreview = { book };
  document.title = `${data.file} · 预算执行助手 · 浏览器预览`;

  // The pane's modules are loaded after the globals exist, as in Excel where office.js comes first.
  const [{ mountPane }, { createExcelActions }] = await Promise.all([
    import(/* webpackChunkName: "pane" */ '../taskpane/mountPane'),
    import(/* webpackChunkName: "pane" */ '../taskpane/host/excelActions'),
  ]);
  createRoot(element('sheet-root')).render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <PreviewShell book={book} sample={sample} rowHeights={rowHeightsBySheet(data)} />
    </FluentProvider>,
  );
  mountPane(element('pane-root'), createExcelActions());
}

start().catch((e: unknown) => {
  const root = document.getElementById('sheet-root') ?? document.body;
  root.textContent = `预览加载失败：${e instanceof Error ? e.message : String(e)}`;
  console.error(e);
});
