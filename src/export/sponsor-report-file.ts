import type { TFunction } from 'i18next';
import { isIllustrativeProvenance } from '../db/sql/provenance';
import { exportSponsorReportPdf } from './sponsor-report';
import { loadPdfFonts } from './pdf-fonts';
import { downloadBytes, exportFilename, MIME } from './download';
import { rasteriseOnCanvas } from './map-export';
import type { MapScene, MapTexts } from './map-scene';
import { stepTo, type TaskProgress } from './task';
import type { ExportLocale } from './wording';

/** A sponsored commune as the sponsor view shows it: a sponsorCommunesSQL row, with its missing criteria named. */
export interface SponsoredCommuneRow {
  commune_name: string;
  district_name: string;
  from_year: number;
  tier: string | null;
  tier_at_start: string | null;
  criteria_met: number | null;
  /** criteria in the set the row was assessed with (19, or 10 under QĐ 51/2025); null without a row */
  criteria_total: number | null;
  poor_rate: number | null;
  poor_rate_change: number | null;
  ntm_provenance: string | null;
  ntm_start_provenance: string | null;
  poverty_provenance: string | null;
  poverty_start_provenance: string | null;
  missing: { number: number; name_vi: string; name_en: string }[];
}

export const isNtm = (tier: string | null) => tier !== null && tier !== 'chua_dat';

/** How many communes reached the standard since the assignment began. */
export function progressSummary(communes: readonly SponsoredCommuneRow[]) {
  return {
    communes: communes.length,
    ntmNow: communes.filter((c) => isNtm(c.tier)).length,
    reachedSinceAssignment: communes.filter((c) => isNtm(c.tier) && !isNtm(c.tier_at_start)).length,
  };
}

/**
 * Which of a sponsored commune's shown values come from illustrative rows: status, criteria and missing criteria
 * (the year's NTM row), the poverty rate (the year's poverty row), its change (that row and the one at the start).
 */
export function sponsorRowMarks(c: SponsoredCommuneRow): { ntm: boolean; poverty: boolean; change: boolean } {
  const poverty = isIllustrativeProvenance(c.poverty_provenance);
  return {
    ntm: isIllustrativeProvenance(c.ntm_provenance),
    poverty,
    change: c.poor_rate_change !== null && (poverty || isIllustrativeProvenance(c.poverty_start_provenance)),
  };
}

/** Whether the summary ("reached since the assignment") counts an illustrative row, now or at the start. */
export const summaryIllustrative = (communes: readonly SponsoredCommuneRow[]): boolean =>
  communes.some((c) => isIllustrativeProvenance(c.ntm_provenance) || isIllustrativeProvenance(c.ntm_start_provenance));

/** Whether anything the sponsor view (or its report) shows comes from an illustrative row. */
export const sponsorViewIllustrative = (communes: readonly SponsoredCommuneRow[]): boolean =>
  summaryIllustrative(communes) || communes.some((c) => Object.values(sponsorRowMarks(c)).some(Boolean));

/** Builds the one-page sponsor report from what the sponsor view shows, and downloads it. */
export async function exportSponsorReport(
  map: { scene: MapScene; texts: MapTexts } | null,
  sponsor: { sponsor_org: string; sponsor_short: string; basis: string; source: string },
  communes: readonly SponsoredCommuneRow[],
  view: { year: number; locale: ExportLocale; vintage?: string },
  t: TFunction,
  task?: TaskProgress,
): Promise<Uint8Array> {
  await stepTo(task, 'fonts');
  const fonts = await loadPdfFonts();
  await stepTo(task, 'draw');
  const bytes = await exportSponsorReportPdf({
    fonts,
    locale: view.locale,
    sponsor: { name: sponsor.sponsor_org, shortName: sponsor.sponsor_short, basis: sponsor.basis },
    exportDate: new Date(),
    dataYear: view.year,
    vintage: view.vintage,
    map: map ? { ...map, rasterise: rasteriseOnCanvas } : undefined,
    communes: communes.map((c) => ({
      name: c.commune_name,
      districtName: c.district_name,
      status: c.tier ? t(`status.${c.tier}`) : t('status.no_data'),
      criteriaMet: c.criteria_met,
      criteriaTotal: c.criteria_total,
      missing: c.missing.map((m) => t('criteria.numbered', { n: m.number, name: view.locale === 'vi' ? m.name_vi : m.name_en })),
      poorRate: c.poor_rate,
      poorRateChange: c.poor_rate_change,
      sinceYear: c.from_year,
      illustrative: sponsorRowMarks(c),
    })),
    summary: progressSummary(communes),
    sources: [sponsor.basis, sponsor.source, t('map.attribution')],
    illustrative: sponsorViewIllustrative(communes),
  }, task);
  await stepTo(task, 'save');
  downloadBytes(bytes, exportFilename(`bao-cao-do-dau-${sponsor.sponsor_short}`, 'pdf'), MIME.pdf);
  return bytes;
}
