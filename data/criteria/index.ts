import type { CriteriaSetDef } from './types.ts';
import { criteriaSetOfYear } from '../../src/common/programme.ts';
import { QD1980 } from './qd1980.ts';
import { QD318 } from './qd318.ts';
import { QD51_2025 } from './qd51-2025.ts';

export type { CriteriaSetDef, CriterionDef, CriteriaGroup } from './types.ts';
export { QD1980, QD318, QD51_2025 };

export const CRITERIA_SETS: readonly CriteriaSetDef[] = [QD1980, QD318, QD51_2025];

/** Criteria set used to assess a commune in a data year (the rule is src/common/programme.ts). */
export function criteriaSetForYear(year: number): CriteriaSetDef {
  const id = criteriaSetOfYear(year);
  const set = CRITERIA_SETS.find((s) => s.id === id);
  if (!set) throw new Error(`No criteria set is assigned to data year ${year}`);
  return set;
}

export function criterionId(setId: string, n: number): string {
  return `${setId}.${n}`;
}
