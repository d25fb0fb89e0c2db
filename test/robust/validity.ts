/**
 * Rules Excel enforces on open (it "repairs" a file that breaks them, dropping what it cannot place), checked on
 * the text of the parts: sheet names, sheet-scoped defined names, and the order of a part's top-level elements
 * (ECMA-376 Part 1: CT_Worksheet, CT_Stylesheet, CT_Workbook are sequences).
 */
import { Parser } from 'htmlparser2';

export const SCHEMA_ORDER: Record<'worksheet' | 'styleSheet' | 'workbook', string[]> = {
  worksheet: [
    'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
    'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
    'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
    'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
    'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
  ],
  styleSheet: ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'],
  workbook: [
    'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences',
    'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
    'fileRecoveryPr', 'webPublishObjects', 'extLst',
  ],
};

const local = (n: string) => n.slice(n.indexOf(':') + 1);

interface Parsed {
  root: string;
  /** Local names of the root's children in SpreadsheetML (mc:AlternateContent and the like left out). */
  children: string[];
  sheets: string[];
  localSheetIds: number[];
}

function parse(xml: string): Parsed {
  const out: Parsed = { root: '', children: [], sheets: [], localSheetIds: [] };
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth++;
        if (depth === 1) out.root = local(name);
        else if (depth === 2 && !name.startsWith('mc:')) out.children.push(local(name));
        if (local(name) === 'sheet' && depth === 3) out.sheets.push(attrs.name ?? '');
        if (local(name) === 'definedName' && attrs.localSheetId !== undefined) out.localSheetIds.push(Number(attrs.localSheetId));
      },
      onclosetag() {
        depth--;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml.replace(/^\uFEFF/, ''));
  return out;
}

/** What is out of order in a worksheet, styles or workbook part ([] when nothing, or for another kind of part). */
export function orderProblems(xml: string): string[] {
  const { root, children } = parse(xml);
  const order = SCHEMA_ORDER[root as keyof typeof SCHEMA_ORDER];
  if (!order) return [];
  const problems: string[] = [];
  let last = -1;
  for (const name of children) {
    const rank = order.indexOf(name);
    if (rank < 0) problems.push(`${root}: unknown child ${name}`);
    else if (rank < last) problems.push(`${root}: ${name} after ${order[last]}`);
    else last = rank;
  }
  return problems;
}

/** Sheet names Excel refuses (too long, forbidden characters, duplicates) and local names pointing past the last sheet. */
export function workbookProblems(workbookXml: string): string[] {
  const { sheets, localSheetIds } = parse(workbookXml);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of sheets) {
    if (name.length === 0 || name.length > 31) problems.push(`sheet name of ${name.length} characters: ${name}`);
    if (/[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) problems.push(`sheet name with a forbidden character: ${name}`);
    if (seen.has(name.toLowerCase())) problems.push(`duplicate sheet name: ${name}`);
    seen.add(name.toLowerCase());
  }
  for (const id of localSheetIds) if (id >= sheets.length) problems.push(`definedName localSheetId ${id} of ${sheets.length} sheets`);
  return problems;
}
