import type { ImportResult } from '../import';
import { searchKey } from '../i18n/collate';

export interface ImportTables {
  communeYear: Record<string, unknown>[];
  sponsorship: Record<string, unknown>[];
  poverty: Record<string, unknown>[];
  /** province-years the import covers (for "replace" mode) */
  scope: { province_code: string; year: number }[];
  /** rows accepted but not usable, with why (no year) — reported, never dropped silently */
  skipped: { row: number; reason: 'no_year' }[];
}

const criteriaSetOfYear = (year: number) => (year >= 2022 ? 'qd318' : 'qd1980');
const povertyStandard = (year: number) => (year >= 2022 ? 'NĐ 07/2021/NĐ-CP' : 'QĐ 59/2015/QĐ-TTg');

/**
 * Accepted rows of an import as rows of the model. Numerators and denominators are stored; a rate given
 * without counts stays in the report but cannot become a row (the model derives rates). A tier not written
 * in the file is taken from the recognition year, or "not yet" when only criteria are given.
 */
export function importTables(result: ImportResult): ImportTables {
  const out: ImportTables = { communeYear: [], sponsorship: [], poverty: [], scope: [], skipped: [] };
  const scope = new Set<string>();
  const source = (row: number) => `${result.file}${result.sheet ? ` / ${result.sheet}` : ''}, dòng ${row}`;
  for (const r of result.rows) {
    if (r.rejected || !r.commune_code || !r.unit) continue;
    const v = r.values;
    if (v.sponsor_org) {
      const org = v.sponsor_org.normalize('NFC');
      out.sponsorship.push({
        sponsor_id: sponsorSlug(r.unit.province_code, org),
        sponsor_org: org,
        sponsor_short: initials(org),
        province_code: r.unit.province_code,
        commune_code: r.commune_code,
        commune_name: r.unit.commune_name,
        district_name: r.unit.district_name,
        from_year: v.year ?? result.year.value,
        to_year: null,
        basis: null,
        source: source(r.sourceRow),
      });
    }
    const year = v.year ?? result.year.value;
    if (year === null || year === undefined) {
      out.skipped.push({ row: r.sourceRow, reason: 'no_year' });
      continue;
    }
    scope.add(`${r.unit.province_code}|${year}`);
    const hasNtm = v.criteria_met_count !== null || v.tier !== null || v.recognised_year !== null;
    if (hasNtm && r.unit.commune_type === 'Xã') {
      const tier = v.tier ?? (v.recognised_year !== null && v.recognised_year <= year ? 'dat_chuan' : v.criteria_met_count !== null ? 'chua_dat' : null);
      out.communeYear.push({
        commune_code: r.commune_code,
        year,
        criteria_set: criteriaSetOfYear(year),
        criteria_met_count: v.criteria_met_count,
        criteria_met_mask: null,
        tier,
        recognised_year: v.recognised_year,
        ntm_year: tier && tier !== 'chua_dat' ? v.recognised_year : null,
        decision_no: v.decision_no,
        fell_back: false,
        provenance: 'imported',
        source: source(r.sourceRow),
      });
    }
    if (v.households !== null || v.poor !== null || v.near_poor !== null) {
      out.poverty.push({
        unit_code: r.commune_code,
        unit_level: 'commune',
        year,
        households: v.households,
        poor: v.poor,
        near_poor: v.near_poor,
        standard: povertyStandard(year),
        provenance: 'imported',
        source: source(r.sourceRow),
      });
    }
  }
  out.scope = [...scope].map((k) => ({ province_code: k.split('|')[0], year: Number(k.split('|')[1]) }));
  return out;
}

/** "Hội Liên hiệp Phụ nữ tỉnh" in province 45 -> "45-hoi-lien-hiep-phu-nu-tinh": stable, URL-safe, ASCII. */
export function sponsorSlug(province: string, org: string): string {
  return `${province}-${searchKey(org).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`.slice(0, 64);
}

const initials = (org: string) =>
  org
    .split(/\s+/)
    .filter((w) => w.length > 0 && w[0] === w[0].toUpperCase())
    .map((w) => w[0])
    .join('')
    .slice(0, 8);
