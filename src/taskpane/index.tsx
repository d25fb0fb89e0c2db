/**
 * Task-pane entry: waits for office.js, then mounts the pane with Excel-backed actions when the host is
 * Excel; anywhere else (plain browser, host null; or another Office app) it says where the pane must run.
 */
import { createExcelActions } from './host/excelActions';
import { mountOutsideExcel, mountPane } from './mountPane';

export { mountPane };

function rootElement(): HTMLElement {
  const el = document.getElementById('root');
  if (el) return el;
  const created = document.createElement('div');
  created.id = 'root';
  document.body.appendChild(created);
  return created;
}

// office.js comes from Microsoft's CDN; if it failed to load (offline), say so instead of a blank pane.
if (typeof Office === 'undefined') {
  mountOutsideExcel(rootElement(), null);
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) mountPane(rootElement(), createExcelActions());
    else mountOutsideExcel(rootElement(), info.host ? String(info.host) : null);
  });
}
