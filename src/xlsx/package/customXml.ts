/**
 * Custom XML parts (customXml/itemN.xml, related from the workbook part), found by the namespace of their root
 * element — as Office.js's `customXmlParts.getByNamespace` finds them — so a part the add-in wrote is the part the
 * 网页版 reads and rewrites, and the other way round. A new part gets its properties part (itemPropsN.xml, with a
 * fresh item id and the namespace as schema reference) and content type, as Excel itself writes them.
 */
import type { Book } from './book';
import { addDefault, addOverride, addRel, freeRelId, REL, relativeTarget, relsPathOf, resolveTarget } from './opc';
import { freePartName } from './workbookEdit';

const PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

/** The namespace of a part's root element (its default namespace, or its prefix's). */
function rootNamespace(xml: string): string | null {
  const root = /<(?!\?|!)([\w.-]+:)?[\w.-]+\b([^>]*)>/.exec(xml);
  if (!root) return null;
  const prefix = root[1] ? root[1].slice(0, -1) : null;
  const attr = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*"([^"]*)"`).exec(root[2]);
  return attr ? attr[1] : null;
}

/** The workbook's custom XML part of this namespace: its name and text, or null. */
export async function findCustomXml(book: Book, namespace: string): Promise<{ part: string; xml: string } | null> {
  for (const rel of book.workbookRels()) {
    if (rel.type !== REL.customXml || rel.external) continue;
    const part = resolveTarget(book.workbookPart, rel.target);
    const xml = await book.zip.text(part);
    if (xml !== null && rootNamespace(xml) === namespace) return { part, xml };
  }
  return null;
}

/** Writes the part of this namespace: replaces its text when there is one, else adds it with its properties. */
export async function writeCustomXml(book: Book, namespace: string, xml: string): Promise<void> {
  const found = await findCustomXml(book, namespace);
  if (found) {
    book.zip.write(found.part, xml);
    return;
  }
  const part = freePartName(book, 'customXml/item1.xml');
  const props = part.replace(/item(\d*)\.xml$/, 'itemProps$1.xml');
  const itemId = `{${crypto.randomUUID().toUpperCase()}}`;
  book.zip.write(part, xml);
  book.zip.write(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${itemId}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${namespace}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  book.zip.write(
    relsPathOf(part),
    addRel(null, { id: 'rId1', type: REL.customXmlProps, target: props.slice(props.lastIndexOf('/') + 1), external: false }),
  );
  book.workbookRelsXml = addRel(book.workbookRelsXml, { id: freeRelId(book.workbookRels()), type: REL.customXml, target: relativeTarget(book.workbookPart, part), external: false });
  book.contentTypes = addOverride(addDefault(book.contentTypes, 'xml', 'application/xml'), props, PROPS_TYPE);
}
