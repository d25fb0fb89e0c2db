/**
 * Builds the browser preview into dist-preview/ with webpack's Node API (production mode), unless the build
 * there is newer than everything it is made from. E2E_REBUILD=1 forces a build.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import webpack from 'webpack';

export const ROOT = resolve(__dirname, '..', '..');
export const DIST_PREVIEW = join(ROOT, 'dist-preview');

/** What the preview bundle is made from (the pane, the front end, the engine, the simulator, the samples). */
const INPUTS = ['src', 'assets/samples', 'webpack.preview.js', 'scripts/preview-data.ts', 'scripts/preview-xlsx-loader.js', 'package-lock.json'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function previewIsFresh(): boolean {
  const html = join(DIST_PREVIEW, 'preview.html');
  if (!existsSync(html)) return false;
  const built = statSync(html).mtimeMs;
  return INPUTS.every((p) => !existsSync(join(ROOT, p)) || newestMtime(join(ROOT, p)) < built);
}

export interface BuildOutcome {
  built: boolean;
  ms: number;
}

/**
 * The e2e files run in parallel (vitest forks), and each wants a fresh preview: one builds while the others wait
 * on this lock directory (mkdir is atomic), then find the build fresh. A lock older than LOCK_STALE_MS is left
 * from a killed run and is taken over.
 */
const LOCK = join(ROOT, 'dist-preview.lock');
const LOCK_STALE_MS = 10 * 60_000;

export async function withBuildLock<T>(fn: () => Promise<T>, lock = LOCK): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if (age > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function buildPreview(): Promise<BuildOutcome> {
  return withBuildLock(buildUnlocked);
}

async function buildUnlocked(): Promise<BuildOutcome> {
  const started = Date.now();
  if (process.env.E2E_REBUILD !== '1' && previewIsFresh()) return { built: false, ms: 0 };
  // The config is CommonJS beside package.json; createRequire works the same under vitest and plain Node.
  const configFn = createRequire(join(ROOT, 'package.json'))('./webpack.preview.js') as (
    env: Record<string, unknown>,
    argv: { mode: string },
  ) => webpack.Configuration;
  const compiler = webpack({ ...configFn({}, { mode: 'production' }), context: ROOT });
  await new Promise<void>((done, fail) => {
    compiler.run((err, stats) => {
      // close() writes the filesystem cache, so the next build only redoes what changed.
      compiler.close((closeErr) => {
        if (err || closeErr) fail(err ?? closeErr);
        else if (stats?.hasErrors()) fail(new Error(stats.toString('errors-only')));
        else done();
      });
    });
  });
  return { built: true, ms: Date.now() - started };
}
