/**
 * Zips a sample with @zip.js/zip.js the way other writers do: deflated or stored entries, with or without data
 * descriptors, Zip64 records, folder entries and an archive comment.
 */
import { TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import type { Sample } from './packageParts';

const encoder = new TextEncoder();

/** "xl/worksheets/sheet1.xml" → ["xl/", "xl/worksheets/"]. */
function folders(names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const segs = n.split('/').slice(0, -1);
    for (let i = 1; i <= segs.length; i++) {
      const f = `${segs.slice(0, i).join('/')}/`;
      if (!out.includes(f)) out.push(f);
    }
  }
  return out;
}

export async function zipSample(sample: Sample): Promise<Buffer> {
  const { zip } = sample;
  const writer = new ZipWriter(new Uint8ArrayWriter(), {
    useWebWorkers: false,
    level: zip.stored ? 0 : 6,
    dataDescriptor: zip.dataDescriptor,
    dataDescriptorSignature: zip.dataDescriptor,
    zip64: zip.zip64,
    // Fixed times: the same sample zips to the same bytes.
    lastModDate: new Date(Date.UTC(2025, 0, 15, 8)),
    extendedTimestamp: false,
  });
  if (zip.directories) for (const f of folders([...sample.parts.keys()])) await writer.add(f, undefined, { directory: true });
  const parts = [...sample.parts];
  for (const [name, data] of zip.reversed ? parts.reverse() : parts) await writer.add(name, typeof data === 'string' ? new TextReader(data) : new Uint8ArrayReader(data));
  const bytes = Buffer.from(await writer.close(zip.comment ? encoder.encode(zip.comment) : undefined));
  return zip.truncate > 0 ? bytes.subarray(0, bytes.length - zip.truncate) : bytes;
}
