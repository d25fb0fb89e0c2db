/**
 * Node's zlib as the package's raw codec: the same deflate format, native speed. CRC-32 comes from zlib too
 * (Node 20.15+); on an older Node the package falls back to zip.js's own codec.
 */
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { RawCodec, RawDeflater } from './package';

const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

// Level 5: within 2% of level 6's size on sheet XML, noticeably faster on a 25 MB sheet.
const LEVEL = 5;
/** Chunks being deflated at once (on libuv's thread pool, 4 threads unless UV_THREADPOOL_SIZE says otherwise). */
const IN_FLIGHT = 4;

const deflateRaw = promisify(zlib.deflateRaw);
/** Output buffer of one asynchronous zlib call: 1 MB, not 16 KB. */
const OUT_CHUNK = 1 << 20;
/** An empty final block: what ends a deflate stream made of sync-flushed pieces. */
const FINAL_BLOCK = zlib.deflateRawSync(new Uint8Array(0));

/**
 * A part written in chunks is deflated as pigz does it: each chunk on its own, ended by a sync flush (a byte-aligned
 * block boundary, not the last block), on the thread pool and several at once; the pieces joined, then an empty
 * final block, are one valid deflate stream. Each chunk starts without the previous one's 32 KB window: on chunks
 * of a million characters that costs well under 1% of the size. The main thread meanwhile makes the next chunks.
 */
function deflater(): RawDeflater {
  const pending: Promise<Buffer>[] = [];
  const done: Buffer[] = [];
  return {
    async write(data) {
      // chunkSize: room for the whole deflated piece, so the thread pool does it in one go (with the default 16 KB
      // each 16 KB of output waits for a turn of the main thread, which is busy making the next chunks).
      const piece = deflateRaw(data, { level: LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: OUT_CHUNK });
      piece.catch(() => undefined); // a failure surfaces where the piece is awaited, not as an unhandled rejection
      pending.push(piece);
      while (pending.length >= IN_FLIGHT) done.push(await pending.shift()!);
    },
    async end() {
      for (const p of pending.splice(0)) done.push(await p);
      done.push(FINAL_BLOCK);
      return Buffer.concat(done);
    },
  };
}

/**
 * Output pieces of a streaming inflate. Each piece is a turn of the thread pool, where it waits behind the deflater's
 * pieces of the sheet being written: 64 KB pieces made a 100,000-row save wait about 0.1 s more than 1 MB ones.
 * The text window over them stays around a megabyte.
 */
const INFLATE_PIECE = 1 << 20;

/** A part inflated as it is read (on the thread pool), in pieces of INFLATE_PIECE bytes. */
function inflater(data: Uint8Array): AsyncIterable<Uint8Array> {
  const stream = zlib.createInflateRaw({ chunkSize: INFLATE_PIECE });
  stream.end(data);
  return stream;
}

export const nodeCodec: RawCodec | undefined = crc32
  ? {
      inflateRaw: (data) => zlib.inflateRawSync(data),
      inflater,
      deflateRaw: (data) => zlib.deflateRawSync(data, { level: LEVEL }),
      crc32,
      deflater,
    }
  : undefined;
