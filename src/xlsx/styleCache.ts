/**
 * Number formats for many cells without one style object per cell. exceljs shares one style object among
 * all cells read with the same style, and its writer recognises a style object it has seen before (a
 * WeakMap) but serialises every new object to find its index. Giving 100,000 rate cells their own copies
 * costs about a second at save time; handing out one copy per (original style, format) costs nothing.
 * Copies are never changed in place, so sharing them is safe.
 */
import type ExcelJS from 'exceljs';

type Style = Partial<ExcelJS.Style>;

export class NumberFormatStyles {
  private readonly derived = new WeakMap<object, Map<string, Style>>();
  /** Equal styles in different objects (new cells in a formatted column each get a fresh copy) meet here. */
  private readonly byContent = new Map<string, Map<string, Style>>();
  /** Cells without any style of their own (new cells) all get the same object per format. */
  private readonly plain = new Map<string, Style>();

  /** The style of `cell` with `numFmt` set, shared with every other cell that had the same style. */
  styleWith(cell: ExcelJS.Cell, numFmt: string): Style {
    const base = cell.style as Style | undefined;
    if (!base || Object.keys(base).length === 0) return this.cached(this.plain, numFmt, () => ({ numFmt }));
    if (base.numFmt === numFmt) return base;
    let byFormat = this.derived.get(base);
    if (!byFormat) {
      const content = JSON.stringify(base);
      byFormat = this.byContent.get(content) ?? new Map<string, Style>();
      this.byContent.set(content, byFormat);
      this.derived.set(base, byFormat);
    }
    return this.cached(byFormat, numFmt, () => ({ ...base, numFmt }));
  }

  private cached(map: Map<string, Style>, key: string, make: () => Style): Style {
    let style = map.get(key);
    if (!style) {
      style = make();
      map.set(key, style);
    }
    return style;
  }
}
