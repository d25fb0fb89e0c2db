/**
 * Re-spellings of a part's XML that mean the same to a conforming reader: a namespace prefix instead of the
 * default namespace, indentation with CRLF, a byte order mark, comments and processing instructions, quotes.
 * They work on the sample's own XML (no text content holds "<", no attribute value holds a quote).
 */

const TAG_NAME = /<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g;

/** `<worksheet xmlns="ns">…<c>` → `<x:worksheet xmlns:x="ns">…<x:c>`: every unprefixed element gets the prefix. */
export function prefixed(xml: string, ns: string, prefix: string): string {
  return xml.replace(` xmlns="${ns}"`, ` xmlns:${prefix}="${ns}"`).replace(TAG_NAME, `<$1${prefix}:$2`);
}

/**
 * Indented, one element a line, CRLF line ends (pretty-printing writers on Windows). Whitespace goes only
 * between tags, never inside an element that has no child elements (`<t></t>` stays empty).
 */
export function pretty(xml: string): string {
  let depth = 0;
  let out = '';
  const tokens = xml.match(/<[^>]+>|[^<]+/g) ?? [];
  let prev = '';
  for (const tok of tokens) {
    const isTag = tok.startsWith('<');
    const closing = tok.startsWith('</');
    const selfClosing = tok.endsWith('/>') || tok.startsWith('<?') || tok.startsWith('<!');
    const prevOpen = prev.startsWith('<') && !prev.startsWith('</') && !prev.endsWith('/>') && !prev.startsWith('<?') && !prev.startsWith('<!');
    if (closing) depth--;
    // Between two tags, unless it is the inside of an empty element (`<t></t>`).
    if (isTag && prev.startsWith('<') && !(prevOpen && closing)) out += `\r\n${'  '.repeat(Math.max(0, depth))}`;
    out += tok.replace(/\n/g, '\r\n');
    if (isTag && !closing && !selfClosing) depth++;
    prev = tok;
  }
  return out;
}

export const withBom = (xml: string) => `\uFEFF${xml}`;

/** A comment and a processing instruction after the declaration, and comments between the root's children. */
export function commented(xml: string): string {
  return xml
    .replace(/^(<\?xml[^>]*\?>\s*)/, '$1<!-- 由财务一体化系统导出 / exported by a finance system -->\n<?exporter name="fin-export" version="2.1"?>\n')
    .replace(/(<[\w:]*sheetData>)/, '$1<!-- rows -->')
    .replace(/(<[\w:]*row [^>]*>)/g, '$1<?row-checked?>')
    .replace(/(<\/[\w:]*sheetData>)/, '<!-- end of rows -->$1');
}

/** Attributes in single quotes and a declaration with standalone="no" (some Java and Python writers). */
export function singleQuoted(xml: string): string {
  return xml.replace(/^<\?xml[^>]*\?>/, "<?xml version='1.0' encoding='utf-8' standalone='no'?>").replace(/(\s[\w:]+)="([^"'<]*)"/g, "$1='$2'");
}
