/**
 * Child process of the benchmark: peak memory of one command-line run, alone in its process. Prints JSON:
 * { peakRss, baselineRss, changedSheetBytes } in bytes. `baselineRss` is the peak after loading the code and
 * before reading the file; `changedSheetBytes` is the unzipped size of the sheet the run changes.
 *
 *   node --import tsx bench/memory.ts <in.xlsx> <out.xlsx>
 */
import { readFileSync } from 'node:fs';
import { Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import { main } from '../src/cli/main';

async function run(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  // The bench workbook has one sheet, the one apply changes: its size as the zip's directory states it.
  const entries = await new ZipReader(new Uint8ArrayReader(new Uint8Array(readFileSync(input)))).getEntries();
  const changedSheetBytes = Math.max(...entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.filename)).map((e) => e.uncompressedSize));
  const baselineRss = process.resourceUsage().maxRSS * 1024;
  const code = await main(['apply', input, '-o', output], { stdout: () => undefined, stderr: () => undefined, isTTY: false });
  if (code !== 0) throw new Error(`apply exited with ${code}`);
  process.stdout.write(JSON.stringify({ peakRss: process.resourceUsage().maxRSS * 1024, baselineRss, changedSheetBytes }));
}

run().catch((e) => {
  process.stderr.write(String((e as Error)?.stack ?? e));
  process.exitCode = 1;
});
