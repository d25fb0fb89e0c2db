/**
 * Scoring schemes as data (DOMAIN.md §3 and §6): how the budget line and the indicators of a self-evaluation are
 * scored. Each says where it comes from; a scheme not taken from an official text says so (`official: false`).
 * A scheme is chosen in the settings (`scheme`) and on the command line (`--scheme`); 'auto' takes the scheme of the
 * form a sheet is (the national form's for project forms, the department scheme for department forms) and, on a
 * sheet that is not a form, the settings' own `scoring` (the financial-department defaults unless changed).
 */
import type { ScoringSettings } from './settings';

export type SchemeId = 'national-project' | 'finance-defaults' | 'department-guangdong';

export interface SchemeGroup {
  /** 一级 group name, and the pattern that recognises it in a 一级指标 cell. */
  name: string;
  points: number;
  pattern: string;
  /** Scored by the user item by item (管理效率), never by a formula. */
  userEntered?: boolean;
}

export interface ScoringScheme {
  id: SchemeId;
  /** Chinese name shown in the pane and the report. */
  label: string;
  /** Where the numbers come from. */
  source: string;
  /** True only when the whole scheme is stated in an official text. */
  official: boolean;
  /** 预算执行率 points and rule, lower-is-better variant. */
  scoring: ScoringSettings;
  /** Cap the budget line's score at its 分值 (MIN(执行率, 1)): filed copies do. */
  executionCap: boolean;
  /** Decimals the budget line's 得分 shows (the total always adds the unrounded score). */
  executionDecimals: number;
  /** Points of the 一级 groups besides 预算执行率, for the weight checks and the default split. */
  groups: SchemeGroup[];
}

/** 产出 50, 效益 30, 满意度 10 (财预〔2020〕10号, "原则上"); 成本指标 counts with 产出. */
const PROJECT_GROUPS: SchemeGroup[] = [
  { name: '产出指标', points: 50, pattern: '产出|成本' },
  { name: '效益指标', points: 30, pattern: '效益|效果' },
  { name: '满意度指标', points: 10, pattern: '满意' },
];

export const SCHEMES: Record<SchemeId, ScoringScheme> = {
  'national-project': {
    id: 'national-project',
    label: '项目支出绩效自评（财预〔2020〕10号）',
    source:
      '财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）附件项目支出绩效自评表：预算执行率 10 分，产出 50、效益 30、满意度 10（原则上）；' +
      '低者为优的指标按 目标值/实际值 计分取自已公开的自评表',
    official: true,
    scoring: { executionWeight: 10, executionRule: 'linear', lowerIsBetter: 'ratio' },
    executionCap: true,
    executionDecimals: 2,
    groups: PROJECT_GROUPS,
  },
  'finance-defaults': {
    id: 'finance-defaults',
    label: '财务部门默认规则（非官方）',
    source:
      '本工具的默认：预算执行率 min(执行率,100%)×10，产出 50、效益 30、满意度 10，低者为优按偏离度 (1−(实际−目标)/目标) 计分；综合多地做法，非官方文本',
    official: false,
    scoring: { executionWeight: 10, executionRule: 'linear', lowerIsBetter: 'deviation' },
    executionCap: true,
    executionDecimals: 2,
    groups: PROJECT_GROUPS,
  },
  'department-guangdong': {
    id: 'department-guangdong',
    label: '部门整体支出（取自广东人社部门自评报告，非官方）',
    source:
      '取自种子报告 001–003（广东省人社部门 2022–2024 年部门整体支出绩效自评报告）：履职效能 50（产出 20、效益 20、部门预算资金支出率 10）+ 管理效率 50（用户逐项填写）；' +
      '未找到广东省官方指标表，按报告整理，非官方文本',
    official: false,
    scoring: { executionWeight: 10, executionRule: 'linear', lowerIsBetter: 'ratio' },
    executionCap: true,
    executionDecimals: 2,
    groups: [
      { name: '产出指标', points: 20, pattern: '产出' },
      { name: '效益指标', points: 20, pattern: '效益|效果' },
      { name: '管理效率', points: 50, pattern: '管理', userEntered: true },
    ],
  },
};

export const SCHEME_IDS = Object.keys(SCHEMES) as SchemeId[];

/** Short names accepted on the command line besides the ids. */
const ALIASES: Record<string, SchemeId> = {
  national: 'national-project',
  project: 'national-project',
  finance: 'finance-defaults',
  default: 'finance-defaults',
  defaults: 'finance-defaults',
  department: 'department-guangdong',
  guangdong: 'department-guangdong',
};

/** The scheme a name means ('auto' for auto), or null when it is not one. */
export function schemeIdOf(name: string): SchemeId | 'auto' | null {
  const n = name.trim().toLowerCase();
  if (n === 'auto') return 'auto';
  if ((SCHEME_IDS as string[]).includes(n)) return n as SchemeId;
  return ALIASES[n] ?? null;
}

/** The scheme a form kind is scored by when the settings say 'auto'. */
export function schemeForForm(kind: 'national-project' | 'provincial-project' | 'department'): SchemeId {
  return kind === 'department' ? 'department-guangdong' : 'national-project';
}
