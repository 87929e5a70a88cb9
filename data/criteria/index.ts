import type { CriteriaSetDef } from './types.ts';
import { QD1980 } from './qd1980.ts';
import { QD318 } from './qd318.ts';
import { QD51_2025 } from './qd51-2025.ts';

export type { CriteriaSetDef, CriterionDef, CriteriaGroup } from './types.ts';
export { QD1980, QD318, QD51_2025 };

export const CRITERIA_SETS: readonly CriteriaSetDef[] = [QD1980, QD318, QD51_2025];

/** Criteria set used to assess a commune in a data year of the illustrative table. */
export function criteriaSetForYear(year: number): CriteriaSetDef {
  const set = CRITERIA_SETS.find((s) => s.data_years_from !== null && year >= s.data_years_from && year <= (s.data_years_to ?? year));
  if (!set) throw new Error(`No criteria set is assigned to data year ${year}`);
  return set;
}

export function criterionId(setId: string, n: number): string {
  return `${setId}.${n}`;
}
