/**
 * LibreOffice as a second, independent formula engine (not a test file). A throwaway profile makes it recompute
 * every formula on load (OOXMLRecalcMode 0 = always): without it, LibreOffice keeps any cached result it finds.
 * All files go through ONE soffice process: starting LibreOffice is most of the cost (about 5 s in all).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice executable on PATH, or null. Found without running it (starting it is slow). */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Converts every file to .xlsx in `outDir` (same base names: they must differ from each other, and outDir must not
 * be their folder). Returns the converted paths in the same order. Output of soffice is captured, not shown.
 */
export async function recalculateWithLibreOffice(soffice: string, files: string[], outDir: string): Promise<string[]> {
  const names = files.map((f) => basename(f));
  if (new Set(names).size !== names.length) throw new Error('recalculateWithLibreOffice: base names must be unique');
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const args = ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'xlsx', '--outdir', outDir, ...files];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: 120_000, env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' } }, (error, stdout, stderr) => {
        if (error) reject(new Error(`soffice failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve();
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return names.map((n) => join(outDir, n));
}
