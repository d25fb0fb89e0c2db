/**
 * Plan.pageSetup in the package: landscape and one page wide on the worksheet (pageSetup, with sheetPr's
 * pageSetUpPr fitToPage on, without which Excel ignores fitToWidth), the header rows repeated on every page as the
 * sheet's _xlnm.Print_Titles defined name in workbook.xml. Other print settings (paper, margins, printer
 * settings part) stay as they were; settings already as wanted are left byte for byte.
 */
import type { PageSetup } from '../../core';
import type { Book } from './book';
import type { SheetPieces } from './sheetParts';
import { insertWorkbookChild, tabIndex } from './workbookEdit';
import { esc, local, scanXml, startTag, withAttrs } from './xml';

const openTag = (text: string) => /<[^!?][^>]*>/.exec(text)![0];

/** `<pageSetUpPr fitToPage="1"/>` inside sheetPr (its last child in CT_SheetPr: tabColor, outlinePr, pageSetUpPr). */
function fitToPage(sheet: SheetPieces): void {
  const p = sheet.prefix;
  const piece = sheet.first('sheetPr');
  if (!piece) {
    sheet.insert('sheetPr', `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`);
    return;
  }
  const own = new RegExp(`<${p}pageSetUpPr\\b[^>]*?/?>`).exec(piece.text);
  if (own) {
    piece.text = piece.text.replace(own[0], withAttrs(own[0], { fitToPage: '1' }));
    return;
  }
  const open = openTag(piece.text);
  const lead = piece.text.slice(0, piece.text.indexOf(open));
  const inner = open.endsWith('/>') ? '' : piece.text.slice(lead.length + open.length, piece.text.lastIndexOf('</'));
  piece.text = `${lead}${open.replace(/\/>$/, '>')}${inner}<${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`;
}

/** Orientation and fit to width on the worksheet; true when the plan asked for print settings. */
export function setPageSetup(sheet: SheetPieces, setup: PageSetup | undefined): boolean {
  if (!setup) return false;
  const attrs: Record<string, string> = {};
  if (setup.landscape) attrs.orientation = 'landscape';
  // fitToHeight 0: as many pages down as the rows need.
  if (setup.fitToWidth) Object.assign(attrs, { fitToWidth: '1', fitToHeight: '0' });
  if (Object.keys(attrs).length === 0) return true;
  if (setup.fitToWidth) fitToPage(sheet);
  const piece = sheet.first('pageSetup');
  if (!piece) sheet.insert('pageSetup', startTag(`${sheet.prefix}pageSetup`, attrs, true));
  else {
    const open = openTag(piece.text);
    piece.text = piece.text.replace(open, withAttrs(open, attrs));
  }
  return true;
}

/** The sheet's print titles (rows `first`–`last` on every page), replacing any it had; workbook.xml as it was when equal. */
export function setPrintTitles(book: Book, sheetName: string, rows: { first: number; last: number }): void {
  const at = tabIndex(book, sheetName);
  if (at < 0) return;
  const formula = esc(`'${sheetName.replace(/'/g, "''")}'!$${rows.first}:$${rows.last}`);
  const xml = book.workbookXml;
  let own: { start: number; end: number; tag: string } | undefined;
  let box: { end: number; tag: string } | undefined;
  scanXml(xml, {
    open(name, a, start, end) {
      if (local(name) === 'definedNames') box = { end: end + 1, tag: name };
      if (local(name) === 'definedName' && a.name === '_xlnm.Print_Titles' && a.localSheetId !== undefined && Number(a.localSheetId) === at) own = { start, end: end + 1, tag: name };
    },
  });
  if (own) {
    const open = xml.slice(own.start, own.end);
    const until = open.endsWith('/>') ? own.end : xml.indexOf(`</${own.tag}>`, own.end) + own.tag.length + 3;
    const el = `${open.replace(/\/>$/, '>')}${formula}</${own.tag}>`;
    if (xml.slice(own.start, until) !== el) book.workbookXml = xml.slice(0, own.start) + el + xml.slice(until);
    return;
  }
  const el = (p: string) => `${startTag(`${p}definedName`, { name: '_xlnm.Print_Titles', localSheetId: String(at) })}${formula}</${p}definedName>`;
  if (box && !xml.slice(box.end - 2, box.end).endsWith('/>')) {
    const close = xml.indexOf(`</${box.tag}>`, box.end);
    book.workbookXml = xml.slice(0, close) + el(box.tag.slice(0, -'definedNames'.length)) + xml.slice(close);
  } else if (!box) insertWorkbookChild(book, 'definedNames', (p) => `<${p}definedNames>${el(p)}</${p}definedNames>`);
}
