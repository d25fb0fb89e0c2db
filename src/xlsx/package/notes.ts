/**
 * Notes (Excel's plain comments): the comments part holds the text, the legacy VML drawing the box Excel shows.
 * Both are edited in place: our notes are added or replaced, our old ones removed; every other note, author and
 * shape (threaded-comment placeholders, form controls) stays as it was. VML is not well-formed XML (Excel writes
 * bare `<br>`), so its shapes are found by their `<v:shape>` … `</v:shape>` bounds, which never nest.
 */
import { cellAddress, type ExistingNote, parseCell } from '../../core';
import { esc, local, rootChildren, scanXml } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const OUR_AUTHOR = '预算执行助手';

export function readNotes(xml: string | null): ExistingNote[] {
  if (!xml) return [];
  const notes: ExistingNote[] = [];
  let ref: string | null = null;
  let inT = 0;
  let phonetic = 0;
  let text = '';
  scanXml(xml, {
    open(name, a) {
      const n = local(name);
      if (n === 'comment') {
        ref = a.ref ?? null;
        text = '';
      } else if (n === 'rPh') phonetic++;
      else if (n === 't' && ref !== null && phonetic === 0) inT++;
    },
    text(t) {
      if (inT > 0) text += t;
    },
    close(name) {
      const n = local(name);
      if (n === 'comment' && ref) {
        const { row, col } = parseCell(ref.replace(/\$/g, ''));
        notes.push({ row, col, text });
        ref = null;
      } else if (n === 'rPh') phonetic--;
      else if (n === 't' && inT > 0) inT--;
    },
  });
  return notes;
}

export interface NoteChanges {
  /** Cells whose note goes. */
  remove: { row: number; col: number }[];
  /** Notes to write (a note already on the cell is replaced). */
  write: { row: number; col: number; text: string }[];
}

export const EMPTY_COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;

/** The comments part with the changes made. */
export function editComments(xml: string, changes: NoteChanges): string {
  const { rootName, children } = rootChildren(xml);
  const p = rootName.includes(':') ? rootName.slice(0, rootName.indexOf(':') + 1) : '';
  const gone = new Set([...changes.remove, ...changes.write].map((n) => cellAddress(n.row, n.col)));
  const authorsEl = children.find((c) => local(c.name) === 'authors');
  const names: string[] = [];
  if (authorsEl) {
    let cur: string | null = null;
    scanXml(xml.slice(authorsEl.start, authorsEl.end), {
      open: (n) => local(n) === 'author' && (cur = ''),
      text: (t) => cur !== null && (cur += t),
      close: (n) => {
        if (local(n) === 'author' && cur !== null) {
          names.push(cur);
          cur = null;
        }
      },
    });
  }
  let authorId = names.indexOf(OUR_AUTHOR);
  let out = xml;
  const listEl = children.find((c) => local(c.name) === 'commentList');
  const listText = listEl ? xml.slice(listEl.start, listEl.end) : `<${p}commentList></${p}commentList>`;
  const kept: string[] = [];
  let depth = 0;
  let from = 0;
  let keep = true;
  scanXml(listText, {
    open(_n, a, s) {
      depth++;
      if (depth === 2) {
        from = s;
        keep = !gone.has(String(a.ref ?? '').replace(/\$/g, '').toUpperCase());
      }
    },
    close(_n, _s, e) {
      if (depth === 2 && keep) kept.push(listText.slice(from, e + 1));
      depth--;
    },
  });
  if (changes.write.length > 0 && authorId < 0) authorId = names.length;
  const fresh = changes.write.map(
    // One run with its font, as Excel writes notes (some readers only look at runs).
    (n) =>
      `<${p}comment ref="${cellAddress(n.row, n.col)}" authorId="${authorId}"><${p}text><${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr>` +
      `<${p}t xml:space="preserve">${esc(n.text)}</${p}t></${p}r></${p}text></${p}comment>`,
  );
  const listOpen = /^<[^>]*>/.exec(listText)![0].replace(/\/>$/, '>');
  const newList = `${listOpen}${[...kept, ...fresh].join('')}</${p}commentList>`;
  // Replace from the end so earlier offsets stay valid.
  if (listEl) out = out.slice(0, listEl.start) + newList + out.slice(listEl.end);
  else out = out.replace(new RegExp(`</${p}comments>\\s*$`), () => `${newList}</${p}comments>`);
  if (changes.write.length > 0 && names.indexOf(OUR_AUTHOR) < 0) {
    const author = `<${p}author>${OUR_AUTHOR}</${p}author>`;
    if (authorsEl) {
      const a = out.slice(authorsEl.start, authorsEl.end);
      const grown = a.endsWith('/>') ? `${a.slice(0, -2)}>${author}</${p}authors>` : a.replace(new RegExp(`</${p}authors>$`), `${author}</${p}authors>`);
      out = out.slice(0, authorsEl.start) + grown + out.slice(authorsEl.end);
    } else out = out.replace(/(<[\w:]*comments\b[^>]*>)/, `$1<${p}authors>${author}</${p}authors>`);
  }
  return out;
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A new VML drawing for notes; `idBlock` is unique in the workbook (shape ids are idBlock × 1024 + n). */
export function emptyVml(idBlock: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>${SHAPE_TYPE}</xml>`
  );
}

/** The idmap blocks a VML drawing claims (data="1" or "1,2"). */
export function vmlIdBlocks(vml: string): number[] {
  const m = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(vml);
  return m ? m[1].split(/[\s,]+/).filter(Boolean).map(Number) : [];
}

function noteShape(id: number, row: number, col: number): string {
  const r0 = row - 1;
  const c0 = col - 1;
  const anchor = `${c0 + 1}, 15, ${Math.max(r0 - 1, 0)}, 10, ${c0 + 3}, 15, ${r0 + 3}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:144pt;height:79pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r0}</x:Row><x:Column>${c0}</x:Column></x:ClientData></v:shape>`
  );
}

/** The VML drawing with note boxes removed for `changes.remove`, and one box per written note (none twice). */
export function editVml(vml: string, changes: NoteChanges): string {
  const at = (row: number, col: number) => `${row - 1},${col - 1}`;
  const gone = new Set(changes.remove.map((n) => at(n.row, n.col)));
  const present = new Set<string>();
  let out = vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
    if (!/ObjectType="Note"/.test(shape)) return shape;
    const r = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
    const c = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
    const key = `${r},${c}`;
    if (gone.has(key)) return '';
    present.add(key);
    return shape;
  });
  if (!out.includes('_x0000_t202')) out = out.replace(/<\/xml>\s*$/, `${SHAPE_TYPE}</xml>`);
  const block = vmlIdBlocks(out)[0] ?? 1;
  let next = block * 1024 + 1;
  const used = new Set([...out.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1])));
  const shapes: string[] = [];
  for (const n of changes.write) {
    if (present.has(at(n.row, n.col))) continue;
    present.add(at(n.row, n.col));
    while (used.has(next)) next++;
    used.add(next);
    shapes.push(noteShape(next, n.row, n.col));
  }
  return out.replace(/<\/xml>\s*$/, () => `${shapes.join('')}</xml>`);
}
