/**
 * What applyPlan must know before it changes anything, and only when the plan needs it: which conditional
 * formats on the sheet are the out-of-date rules of ours to remove (ranges + formula, as the engine matched
 * them in the snapshot; a rule added in parts is found as one, ruleAreas.ts), and which notes are now at the cells the plan writes notes to — so that a note the
 * user wrote or edited since the snapshot is never overwritten. One sync for notes and rule list, one more for
 * the rules' ranges (Office.js has no way to load them with the collection).
 *
 * Notes are read as text: the writer addresses them again by cell on the sheet it writes to. That is what lets a
 * sheet made by copying (next year's) be planned from its source: the copy carries the source's notes, so the
 * source's notes are what the copy will hold when the same batch writes to it.
 */
import { cellAddress, type ConditionalFormatRule, type Plan } from '../core';
import { bareArea, sameRule, splitAreaList } from './areas';
import { joinRuleParts } from './ruleAreas';

export interface RuleToRemove {
  /** The Excel rules it was added as (one, or the parts of a rule over many areas: ruleAreas.ts). */
  items: Excel.ConditionalFormat[];
  /** What the rule was, so undo can put it back. */
  rule: ConditionalFormatRule;
}

export interface Discovery {
  rulesToRemove: RuleToRemove[];
  /** Text of the notes now at the cells the plan touches, keyed "row,col". */
  notes: Map<string, string>;
  /** The fill of the header cell left of each header row the plan adds, keyed "row,col" of the added header. */
  headerFills: Map<string, string>;
  syncs: number;
}

export const noteKey = (row: number, col: number) => `${row},${col}`;

export const nothingFound = (): Discovery => ({ rulesToRemove: [], notes: new Map(), headerFills: new Map(), syncs: 0 });

/**
 * `sheet` is where the notes are read (the plan's sheet, or the source of a copy); rules are only looked for when
 * `withRules` (never on a copy's source: its rules are the source's own, not ours to delete).
 */
export async function discover(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: Plan,
  options: { notes: boolean; rules: boolean },
): Promise<Discovery> {
  const found = nothingFound();
  const cells = options.notes ? [...plan.notes, ...plan.removeNotes] : [];
  const needRules = options.rules && plan.removeConditionalFormats.length > 0;
  // An added header column takes the look of the header beside it (its fill): read it with the rest.
  const heads = plan.writes.filter((w) => w.headerStyle && w.col > 1).flatMap((w) => w.inputs.map((_, i) => ({ row: w.row + i, col: w.col })));
  if (!needRules && cells.length === 0 && heads.length === 0) return found;

  const cfs = needRules
    ? sheet
        .getRange()
        .conditionalFormats.load(
          'items/priority, items/stopIfTrue, items/customOrNullObject/rule/formula, ' +
            'items/customOrNullObject/format/fill/color, items/customOrNullObject/format/font/color',
        )
    : null;
  const noteProxies = new Map<string, Excel.Note>();
  for (const c of cells) {
    const key = noteKey(c.row, c.col);
    // NoteCollection.getItemOrNullObject(cell address): ExcelApi 1.18.
    if (!noteProxies.has(key)) noteProxies.set(key, sheet.notes.getItemOrNullObject(cellAddress(c.row, c.col)).load('content'));
  }
  const fills = heads.map((h) => ({ key: noteKey(h.row, h.col), fill: sheet.getRange(cellAddress(h.row, h.col - 1)).format.fill.load('color') }));
  await context.sync();
  found.syncs++;
  for (const [key, note] of noteProxies) if (!note.isNullObject) found.notes.set(key, note.content);
  for (const f of fills) if (f.fill.color && f.fill.color.toUpperCase() !== '#FFFFFF') found.headerFills.set(f.key, f.fill.color);
  if (!cfs) return found;

  const custom = cfs.items.filter((cf) => !cf.customOrNullObject.isNullObject);
  const ranges = custom.map((cf) => cf.getRanges().load('address'));
  await context.sync();
  found.syncs++;
  const read = custom.map((cf, i) => ({ ranges: splitAreaList(ranges[i].address).map(bareArea), formula: cf.customOrNullObject.rule.formula }));
  const look = (i: number) => {
    const format = custom[i].customOrNullObject.format;
    return `${format.fill.color ?? ''}|${format.font.color ?? ''}|${custom[i].stopIfTrue}`;
  };
  for (const rule of joinRuleParts(read, (a, b) => look(a) === look(b))) {
    if (!plan.removeConditionalFormats.some((r) => sameRule(r, rule))) continue;
    const first = custom[rule.members[0]];
    const format = first.customOrNullObject.format;
    found.rulesToRemove.push({
      items: rule.members.map((i) => custom[i]),
      rule: {
        rule: 'restored',
        ranges: rule.ranges,
        formula: rule.formula,
        style: { fill: format.fill.color ?? '', font: format.font.color ?? '' },
        priority: first.priority,
        stopIfTrue: first.stopIfTrue,
      },
    });
  }
  return found;
}
