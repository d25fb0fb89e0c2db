/**
 * The package as a zip (@zip.js/zip.js): parts are read on demand, and on save every part that was not
 * changed is copied as its original compressed bytes (passThrough: no inflate, no deflate, same CRC), so
 * untouched parts come out byte for byte as they went in. Changed and new parts are deflated once.
 * Part names follow OPC: no leading slash, compared without regard to case.
 */
import { configure, type Entry, type FileEntry, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { declaredUtf8, decodePart, decodePieces } from './partText';
import { joinChunks, rechunk, type TextPieces } from './textChunks';

// Workers would each load a copy of the library; the parts we touch are few, and the 网页版 runs us in a worker already.
configure({ useWebWorkers: false });

const encoder = new TextEncoder();
const DEFLATE = 8;
/** Pieces (of 256 KB) inflated ahead of a reader of a streamed part: about 1 MB. */
const AHEAD = 4;

/**
 * Raw deflate and CRC-32 from the platform, when it has faster ones than zip.js's own (Node's zlib: about 5×
 * on a 25 MB sheet). Entries are then read and written raw through zip.js (passThrough) and (de)compressed here.
 */
export interface RawCodec {
  inflateRaw(data: Uint8Array): Uint8Array;
  /** The same, in pieces as they come (a worksheet read again while it is written: never whole). */
  inflater(data: Uint8Array): AsyncIterable<Uint8Array>;
  deflateRaw(data: Uint8Array): Uint8Array;
  /** CRC-32 of `data`, continuing from `value` (the CRC of what came before it). */
  crc32(data: Uint8Array, value?: number): number;
  /** A deflater fed piece by piece (a part written in chunks); it may work off the main thread. */
  deflater(): RawDeflater;
}

export interface RawDeflater {
  /** Resolves when the deflater can take more (so queued input stays small). */
  write(data: Uint8Array): Promise<void>;
  /** Everything written, deflated. */
  end(): Promise<Uint8Array>;
}

/** A part's new text made when saved, in chunks (a rewritten sheet): never one string, never one buffer. */
export type TextProducer = () => TextPieces;
/** A producer's text as it is written: regrouped into chunks, its declaration naming UTF-8. */
type MadeText = () => AsyncIterable<string>;

export class ZipParts {
  private readonly entries = new Map<string, FileEntry>();
  private readonly order: string[] = [];
  private readonly cache = new Map<string, Uint8Array>();
  /** Parts replaced (bytes, or text made on save) or deleted (null) since opening; new parts too. */
  private readonly changed = new Map<string, Uint8Array | MadeText | null>();

  private constructor(
    entries: Entry[],
    private readonly codec: RawCodec | undefined,
  ) {
    for (const e of entries) {
      if (e.directory) continue;
      this.entries.set(e.filename.toLowerCase(), e as FileEntry);
      this.order.push(e.filename);
    }
  }

  /** Opens zip bytes; throws whatever zip.js throws for a damaged archive (the caller words it). */
  static async open(bytes: Uint8Array, codec?: RawCodec): Promise<ZipParts> {
    const reader = new ZipReader(new Uint8ArrayReader(bytes));
    return new ZipParts(await reader.getEntries(), codec);
  }

  /** Every part name, in the archive's order, then new parts. */
  names(): string[] {
    const kept = this.order.filter((n) => this.changed.get(n.toLowerCase()) !== null);
    const added = [...this.changed.entries()].filter(([k, v]) => v !== null && !this.entries.has(k)).map(([k]) => this.addedNames.get(k) ?? k);
    return [...kept, ...added];
  }

  private readonly addedNames = new Map<string, string>();

  /** The name as the archive spells it: OPC names ignore case, but a part's new rels part must follow its spelling. */
  storedName(name: string): string {
    const key = name.toLowerCase();
    return this.entries.get(key)?.filename ?? this.addedNames.get(key) ?? name;
  }

  has(name: string): boolean {
    const key = name.toLowerCase();
    if (this.changed.has(key)) return this.changed.get(key) !== null;
    return this.entries.has(key);
  }

  async bytes(name: string): Promise<Uint8Array | null> {
    const key = name.toLowerCase();
    if (this.changed.has(key)) return await changedBytes(this.changed.get(key) ?? null);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const data = await this.inflate(key);
    if (data) this.cache.set(key, data);
    return data;
  }

  private async inflate(key: string): Promise<Uint8Array | null> {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.codec && entry.compressionMethod === DEFLATE && !entry.encrypted) return this.codec.inflateRaw(await entry.getData(new Uint8ArrayWriter(), { passThrough: true }));
    return entry.getData(new Uint8ArrayWriter());
  }

  /** The part's bytes as the package held them when opened, inflated in pieces as they come (none: no such part). */
  private async *inflated(key: string): AsyncGenerator<Uint8Array> {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (this.codec && entry.compressionMethod === DEFLATE && !entry.encrypted) {
      yield* this.codec.inflater(await entry.getData(new Uint8ArrayWriter(), { passThrough: true }));
      return;
    }
    // A few pieces may wait to be read: zip.js inflates the next ones (off the main thread) while the reader works.
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, undefined, { highWaterMark: AHEAD });
    const done = entry.getData(writable);
    done.catch(() => undefined); // a failure surfaces through the stream (and below), not as an unhandled rejection
    const reader = readable.getReader();
    let finished = false;
    try {
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        yield next.value;
      }
      finished = true;
      await done;
    } finally {
      // A reader that stops early (a failed save) stops zip.js too, instead of leaving it waiting to write.
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  }

  /**
   * The text of a part as the package held it when opened, decoded in pieces as it is inflated: a worksheet read
   * again while its new text is written, never whole (and never cached).
   */
  originalChunks(name: string): AsyncGenerator<string> {
    return decodePieces(this.inflated(name.toLowerCase()));
  }

  /** The whole text of a part as the package held it when opened (not cached), or null. */
  async originalText(name: string): Promise<string | null> {
    const data = await this.inflate(name.toLowerCase());
    return data === null ? null : decodePart(data);
  }

  async text(name: string): Promise<string | null> {
    const b = await this.bytes(name);
    return b === null ? null : decodePart(b);
  }

  /**
   * A part's text read once and not kept as bytes (a worksheet: its caller keeps the text; keeping the inflated
   * bytes as well would hold a 100,000-row sheet twice).
   */
  async textOnce(name: string): Promise<string | null> {
    const key = name.toLowerCase();
    if (this.changed.has(key) || this.cache.has(key)) return this.text(name);
    const data = await this.inflate(key);
    return data === null ? null : decodePart(data);
  }

  /** The text of a part already in memory (read before, or written as text), without waiting; null otherwise. */
  cachedText(name: string): string | null {
    const key = name.toLowerCase();
    const content = this.changed.has(key) ? this.changed.get(key) : this.cache.get(key);
    return content instanceof Uint8Array ? decodePart(content) : null;
  }

  /** Replaces (or adds) a part: bytes, text, or text made in chunks when the package is saved. */
  write(name: string, content: string | Uint8Array | TextProducer): void {
    const key = name.toLowerCase();
    if (!this.entries.has(key)) this.addedNames.set(key, name);
    this.changed.set(key, typeof content === 'string' ? encoder.encode(declaredUtf8(content)) : typeof content === 'function' ? declaredUtf8Chunks(content) : content);
    this.cache.delete(key);
  }

  delete(name: string): void {
    this.changed.set(name.toLowerCase(), null);
    this.cache.delete(name.toLowerCase());
  }

  /** A new zip: unchanged entries copied raw, changed ones deflated, deleted ones left out, new ones appended. */
  async save(): Promise<Uint8Array> {
    const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
    for (const name of this.names()) {
      const key = name.toLowerCase();
      const entry = this.entries.get(key);
      const replaced = this.changed.get(key);
      if (entry && replaced === undefined) {
        const raw = await entry.getData(new Uint8ArrayWriter(), { passThrough: true });
        await writer.add(entry.filename, new Uint8ArrayReader(raw), { passThrough: true, entry });
      } else if (typeof replaced === 'function') {
        await addChunked(writer, entry?.filename ?? name, replaced, this.codec);
      } else if (replaced && this.codec) {
        const compressed = this.codec.deflateRaw(replaced);
        await writer.add(entry?.filename ?? name, new Uint8ArrayReader(compressed), {
          passThrough: true,
          compressionMethod: DEFLATE,
          uncompressedSize: replaced.length,
          crc32: this.codec.crc32(replaced),
        });
      } else if (replaced) {
        await writer.add(entry?.filename ?? name, new Uint8ArrayReader(replaced), { level: 6 });
      }
    }
    return writer.close();
  }
}

/** declaredUtf8 for text made in chunks (regrouped: rechunk): the declaration, if any, is at the start of the first. */
function declaredUtf8Chunks(produce: TextProducer): MadeText {
  return async function* () {
    let first = true;
    for await (const chunk of rechunk(produce())) {
      yield first ? declaredUtf8(chunk) : chunk;
      first = false;
    }
  };
}

const DEFLATE_PIECE = 1 << 20;

function concatBytes(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A changed part's bytes (text made on save is made now: only when something reads such a part back). */
async function changedBytes(content: Uint8Array | MadeText | null): Promise<Uint8Array | null> {
  return typeof content === 'function' ? encoder.encode(await joinChunks(content())) : content;
}

/**
 * A part written chunk by chunk: each chunk is encoded, checksummed and deflated, then let go. With a codec the
 * deflated bytes (a fraction of the text) are collected and added raw; without one zip.js deflates the stream.
 */
async function addChunked(writer: ZipWriter<Uint8Array>, name: string, produce: MadeText, codec: RawCodec | undefined): Promise<void> {
  if (codec) {
    const deflater = codec.deflater();
    let crc = 0;
    let size = 0;
    // Text comes in small chunks; the deflater gets pieces of about 1 MB (each piece costs it a little).
    let piece: Uint8Array[] = [];
    let pieceSize = 0;
    const flush = async () => {
      await deflater.write(piece.length === 1 ? piece[0] : concatBytes(piece, pieceSize));
      piece = [];
      pieceSize = 0;
    };
    for await (const chunk of produce()) {
      const bytes = encoder.encode(chunk);
      crc = codec.crc32(bytes, crc);
      size += bytes.length;
      piece.push(bytes);
      pieceSize += bytes.length;
      if (pieceSize >= DEFLATE_PIECE) await flush();
    }
    if (pieceSize > 0) await flush();
    const compressed = await deflater.end();
    await writer.add(name, new Uint8ArrayReader(compressed), { passThrough: true, compressionMethod: DEFLATE, uncompressedSize: size, crc32: crc });
    return;
  }
  const chunks = produce()[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  await writer.add(name, stream, { level: 6 });
}
