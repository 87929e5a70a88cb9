import type { TFunction } from 'i18next';
import { isIllustrativeProvenance } from '../db/sql/provenance';
import { exportSponsorReportPdf, type PovertySpan } from './sponsor-report';
import { loadPdfFonts } from './pdf-fonts';
import { downloadBytes, exportFilename, MIME } from './download';
import { rasteriseOnCanvas } from './map-export';
import type { MapScene, MapTexts } from './map-scene';
import { stepTo, type TaskProgress } from './task';
import type { ExportLocale } from './wording';
import { formatPercent, type Locale } from '../i18n/catalogue';

/** A sponsored commune as the sponsor view shows it: a sponsorCommunesSQLOf row, with its missing criteria named. */
export interface SponsoredCommuneRow {
  commune_name: string;
  district_name: string | null;
  from_year: number;
  tier: string | null;
  tier_at_start: string | null;
  criteria_met: number | null;
  /** criteria in the set the row was assessed with (19, or 10 under QĐ 51/2025); null without a row */
  criteria_total: number | null;
  poor_rate: number | null;
  poor_rate_change: number | null;
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
  ntm_provenance: string | null;
  ntm_start_provenance: string | null;
  poverty_provenance: string | null;
  poverty_start_provenance: string | null;
  /** on the post-reform units: the pre-reform commune the assignment was made to (null: made to this one) */
  former_code: string | null;
  former_name: string | null;
  /** the part of the former commune this one received ('full' or 'partial'; share and how it was measured) */
  part_type: string | null;
  share: number | null;
  share_method: string | null;
  /** the former commune's last status and poor rate up to the shown year, with their years */
  last_tier: string | null;
  last_tier_year: number | null;
  last_poor_rate: number | null;
  last_poverty_year: number | null;
  /** before 2026 on the post-reform units: how many of the commune's former rural communes were NTM, in former_year */
  former_ntm: number | null;
  former_rural: number | null;
  former_year: number | null;
  /** the poor rate rests on a split former commune's apportioned households */
  approximate: boolean;
  missing: { number: number; name_vi: string; name_en: string }[];
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The change of a commune's poor rate since the assignment began, split where the poverty standard changed (2022:
 * NĐ 07/2021 counts more households poor) so that no figure compares two measures: one span per standard, each over
 * its own years (a run of one year under the old standard measures nothing and is left out). Null when the
 * standard did not change: the one change since the start is poor_rate_change.
 */
export function povertySpans(c: SponsoredCommuneRow): PovertySpan[] | null {
  if (c.standard_changed_in === null) return null;
  const spans: PovertySpan[] = [];
  if (c.before_from !== null && c.before_to !== null && c.before_to > c.before_from) {
    spans.push({ from: c.before_from, to: c.before_to, change: c.change_before, illustrative: c.change_before !== null && isIllustrativeProvenance(c.before_provenance) });
  }
  spans.push({ from: c.after_from ?? c.standard_changed_in, to: c.after_to ?? c.standard_changed_in, change: c.change_after, illustrative: c.change_after !== null && isIllustrativeProvenance(c.after_provenance) });
  return spans;
}

/** The year the poverty standard changed within some commune's assignment (the view's and report's note), or null. */
export const standardChangedIn = (communes: readonly SponsoredCommuneRow[]): number | null =>
  communes.find((c) => c.standard_changed_in !== null)?.standard_changed_in ?? null;

/**
 * The status of a row: its own tier; on the post-reform units before a recognition of their own (never inherited
 * from the former communes), that there is none yet and how many former communes were NTM.
 */
export function statusText(c: SponsoredCommuneRow, t: Translate, none = '–'): string {
  if (c.tier) return t(`status.${c.tier}`);
  if (c.former_rural === null || c.former_year === null) return none;
  return `${t('vintage.noOwnStatus')}; ${t('vintage.formerNtm', { k: c.former_ntm ?? 0, n: c.former_rural, year: c.former_year })}`;
}

/**
 * The history of a post-reform row assigned through a former commune: "formerly Xã Tân Liên (Huyện Hướng Hóa),
 * whole · Meets NTM standard in 2025 · poor rate 3.6% in 2025"; null for a row of the units it was assigned on.
 * `formerly: false` leaves out the "formerly" for a column whose header already says it (the report's "Former commune").
 */
export function formerText(c: SponsoredCommuneRow, t: Translate, locale: Locale, { formerly = true } = {}): string | null {
  if (!c.former_code) return null;
  const name = c.district_name ? `${c.former_name ?? c.former_code} (${c.district_name})` : (c.former_name ?? c.former_code);
  const part = c.share_method === 'whole' ? t('vintage.whole') : t('vintage.part', { share: formatPercent(c.share ?? 0, locale, 0) });
  return [
    `${formerly ? t('sponsor.formerly', { name }) : name}, ${part}`,
    c.last_tier && t('sponsor.formerStatus', { status: t(`status.${c.last_tier}`), year: c.last_tier_year }),
    c.last_poor_rate !== null && t('sponsor.formerPoor', { rate: formatPercent(c.last_poor_rate, locale), year: c.last_poverty_year }),
  ]
    .filter(Boolean)
    .join(' · ');
}

export const isNtm = (tier: string | null) => tier !== null && tier !== 'chua_dat';

/**
 * How many communes reached the standard since the assignment began. On the post-reform units before any of them
 * has a recognition of its own (`former`): how many of the former communes assigned were NTM in their last year.
 */
export function progressSummary(communes: readonly SponsoredCommuneRow[]) {
  const formerOnly = communes.length > 0 && communes.every((c) => c.tier === null && c.former_code !== null);
  const former = new Map(communes.map((c) => [c.former_code, c]));
  return {
    communes: communes.length,
    ntmNow: communes.filter((c) => isNtm(c.tier)).length,
    reachedSinceAssignment: communes.filter((c) => isNtm(c.tier) && !isNtm(c.tier_at_start)).length,
    former: formerOnly
      ? {
          count: former.size,
          ntm: [...former.values()].filter((c) => isNtm(c.last_tier)).length,
          year: Math.max(...[...former.values()].map((c) => c.last_tier_year ?? 0)),
        }
      : null,
  };
}

/**
 * Which of a sponsored commune's shown values come from illustrative rows: status, criteria and missing criteria
 * (the year's NTM row), the poverty rate (the year's poverty row), its change (that row and the one at the start;
 * split at a change of the poverty standard, the rows of each span).
 */
export function sponsorRowMarks(c: SponsoredCommuneRow): { ntm: boolean; poverty: boolean; change: boolean } {
  const poverty = isIllustrativeProvenance(c.poverty_provenance);
  return {
    ntm: isIllustrativeProvenance(c.ntm_provenance),
    poverty,
    change:
      povertySpans(c)?.some((span) => span.illustrative) ??
      (c.poor_rate_change !== null && (poverty || isIllustrativeProvenance(c.poverty_start_provenance))),
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
    // on the post-reform units the district column names the former commune each assignment was made to
    formerColumn: communes.some((c) => c.former_code !== null),
    communes: communes.map((c) => ({
      name: c.commune_name,
      districtName: formerText(c, t, view.locale, { formerly: false }) ?? c.district_name ?? '',
      status: statusText(c, t, t('status.no_data')),
      criteriaMet: c.criteria_met,
      criteriaTotal: c.criteria_total,
      missing: c.missing.map((m) => t('criteria.numbered', { n: m.number, name: view.locale === 'vi' ? m.name_vi : m.name_en })),
      poorRate: c.poor_rate,
      approximate: c.approximate,
      poorRateChange: c.poor_rate_change,
      povertySpans: povertySpans(c),
      sinceYear: c.from_year,
      illustrative: sponsorRowMarks(c),
    })),
    standardChangedIn: standardChangedIn(communes),
    summary: progressSummary(communes),
    sources: [sponsor.basis, sponsor.source, t('map.attribution')],
    illustrative: sponsorViewIllustrative(communes),
  }, task);
  await stepTo(task, 'save');
  downloadBytes(bytes, exportFilename(`bao-cao-do-dau-${sponsor.sponsor_short}`, 'pdf'), MIME.pdf);
  return bytes;
}
