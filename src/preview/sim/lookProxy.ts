/**
 * What a built sheet's look needs from the simulator: `RangeFormat.verticalAlignment` and `borders`
 * (RangeBorderCollection.getItem → RangeBorder.style / weight, ExcelApi 1.1), and `Worksheet.pageLayout`
 * (orientation, zoom, setPrintTitleRows — ExcelApi 1.9, learn.microsoft.com/javascript/api/excel/excel.pagelayout).
 * Borders are kept as a cell style (the grid draws them); the page setup is kept per sheet for tests to read.
 */
import { SimClientObject } from './clientObject';
import type { SimRequestContext } from './context';
import { invalidArgument } from './errors';
import type { StyleTarget } from './formatProxy';
import { requireApi } from './requirements';
import type { SimSheet } from './sheetModel';

const EDGES = new Set(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical', 'DiagonalDown', 'DiagonalUp']);

export class SimRangeBorders {
  constructor(
    private readonly context: SimRequestContext,
    private readonly resolver: () => StyleTarget | null,
  ) {}

  getItem(index: string): SimRangeBorder {
    if (!EDGES.has(index)) throw invalidArgument(`RangeBorderCollection.getItem: no border "${index}".`);
    return new SimRangeBorder(this.context, this.resolver);
  }
}

export class SimRangeBorder extends SimClientObject<StyleTarget> {
  protected readonly simTypeName = 'RangeBorder';
  constructor(context: SimRequestContext, private readonly resolver: () => StyleTarget | null) {
    super(context);
  }
  protected simResolve(): StyleTarget | null { return this.resolver(); }
  protected simScalars(): Record<string, (t: StyleTarget) => unknown> {
    return { style: (t) => (t.sheet.styleAt(t.rect.top, t.rect.left).borders ? 'Continuous' : 'None'), weight: () => 'Thin' };
  }
  get style(): string { return this.simGet('style'); }
  set style(v: string) { this.simSet('style', v, (t) => t.sheet.applyStyle(t.rect, { borders: v !== 'None' })); }
  get weight(): string { return this.simGet('weight'); }
  set weight(v: string) { this.simSet('weight', v, () => undefined); }
}

export interface SimPageSetup {
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
}

const setups = new WeakMap<SimSheet, SimPageSetup>();

/** The page setup a sheet was given through the API (empty when none). */
export function pageSetupOf(sheet: SimSheet): SimPageSetup {
  return setups.get(sheet) ?? {};
}

function update(sheet: SimSheet, patch: SimPageSetup): void {
  setups.set(sheet, { ...pageSetupOf(sheet), ...patch });
}

export class SimPageLayout extends SimClientObject<SimSheet> {
  protected readonly simTypeName = 'PageLayout';
  constructor(context: SimRequestContext, private readonly resolver: () => SimSheet | null) {
    super(context);
  }
  protected simResolve(): SimSheet | null { return this.resolver(); }
  protected simScalars(): Record<string, (s: SimSheet) => unknown> {
    return { orientation: (s) => pageSetupOf(s).orientation ?? 'Portrait', zoom: (s) => pageSetupOf(s).zoom ?? { scale: 100 } };
  }
  get orientation(): string { return this.simGet('orientation'); }
  set orientation(v: string) {
    this.simSet('orientation', v, (s) => {
      requireApi(this.context, '1.9', 'PageLayout.orientation');
      if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument(`orientation must be Portrait or Landscape, got ${v}`);
      update(s, { orientation: v });
    });
  }
  get zoom(): SimPageSetup['zoom'] { return this.simGet('zoom'); }
  set zoom(v: SimPageSetup['zoom']) {
    this.simSet('zoom', v, (s) => {
      requireApi(this.context, '1.9', 'PageLayout.zoom');
      update(s, { zoom: { ...v } });
    });
  }
  setPrintTitleRows(rows: string): void {
    this.simCall({ rows }, (s) => {
      requireApi(this.context, '1.9', 'PageLayout.setPrintTitleRows');
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw invalidArgument(`setPrintTitleRows wants whole rows ("$2:$2"), got ${rows}`);
      update(s, { printTitleRows: rows });
    });
  }
}
