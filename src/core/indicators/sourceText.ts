/**
 * The 来源 column of 绩效指标完成情况 in words a reader follows ("绩效指标 B18（第2项）"), and back to the key the
 * engine matches rows by ("绩效指标!B18#2"). Keys written by earlier runs are read as they are.
 */
const KEY = /^(.+)!([A-Z]+\d+)(?:#(\d+))?$/;
const TEXT = /^(.+) ([A-Z]+\d+)(?:（第(\d+)项）)?$/;

export function sourceText(key: string): string {
  const m = KEY.exec(key);
  if (!m) return key;
  return `${m[1]} ${m[2]}${m[3] ? `（第${m[3]}项）` : ''}`;
}

export function sourceKey(text: string): string {
  const m = TEXT.exec(text);
  if (!m) return text;
  return `${m[1]}!${m[2]}${m[3] ? `#${m[3]}` : ''}`;
}
