import { useMemo } from 'react';
import { useSql } from '../use-sql';
import { sponsorCommunesSQLOf, sponsorsSQLOf } from '../../db/sql/sponsor';
import { criteriaNamesSQL } from '../../db/sql/criteria';
import type { SponsoredCommuneRow } from '../../export/sponsor-report-file';
import type { Vintage } from '../../common/vintage';

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
 * tier it works towards (sponsorCommunesSQLOf). On the post-reform units one row per new commune and assignment.
 */
export type SponsorCommune = SponsoredCommuneRow & {
  commune_code: string;
  mask: number | null;
  criteria_set: string | null;
  next_tier: string | null;
};

/** A row's key: a commune can hold several assignments (periods; on the post-reform units, former communes). */
export const sponsorRowKey = (c: SponsorCommune) => `${c.commune_code}:${c.former_code ?? ''}:${c.from_year}`;

export { isNtm, progressSummary } from '../../export/sponsor-report-file';

/** The sponsors, each in the province of the vintage shown where its communes are. */
export function useSponsors(vintage: Vintage) {
  return useSql<SponsorInfo>(sponsorsSQLOf(vintage), []).rows ?? [];
}

/** A sponsor's communes on the units shown in a year, with the missing criteria named from the set in force that year. */
export function useSponsorCommunes(id: string | null, year: number, vintage: Vintage): SponsorCommune[] | null {
  const rows = useSql<Omit<SponsorCommune, 'missing'>>(id ? sponsorCommunesSQLOf(vintage) : null, [id, year]).rows;
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
