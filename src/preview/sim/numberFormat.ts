/**
 * Text a cell shows for its value and number format, for the preview grid. Covers the formats budget tables
 * use: General, 0, 0.00, #,##0, #,##0.00, 0%, 0.00%, @, sections ("#,##0.00;[Red]-#,##0.00") and quoted text.
 * Not a full implementation of Excel's format language (no dates, fractions or scientific notation).
 */
export type DisplayValue = string | number | boolean | null;

/** Excel's General format: up to 11 significant characters, no trailing zeros. */
export function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  if (Math.abs(n) >= 1e11 || (Math.abs(n) < 1e-9 && n !== 0)) return n.toExponential(5).replace(/\.?0+e/, 'E').replace('E+', 'E+');
  const intDigits = Math.max(1, Math.floor(Math.log10(Math.abs(n))) + 1);
  const decimals = Math.max(0, 10 - intDigits);
  return n.toFixed(decimals).replace(/\.?0+$/, '');
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function withThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function restoreLiterals(text: string, literals: string[]): string {
  return text.replace(/[\ue000-\uefff]/g, (ch) => literals[ch.charCodeAt(0) - 0xe000] ?? '');
}

/** Formats |n| with one section of a format code; the caller adds the sign. */
function formatSection(section: string, n: number): string {
  // Colours and conditions ("[Red]", "[>=100]") change how a cell looks, not its text.
  const code = section.replace(/\[[^\]]*\]/g, '');
  const literalParts: string[] = [];
  const skeleton = code.replace(/"([^"]*)"|\\(.)/g, (_m, quoted: string | undefined, escaped: string | undefined) => {
    literalParts.push(quoted ?? escaped ?? '');
    // One private-use character per literal, so no digit of the placeholder is read as part of the number.
    return String.fromCharCode(0xe000 + literalParts.length - 1);
  });
  const numberPart = /[0#?][0#?,]*(\.[0#?]+)?/.exec(skeleton);
  if (!numberPart) return restoreLiterals(skeleton, literalParts);
  const percent = (skeleton.match(/%/g) ?? []).length;
  const value = n * 100 ** percent;
  const decimals = numberPart[1] ? numberPart[1].length - 1 : 0;
  const fixed = value.toFixed(decimals);
  const [intPart, frac] = fixed.split('.');
  const grouped = numberPart[0].includes(',') ? withThousands(intPart) : intPart;
  const intText = /^[#?,]*$/.test(numberPart[0].split('.')[0]) && intPart === '0' ? '' : grouped;
  const text = frac !== undefined ? `${intText}.${frac}` : intText;
  const out = skeleton.slice(0, numberPart.index) + text + skeleton.slice(numberPart.index + numberPart[0].length);
  return restoreLiterals(out, literalParts);
}

export function formatValue(value: DisplayValue, numberFormat: string | undefined): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const format = numberFormat && numberFormat !== 'General' ? numberFormat : 'General';
  if (typeof value === 'string') {
    const textSection = splitSections(format)[3];
    return textSection ? textSection.replace(/@/g, value).replace(/"/g, '') : value;
  }
  if (format === 'General' || format === '@') return formatGeneral(value);
  const sections = splitSections(format);
  if (value < 0 && sections.length > 1) return formatSection(sections[1], -value);
  if (value === 0 && sections.length > 2) return formatSection(sections[2], 0);
  const text = formatSection(sections[0], Math.abs(value));
  return value < 0 && !/^0*[.,]?0*$/.test(text.replace(/[^\d.,]/g, '')) ? `-${text}` : text;
}
