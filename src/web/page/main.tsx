/**
 * The 网页版's page: starts the worker that holds the workbook and mounts the shell with the real task pane.
 * Opened from disk (file://) or from any static server; it makes no network request (see webpack.web.js).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { useWebBook } from './useWebBook';
import { WebShell } from './WebShell';
import { WorkerClient, startWorker } from './workerClient';

function Page({ client }: { client: WorkerClient }) {
  return <WebShell web={useWebBook(client)} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
try {
  const client = new WorkerClient(startWorker());
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <Page client={client} />
    </FluentProvider>,
  );
} catch (e) {
  root.textContent = `网页版无法启动：${e instanceof Error ? e.message : String(e)}。请使用新版 Chrome、Edge、Firefox 或 360/QQ 浏览器的极速模式打开。`;
}
