import { useMemo } from 'react';
import { useSql } from '../use-sql';
import { sponsorCommunesSQL, sponsorsSQL } from '../../db/sql/sponsor';
import { criteriaNamesSQL } from '../../db/sql/criteria';
import type { SponsoredCommuneRow } from '../../export/sponsor-report-file';

export interface SponsorInfo {
  sponsor_id: string;
  sponsor_org: string;
  sponsor_short: string;
  province_code: string;
  communes: number;
  from_year: number;
  to_year: number;
  basis: string;
  source: string;
}

/**
 * A sponsored commune as the view shows it (the row type is declared beside the report that prints it), with the
 * tier it works towards and its poverty change split at a change of the poverty standard (sponsorCommunesSQL).
 */
export type SponsorCommune = SponsoredCommuneRow & {
  commune_code: string;
  mask: number | null;
  criteria_set: string | null;
  next_tier: string | null;
  /** the first year of the shown year's poverty standard, when the assignment began under another; else null */
  standard_changed_in: number | null;
  change_before: number | null;
  before_from: number | null;
  before_to: number | null;
  change_after: number | null;
  after_from: number | null;
  after_to: number | null;
  before_provenance: string | null;
  after_provenance: string | null;
};

export { isNtm, progressSummary } from '../../export/sponsor-report-file';

export function useSponsors() {
  return useSql<SponsorInfo>(sponsorsSQL, []).rows ?? [];
}

/** A sponsor's communes in a year, with the missing criteria named from the set in force that year. */
export function useSponsorCommunes(id: string | null, year: number): SponsorCommune[] | null {
  const rows = useSql<Omit<SponsorCommune, 'missing'>>(id ? sponsorCommunesSQL : null, [id, year]).rows;
  const set = rows?.find((r) => r.criteria_set)?.criteria_set ?? null;
  const names = useSql<{ number: number; name_vi: string; name_en: string }>(set ? criteriaNamesSQL : null, [set]).rows;
  return useMemo(
    () =>
      rows &&
      rows.map((r) => ({
        ...r,
        missing: r.mask === null || !names ? [] : names.filter((c) => ((r.mask! >> (c.number - 1)) & 1) === 0),
      })),
    [rows, names],
  );
}
