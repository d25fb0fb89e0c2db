/**
 * Screenshots of the e2e steps go to test-output/e2e/ (git-ignored). Each e2e file owns its own numbered range
 * (pane: 01–19, indicators and year tools: 20–49, the 网页版: 50–69, standard forms: 80–89, the pane by keyboard at 320 px and 380 px: 100–149) and clears only that range, because the files run in parallel
 * and must not delete each other's pictures.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './buildPreview';

export const SHOTS = join(ROOT, 'test-output', 'e2e');

export function clearShots(owned: RegExp): void {
  mkdirSync(SHOTS, { recursive: true });
  if (!existsSync(SHOTS)) return;
  for (const f of readdirSync(SHOTS)) if (owned.test(f)) rmSync(join(SHOTS, f), { force: true });
}
