/**
 * What each table card is called. The engine takes the text right above a table's header as its title; on a sheet
 * of several project tables that is often the same line for all of them ("（2）主要实施项目及预算完成情况"), so the card
 * uses the nearest heading above the table that no other table on the sheet shares ("1.全力以赴抓重点…").
 */
import { tableKey, type SheetSnapshot, type TableReport } from '../../core';

/** Lines above a table, nearest first, up to the previous table (or 6 rows): the first text of each row. */
function headingsAbove(snapshot: SheetSnapshot, table: TableReport, floor: number): string[] {
  const out: string[] = [];
  for (let row = table.headerRows[0] - 1; row > floor && row >= table.headerRows[0] - 6; row--) {
    const cells = snapshot.values[row - snapshot.originRow] ?? [];
    const text = cells.find((v) => typeof v === 'string' && v.trim() !== '');
    if (typeof text === 'string' && !/^单位[:：]/.test(text.trim())) out.push(text.trim());
  }
  return out;
}

/** "（3）主要实施项目…" and "（2）主要实施项目…" are the same heading numbered differently: compare without the number. */
const unnumbered = (text: string) => text.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*/, '');

export function tableTitles(snapshot: SheetSnapshot, tables: TableReport[]): Record<string, string> {
  const sorted = [...tables].sort((a, b) => a.headerRows[0] - b.headerRows[0]);
  const lines = sorted.map((t, i) => headingsAbove(snapshot, t, i > 0 ? sorted[i - 1].lastRow : snapshot.originRow - 1));
  const count = new Map<string, number>();
  for (const l of lines) for (const text of new Set(l.map(unnumbered))) count.set(text, (count.get(text) ?? 0) + 1);
  const titles: Record<string, string> = {};
  sorted.forEach((t, i) => {
    const distinct = lines[i].find((text) => count.get(unnumbered(text)) === 1);
    titles[tableKey(t.sheet, t.headerRows[0])] = distinct ?? t.title ?? `工作表“${t.sheet}”第 ${t.headerRows[0]} 行起的预算表`;
  });
  return titles;
}
