/**
 * The command line's four writing commands run one after the other on a workbook (each on the previous output),
 * in-process, as the fidelity and robustness suites do; and a zip's entries read raw, to check that a part was
 * copied as its original compressed bytes.
 */
import { readFileSync } from 'node:fs';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { runCli } from '../cli/runMain';

export const COMMANDS = [['apply'], ['next-year', '--year', '2025'], ['indicators'], ['monitor', '--as-of-month', '6']] as const;
export type Command = (typeof COMMANDS)[number][0];

export interface Step {
  command: Command;
  input: Buffer;
  output: Buffer;
  outputPath: string;
  json: Record<string, unknown>;
}

/**
 * Runs the chain from `input`; outputs are `${outStem}-${command}.xlsx`, asked for as .xlsx: a macro-enabled
 * input must come out as .xlsm whatever the name given. Stops at the first command that fails, with its stderr.
 */
export async function runCommandChain(input: string, outStem: string): Promise<{ steps: Step[]; failure: string | null }> {
  const steps: Step[] = [];
  const ext = input.endsWith('.xlsm') ? '.xlsm' : '.xlsx';
  for (const [command, ...options] of COMMANDS) {
    const requested = `${outStem}-${command}.xlsx`;
    const run = await runCli([command, input, '-o', requested, ...options, '--json']);
    if (run.code !== 0) return { steps, failure: `${command}: ${run.stderr.trim()}` };
    const outputPath = requested.replace(/\.xlsx$/, ext);
    steps.push({ command, input: readFileSync(input), output: readFileSync(outputPath), outputPath, json: JSON.parse(run.stdout) });
    input = outputPath;
  }
  return { steps, failure: null };
}

/** The stored (compressed) bytes of every entry, read raw. */
export async function storedBytes(bytes: Buffer): Promise<Map<string, Uint8Array>> {
  const reader = new ZipReader(new Uint8ArrayReader(new Uint8Array(bytes)));
  const out = new Map<string, Uint8Array>();
  for (const e of await reader.getEntries()) if (!e.directory) out.set(e.filename, await e.getData!(new Uint8ArrayWriter(), { passThrough: true }));
  return out;
}
