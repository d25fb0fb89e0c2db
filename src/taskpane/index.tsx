/**
 * Task-pane entry: waits for office.js, then mounts the pane with Excel-backed actions when the host is
 * Excel; anywhere else (plain browser, host null; or another Office app) it says where the pane must run.
 */
import { createExcelActions } from './host/excelActions';
import { mountOutsideExcel, mountPane } from './mountPane';
import { startPane, type Boot } from './officeStart';

export { mountPane };

function rootElement(): HTMLElement {
  const el = document.getElementById('root');
  if (el) return el;
  const created = document.createElement('div');
  created.id = 'root';
  document.body.appendChild(created);
  return created;
}

// office.js comes from Microsoft's CDN: boot.js and startPane say so when it does not load, instead of a blank pane.
startPane((window as { budgetExecBoot?: Boot }).budgetExecBoot, typeof Office === 'undefined' ? undefined : Office, {
  excel: () => mountPane(rootElement(), createExcelActions()),
  outside: (host) => mountOutsideExcel(rootElement(), host),
});
