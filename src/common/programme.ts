/**
 * Which rules apply to a data year: the NTM criteria set a commune is assessed against and the poverty standard of
 * the annual review. Declared once here; the generator (data/), the import and the SQL (criteria_sets table, built from
 * data/criteria with these years) all follow it.
 */

export interface YearRule<Id extends string> {
  readonly id: Id;
  readonly from: number;
  readonly to: number;
}

export type CriteriaSetId = 'qd1980' | 'qd318' | 'qd51_2025';

/**
 * QĐ 1980 (2016-2020) was also used for the 2021 assessments (QĐ 318 was issued in 3/2022); QĐ 318 for 2022-2025;
 * QĐ 51/2025 (10 criteria, commune groups) for the post-reform communes from 2026.
 */
export const CRITERIA_SET_YEARS: readonly YearRule<CriteriaSetId>[] = [
  { id: 'qd1980', from: 2016, to: 2021 },
  { id: 'qd318', from: 2022, to: 2025 },
  { id: 'qd51_2025', from: 2026, to: 2030 },
];

/**
 * Multidimensional poverty standards: QĐ 59/2015 for the reviews up to 2021, NĐ 07/2021 from the 2022 review
 * ("tỷ lệ nghèo đa chiều" counts poor + near-poor since then). The 2026-2030 standard is not in our facts yet.
 */
export const POVERTY_STANDARD_YEARS: readonly YearRule<string>[] = [
  { id: 'QĐ 59/2015/QĐ-TTg', from: 2016, to: 2021 },
  { id: 'NĐ 07/2021/NĐ-CP', from: 2022, to: 2025 },
];

/** Data years the atlas accepts: the first year of the 2016-2020 programme to the last of the 2026-2030 one. */
export const PROGRAMME_YEARS = { first: CRITERIA_SET_YEARS[0].from, last: CRITERIA_SET_YEARS[CRITERIA_SET_YEARS.length - 1].to } as const;

/** The first year of the post-reform units (1 July 2025): data of 2026 and later is on the new communes. */
export const FIRST_POST_REFORM_YEAR = 2026;

const ruleOf = <Id extends string>(rules: readonly YearRule<Id>[], year: number): Id | null =>
  rules.find((r) => year >= r.from && year <= r.to)?.id ?? null;

export const criteriaSetOfYear = (year: number): CriteriaSetId | null => ruleOf(CRITERIA_SET_YEARS, year);

/** How many criteria each set has (their names are in data/criteria, which is checked against this). */
export const CRITERIA_COUNT: Readonly<Record<CriteriaSetId, number>> = { qd1980: 19, qd318: 19, qd51_2025: 10 };

/** The number of criteria a commune is assessed against in a data year (x/19 to 2025, x/10 from 2026); null outside the programme. */
export function criteriaCountOfYear(year: number): number | null {
  const id = criteriaSetOfYear(year);
  return id ? CRITERIA_COUNT[id] : null;
}
export const povertyStandardOfYear = (year: number): string | null => ruleOf(POVERTY_STANDARD_YEARS, year);

/** The data years a criteria set is used for, or null when it is used for none. */
export function dataYearsOf(id: CriteriaSetId): { from: number; to: number } | null {
  const rule = CRITERIA_SET_YEARS.find((r) => r.id === id);
  return rule ? { from: rule.from, to: rule.to } : null;
}
