import { useMemo } from 'react';
import { useSql } from '../use-sql';
import { sponsorCommunesSQL, sponsorsSQL } from '../../db/sql/sponsor';
import { criteriaNamesSQL } from '../../db/sql/criteria';

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

export interface SponsorCommune {
  commune_code: string;
  commune_name: string;
  district_name: string;
  from_year: number;
  tier: string | null;
  criteria_met: number | null;
  mask: number | null;
  criteria_set: string | null;
  tier_at_start: string | null;
  poor_rate: number | null;
  poor_rate_change: number | null;
  provenance: string | null;
  /** Names of the criteria not met in the selected year. */
  missing: { number: number; name_vi: string; name_en: string }[];
}

export const isNtm = (tier: string | null) => tier !== null && tier !== 'chua_dat';

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

/** How many communes reached the standard since the assignment began. */
export function progressSummary(communes: SponsorCommune[]) {
  return {
    communes: communes.length,
    ntmNow: communes.filter((c) => isNtm(c.tier)).length,
    reachedSinceAssignment: communes.filter((c) => isNtm(c.tier) && !isNtm(c.tier_at_start)).length,
  };
}
