/**
 * The 网页版 (npm run build:web → dist-web/index.html): the whole tool as ONE html file that works opened straight
 * from disk (file://, double-click) or from any static server, with no network access at all.
 *
 * Two builds: the worker (which holds the workbook: the .xlsx package reader/writer, the engine, the formula evaluator) and the
 * page (React, Fluent UI, the task pane). The page build then writes index.html with both scripts inline — the
 * worker's as text the page turns into a blob: worker, because a page opened from disk may not load a worker (or
 * any script) from a URL — and a Content-Security-Policy that allows exactly that script (by its hash), a blob:
 * worker and inline styles (Fluent UI injects its CSS at run time), and nothing else: no connection of any kind,
 * no fonts, images, frames or forms from anywhere.
 *
 * HyperFormula (GPL-3.0) must never be in this bundle (the project is MIT): test/web/build.test.ts checks.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const OUT = path.resolve(__dirname, 'dist-web');
const WORKER_OUT = path.resolve(__dirname, 'node_modules/.cache/web-worker');
const TEMPLATE = path.resolve(__dirname, 'src/web/page/index.html');

/** The page's policy; `scriptHash` is the sha256 of the one inline script that runs. */
function contentSecurityPolicy(scriptHash) {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "media-src 'none'",
    "manifest-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Code inside <script>…</script> must not close the element early. */
const safeInline = (code) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

class SingleHtmlPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SingleHtmlPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'SingleHtmlPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const pageName = Object.keys(compilation.assets).find((n) => n.endsWith('.js'));
        const page = safeInline(compilation.assets[pageName].source().toString());
        const worker = safeInline(fs.readFileSync(path.join(WORKER_OUT, 'worker.js'), 'utf8'));
        const hash = crypto.createHash('sha256').update(page, 'utf8').digest('base64');
        const html = fs
          .readFileSync(TEMPLATE, 'utf8')
          .replace('__CSP__', () => contentSecurityPolicy(hash))
          // A function, so "$&" and the like in the code are not read as replacement patterns.
          .replace('</body>', () => `<script type="text/plain" id="worker-source">${worker}</script>\n<script>${page}</script>\n</body>`);
        for (const name of Object.keys(compilation.assets)) compilation.deleteAsset(name);
        compilation.emitAsset('index.html', new webpack.sources.RawSource(html));
      });
    });
    compiler.hooks.afterCompile.tap('SingleHtmlPlugin', (compilation) => {
      compilation.fileDependencies.add(TEMPLATE);
      compilation.fileDependencies.add(path.join(WORKER_OUT, 'worker.js'));
    });
  }
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: false } } },
};

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  /** Shared: no eval (the policy forbids it), one chunk (nothing is loaded later), no minifying (chevrotain,
   * the formula parser's grammar library, needs its names; and a build on two cores stays quick). */
  const common = {
    mode,
    devtool: false,
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: { rules: [tsRule] },
    optimization: { minimize: false },
    performance: { hints: false },
  };
  const worker = {
    ...common,
    name: 'web-worker',
    target: 'webworker',
    entry: { worker: './src/web/worker/main.ts' },
    output: { path: WORKER_OUT, filename: '[name].js', clean: true },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
    cache: { type: 'filesystem', name: `web-worker-${mode}`, buildDependencies: { config: [__filename] } },
  };
  const page = {
    ...common,
    name: 'web-page',
    dependencies: ['web-worker'],
    target: 'web',
    entry: { web: './src/web/page/main.tsx' },
    output: { path: OUT, filename: '[name].js', clean: true },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new SingleHtmlPlugin()],
    cache: { type: 'filesystem', name: `web-page-${mode}`, buildDependencies: { config: [__filename] } },
  };
  return [worker, page];
};
