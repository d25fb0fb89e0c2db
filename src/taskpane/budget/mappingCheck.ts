/**
 * A column mapping the engine would plan nonsense from, said in words: two meanings on one column, or an amount
 * the rates need left unmapped. The pane shows these on the table's card and does not write until they are fixed.
 */
import type { TableReport } from '../../core';
import { ROLE_LABEL } from './labels';
import type { MappableRole } from './types';

const AMOUNTS: MappableRole[] = ['initial', 'adjusted', 'actual'];
const ROLES: MappableRole[] = ['name', 'initial', 'adjusted', 'actual', 'executionRate', 'adjustmentRate'];

export function mappingProblems(table: TableReport): string[] {
  const problems: string[] = [];
  const byLetter = new Map<string, MappableRole[]>();
  for (const role of ROLES) {
    const letter = table.columns[role];
    if (letter) byLetter.set(letter, [...(byLetter.get(letter) ?? []), role]);
  }
  for (const [letter, roles] of byLetter)
    if (roles.length > 1) problems.push(`${roles.map((r) => `“${ROLE_LABEL[r]}”`).join('和')}都对应 ${letter} 列：每项请选不同的列。`);
  for (const role of AMOUNTS)
    if (!table.columns[role]) problems.push(`“${ROLE_LABEL[role]}”没有对应的列：请选择它所在的列，否则无法计算执行率和调整率。`);
  return problems;
}
