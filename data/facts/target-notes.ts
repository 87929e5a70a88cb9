/**
 * Targets that the facts publish inside the note of another target row (published_figures.csv, scope_note), as
 * rows of their own so the scorecard can score each: Tuyên Quang's "of the communes meeting NTM: 30% advanced and
 * over 10% model; poverty down 2-2.5 points per year", Bến Tre's "poverty under 4%", Quảng Trị's "poverty rate
 * down 1-1.5 points per year". Each names the words of the note it is read from: the build fails when the note no
 * longer says so (the facts file changed), so a sub-target never outlives its source.
 */
import { parseValue, type PublishedFigure } from './parse.ts';

export interface NoteTarget {
  /** the target row whose note states it: province, indicator and year of that row */
  parent: { province_code: string; indicator: string; year: number };
  /** the words of the parent's note this target is read from (must appear in it) */
  quote: string;
  indicator: string;
  value: string;
  unit: string;
}

export const NOTE_TARGETS: readonly NoteTarget[] = [
  {
    parent: { province_code: '08', indicator: 'target_share_communes_ntm', year: 2025 },
    quote: 'of the communes meeting NTM: 30% advanced',
    indicator: 'target_share_advanced_of_ntm', value: '30', unit: 'percent',
  },
  {
    parent: { province_code: '08', indicator: 'target_share_communes_ntm', year: 2025 },
    quote: 'over 10% model',
    indicator: 'target_share_model_of_ntm', value: '10', unit: 'percent',
  },
  {
    parent: { province_code: '08', indicator: 'target_share_communes_ntm', year: 2025 },
    quote: 'poverty down 2-2.5 points per year',
    indicator: 'target_poor_rate_reduction_points_per_year', value: '2-2.5', unit: 'points per year',
  },
  {
    parent: { province_code: '45', indicator: 'target_poor_households_reduced_per_year', year: 2025 },
    quote: 'poverty rate down 1-1.5 points per year',
    indicator: 'target_poor_rate_reduction_points_per_year', value: '1-1.5', unit: 'points per year',
  },
  {
    parent: { province_code: '83', indicator: 'target_communes_ntm', year: 2020 },
    quote: 'poverty under 4%',
    indicator: 'target_poor_rate_max', value: '4', unit: 'percent',
  },
];

/** The id of a target row: province, target year and indicator without its prefix ("45-2025-share_communes_ntm"). */
export const targetId = (province: string, year: number, indicator: string): string => `${province}-${year}-${indicator.slice('target_'.length)}`;

/**
 * The sub-targets of the published target rows, as published figures of their parent's province, date and source,
 * with the quoted words as their note. Throws when a parent is missing or its note does not contain the quote.
 */
export function noteTargets(published: readonly PublishedFigure[]): (PublishedFigure & { parent_id: string })[] {
  return NOTE_TARGETS.map((n) => {
    const parent = published.find((r) => r.province_code === n.parent.province_code && r.indicator === n.parent.indicator && r.year === n.parent.year);
    const where = `${n.parent.province_code} ${n.parent.indicator} ${n.parent.year}`;
    if (!parent) throw new Error(`target-notes: no published row ${where} for "${n.indicator}"`);
    if (!parent.scope_note.includes(n.quote)) throw new Error(`target-notes: the note of ${where} no longer says "${n.quote}"`);
    const v = parseValue(n.value);
    return {
      ...parent,
      indicator: n.indicator, value: n.value, value_num: v.num, value_min: v.min, value_max: v.max, unit: n.unit,
      scope_note: n.quote, parent_id: targetId(parent.province_code, parent.year, parent.indicator),
    };
  });
}
