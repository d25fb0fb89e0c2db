/**
 * The standard self-evaluation forms (DOMAIN.md §6): what kind of form a sheet is, where its blocks are, and what
 * the report says about it. A form is one sheet holding a budget block and an indicator block, with title,
 * information, goal and closing rows around them that belong to neither.
 */
import type { IndicatorTableLayout } from '../indicators/findTables';
import type { TotalsCheck } from '../budget/report';
import type { SchemeId } from '../schemes';

export type FormKind = 'national-project' | 'provincial-project' | 'department';

/** Chinese names of the kinds, as the pane and the printed summary show them. */
export const FORM_LABEL: Record<FormKind, string> = {
  'national-project': '项目支出绩效自评表（财预〔2020〕10号）',
  'provincial-project': '项目支出绩效自评表（省级格式）',
  department: '部门整体支出绩效自评表',
};

export interface FormLayout {
  kind: FormKind;
  /** First header row of the budget block. */
  budgetHeaderRow: number;
  /** The first row after the budget header where another block starts (goal, indicators, closing rows). */
  budgetEnd: number;
  /** The indicator block, read as any indicator table is. */
  indicators: IndicatorTableLayout | null;
  /** The form's title (the longest text above the budget block), for the report. */
  title: string | null;
}

/** The budget block's own 分值 / 权重 and 得分 columns, and its total row (the only row they are filled on). */
export interface FormBudgetCells {
  totalRow: number | null;
  weightCol: number | null;
  scoreCol: number | null;
  rateCol: number | null;
}

export interface FormReport {
  sheet: string;
  kind: FormKind;
  /** Chinese name of the kind. */
  label: string;
  title: string | null;
  /** The scoring scheme used, and where it comes from. */
  scheme: { id: SchemeId; label: string; source: string; official: boolean };
  budget: {
    firstRow: number;
    lastRow: number;
    totalRow: number | null;
    /** A1 cells of the total row (null where the form has no such cell). */
    rateCell: string | null;
    weightCell: string | null;
    scoreCell: string | null;
    /** 分值 × MIN(执行率, 1) (or the scheme's rule), as the report computes it; null when it cannot be. */
    score: number | null;
    weight: number;
  } | null;
  indicators: {
    headerRow: number;
    firstRow: number;
    lastRow: number;
    scoreColumn: string | null;
    weightColumn: string | null;
    /** The 总分 / 合计 cell filled with the total, when the form has one. */
    totalCell: string | null;
    /** Rows whose 得分 is a formula of ours; rows the user must score (qualitative, unreadable) with the reason. */
    formulas: number;
    unscored: { row: number; name: string; reason: string }[];
  } | null;
  /** Columns a plain table would have had added and a form does not get (the form is never widened), in Chinese. */
  notAdded: string[];
  /** Total row = the sum of its parts (其中 and the rows under it): real differences only are reported. */
  partsCheck: TotalsCheck[];
  /** Cells the user typed that were left alone (得分 typed by hand). */
  kept: string[];
}
