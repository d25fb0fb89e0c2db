/**
 * Builds the 网页版 into dist-web/index.html with webpack's Node API (the same two-part config as
 * `npm run build:web`), unless the file there is newer than everything it is made from. E2E_REBUILD=1 forces it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import webpack from 'webpack';
import { ROOT, withBuildLock } from './buildPreview';

export const DIST_WEB = join(ROOT, 'dist-web');
export const WEB_HTML = join(DIST_WEB, 'index.html');

const INPUTS = ['src', 'webpack.web.js', 'package-lock.json'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const isFresh = () => existsSync(WEB_HTML) && INPUTS.every((p) => newestMtime(join(ROOT, p)) < statSync(WEB_HTML).mtimeMs);

/** The e2e file and the build test run in parallel: one builds while the other waits, then finds it fresh. */
export function buildWeb(): Promise<{ built: boolean; ms: number }> {
  return withBuildLock(buildUnlocked, join(ROOT, 'dist-web.lock'));
}

async function buildUnlocked(): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  if (process.env.E2E_REBUILD !== '1' && isFresh()) return { built: false, ms: 0 };
  const configFn = createRequire(join(ROOT, 'package.json'))('./webpack.web.js') as (env: object, argv: { mode: string }) => webpack.Configuration[];
  const compiler = webpack(configFn({}, { mode: 'production' }).map((c) => ({ ...c, context: ROOT })));
  await new Promise<void>((done, fail) => {
    compiler.run((err, stats) => {
      compiler.close((closeErr) => {
        if (err || closeErr) fail(err ?? closeErr);
        else if (stats?.hasErrors()) fail(new Error(stats.toString('errors-only')));
        else done();
      });
    });
  });
  return { built: true, ms: Date.now() - started };
}
