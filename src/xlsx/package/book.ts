/**
 * The opened package: its content types, the workbook part and its relationships, the worksheets in tab
 * order, shared strings and styles. Parts are decoded when first needed and kept as text while the plans
 * are applied; `save` writes back only the parts that changed.
 */
import { PackageError } from './inputErrors';
import { CONTENT_TYPE, contentTypeOf, parseRels, REL, type Relationship, relId, relsPathOf, resolveTarget } from './opc';
import { Styles } from './styles';
import { local, scanTags, scanXml } from './xml';
import { ZipParts } from './zipParts';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  /** The worksheet part ("xl/worksheets/sheet1.xml"). */
  part: string;
  state?: string;
}

/** Shared strings: the text of each item, runs joined, phonetic guides (rPh) left out. */
export function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let inItem = false;
  let inT = 0;
  let inPhonetic = 0;
  let text = '';
  scanTags(
    xml,
    {
      open(name) {
        const n = local(name);
        if (n === 'si') {
          inItem = true;
          text = '';
        } else if (n === 'rPh') inPhonetic++;
        else if (n === 't' && inItem && inPhonetic === 0) inT++;
      },
      text(start, end) {
        if (inT > 0) text += xml.slice(start, end);
      },
      entity(ch) {
        if (inT > 0) text += ch;
      },
      close(name) {
        const n = local(name);
        if (n === 'si') {
          out.push(text);
          inItem = false;
        } else if (n === 'rPh') inPhonetic--;
        else if (n === 't' && inT > 0) inT--;
      },
    },
    NONE,
  );
  // Each text is a slice of the part's text (V8 slices rather than copies a string of 13 characters or more), so the
  // list would keep the whole part alive, markup and all (at 100,000 strings: 11.4 MB instead of 8.2). Joined and
  // split again, they share one string of the texts alone; U+0000 cannot occur in an XML 1.0 document.
  return out.length === 0 ? out : out.join('\u0000').split('\u0000');
}

const NONE: ReadonlySet<string> = new Set();

export class Book {
  contentTypes = '';
  workbookPart = '';
  workbookXml = '';
  workbookRelsXml = '';
  sheets: SheetEntry[] = [];
  sharedStrings: string[] = [];
  styles!: Styles;
  stylesPart: string | null = null;
  /** The workbook part is an .xlsm's (macro-enabled): the output keeps that extension. */
  macroEnabled = false;
  date1904 = false;

  private original = { contentTypes: '', workbookXml: '', workbookRelsXml: '' };

  private constructor(readonly zip: ZipParts) {}

  workbookDirty(): boolean {
    return this.workbookXml !== this.original.workbookXml || this.workbookRelsXml !== this.original.workbookRelsXml;
  }

  contentTypesDirty(): boolean {
    return this.contentTypes !== this.original.contentTypes;
  }

  static async open(zip: ZipParts): Promise<Book> {
    const book = new Book(zip);
    await book.load();
    return book;
  }

  private async load(): Promise<void> {
    const types = await this.zip.text('[Content_Types].xml');
    const rootRels = parseRels(await this.zip.text('_rels/.rels'));
    if (rootRels.some((r) => r.type === REL.strictOfficeDocument)) throw new PackageError('strict-ooxml');
    const main = rootRels.find((r) => r.type === REL.officeDocument);
    if (types === null || !main) throw new PackageError('corrupt', 'no workbook part');
    this.contentTypes = types;
    this.workbookPart = this.zip.storedName(resolveTarget('', main.target));
    const wb = await this.zip.text(this.workbookPart);
    if (wb === null) throw new PackageError('corrupt', `no ${this.workbookPart}`);
    if (wb.includes('http://purl.oclc.org/ooxml/spreadsheetml/main')) throw new PackageError('strict-ooxml');
    this.workbookXml = wb;
    this.macroEnabled = contentTypeOf(types, this.workbookPart) === CONTENT_TYPE.macroWorkbook;
    this.workbookRelsXml = (await this.zip.text(relsPathOf(this.workbookPart))) ?? '';
    const rels = this.workbookRels();
    const byId = new Map(rels.map((r) => [r.id, r]));
    scanXml(wb, {
      open: (name, a) => {
        const n = local(name);
        if (n === 'workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) this.date1904 = true;
        if (n !== 'sheet') return;
        const rel = byId.get(relId(a) ?? '');
        // Chart sheets, dialog sheets and macro sheets have no cells: only worksheets are read.
        if (!rel || rel.type !== REL.worksheet) return;
        this.sheets.push({ name: a.name ?? '', sheetId: Number(a.sheetId), rid: rel.id, part: this.zip.storedName(resolveTarget(this.workbookPart, rel.target)), ...(a.state ? { state: a.state } : {}) });
      },
    });
    // A worksheet the workbook names but the zip lacks is a damaged file (Excel repairs it by dropping the sheet).
    const lost = this.sheets.find((s) => !this.zip.has(s.part));
    if (lost) throw new PackageError('corrupt', `no ${lost.part}`);
    const shared = rels.find((r) => r.type === REL.sharedStrings);
    // Read once: the strings are kept, the part's text and bytes are not (megabytes on a 100,000-row table).
    this.sharedStrings = shared ? readSharedStrings(await this.zip.textOnce(resolveTarget(this.workbookPart, shared.target))) : [];
    const styles = rels.find((r) => r.type === REL.styles);
    this.stylesPart = styles ? this.zip.storedName(resolveTarget(this.workbookPart, styles.target)) : null;
    this.styles = new Styles(this.stylesPart ? await this.zip.text(this.stylesPart) : null);
    this.original = { contentTypes: this.contentTypes, workbookXml: this.workbookXml, workbookRelsXml: this.workbookRelsXml };
  }

  workbookRels(): Relationship[] {
    return parseRels(this.workbookRelsXml);
  }

  sheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}
