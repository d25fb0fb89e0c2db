/**
 * A part's bytes as text: UTF-8, or UTF-16 when it starts with that byte order mark (OPC allows both); whole, or
 * piece by piece as a part is inflated.
 */

const decoder = new TextDecoder('utf-8');
/** For every piece after the first: a U+FEFF there is a character of the text, not a byte order mark. */
const innerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

function encodingOf(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

export function decodePart(b: Uint8Array): string {
  const encoding = encodingOf(b);
  return encoding === 'utf-8' ? decoder.decode(b) : new TextDecoder(encoding).decode(b);
}

/** Where the UTF-8 character the bytes end in starts when it is cut short (else the bytes' length). */
function completeUtf8(b: Uint8Array): number {
  let i = b.length - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (b[i] & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return b.length;
  const lead = b[i];
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + size > b.length ? i : b.length;
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * A part's text from its bytes in pieces, each piece decoded on its own (the bytes of a character cut between two
 * pieces are carried over). Not the decoder's streaming mode: that gives two-byte strings even for ASCII, which
 * cost twice the memory and make encoding them again several times slower.
 */
export async function* decodePieces(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let carry: Uint8Array | null = null;
  let first = true;
  let utf16: InstanceType<typeof TextDecoder> | null = null;
  for await (const piece of pieces) {
    const bytes: Uint8Array = carry ? joined(carry, piece) : piece;
    carry = null;
    if (first && bytes.length < 2) {
      carry = bytes; // the byte order mark needs two bytes
      continue;
    }
    if (first && encodingOf(bytes) !== 'utf-8') utf16 = new TextDecoder(encodingOf(bytes));
    let text: string;
    if (utf16) text = utf16.decode(bytes, { stream: true });
    else {
      const cut = completeUtf8(bytes);
      if (cut < bytes.length) carry = bytes.slice(cut);
      // Nothing whole yet (a character cut short): it waits for the next piece.
      if (cut === 0) continue;
      // A byte order mark is a whole character: the first piece decoded holds all of it.
      text = (first ? decoder : innerDecoder).decode(bytes.subarray(0, cut));
    }
    first = false;
    if (text) yield text;
  }
  const rest = utf16 ? utf16.decode() : carry ? (first ? decoder : innerDecoder).decode(carry) : '';
  if (rest) yield rest;
}

/** Parts are written as UTF-8: a declaration naming another encoding (UTF-16, US-ASCII) would misname the bytes. */
export function declaredUtf8(text: string): string {
  const m = /^\uFEFF?<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(text.slice(0, 200));
  return !m || /^utf-?8$/i.test(m[1]) ? text : text.replace(/(\bencoding\s*=\s*["'])[^"']+/, '$1UTF-8');
}
