/**
 * The look of a sheet the engine builds (Plan.looks, Plan.pageSetup): bold, fill, wrap, alignment, thin borders;
 * landscape, one page wide, header rows repeated. Queue-only: applyPlan sends it with the rest of the request.
 *
 * API sets: RangeFormat (font.bold, fill.color, wrapText, horizontal/verticalAlignment) and RangeBorderCollection
 * ("[API set: ExcelApi 1.1]"); Worksheet.pageLayout, PageLayout.orientation, zoom, setPrintTitleRows
 * ("[API set: ExcelApi 1.9]", learn.microsoft.com/javascript/api/excel/excel.pagelayout) — the manifest's minimum.
 */
import type { PageSetup, RangeLook } from '../core';
import { rectAddress } from '../core';

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;

export function queueLooks(sheet: Excel.Worksheet, looks: RangeLook[] | undefined): number {
  for (const look of looks ?? []) {
    const { rect } = look;
    const format = sheet.getRange(rectAddress(rect)).format;
    if (look.bold !== undefined) format.font.bold = look.bold;
    if (look.fill) format.fill.color = look.fill;
    if (look.wrap) {
      format.wrapText = true;
      format.verticalAlignment = 'Center';
    }
    if (look.horizontal) format.horizontalAlignment = HORIZONTAL[look.horizontal];
    if (look.borders) {
      const edges: (Excel.BorderIndex | 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      // Inside borders exist only where there is an inside.
      if (rect.bottom > rect.top) edges.push('InsideHorizontal');
      if (rect.right > rect.left) edges.push('InsideVertical');
      for (const edge of edges) {
        const border = format.borders.getItem(edge);
        border.style = 'Continuous';
        border.weight = 'Thin';
      }
    }
  }
  return looks?.length ?? 0;
}

export function queuePageSetup(sheet: Excel.Worksheet, setup: PageSetup | undefined): boolean {
  if (!setup) return false;
  const layout = sheet.pageLayout;
  layout.orientation = setup.landscape ? 'Landscape' : 'Portrait';
  if (setup.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
  if (setup.titleRows) layout.setPrintTitleRows(`$${setup.titleRows.first}:$${setup.titleRows.last}`);
  return true;
}
