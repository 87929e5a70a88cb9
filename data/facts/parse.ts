import { foldDiacritics } from '../../src/common/vn-name.ts';
import type { CsvRow, CommuneUnit, DistrictUnit, FactsInput } from '../model/units.ts';
import type { Tier } from '../model/tables.ts';
import { resolveDistrictCode, type NameMatch } from './names.ts';

export interface PublishedFigure {
  province_code: string;
  province_name: string;
  ref_date: string;
  year: number;
  indicator: string;
  value: string;
  value_num: number | null;
  value_min: number | null;
  value_max: number | null;
  unit: string;
  scope_note: string;
  source: string;
}

export interface DistrictRecognition {
  province_code: string;
  district_code: string;
  district_name: string;
  district_name_official: string;
  level: 'huyen_ntm' | 'hoan_thanh_nhiem_vu';
  year: number;
  decision: string | null;
  source: string;
  match: NameMatch;
}

export interface CommuneRecognition {
  province_code: string;
  commune_code: string;
  commune_name: string;
  district_name: string;
  tier: Exclude<Tier, 'chua_dat'>;
  year: number;
  source: string;
}

export interface Sponsorship {
  sponsor_id: string;
  sponsor_org: string;
  sponsor_short: string;
  province_code: string;
  commune_code: string;
  commune_name: string;
  district_name: string;
  period: string;
  from_year: number;
  to_year: number;
  basis: string;
  source: string;
}

export interface Facts {
  published: PublishedFigure[];
  districtRecognitions: DistrictRecognition[];
  communeRecognitions: CommuneRecognition[];
  sponsorships: Sponsorship[];
}

function need(row: CsvRow, col: string, file: string): string {
  const v = row[col];
  if (v === undefined) throw new Error(`${file}: column "${col}" missing`);
  return v;
}

function year(text: string, what: string): number {
  const y = Number(text);
  if (!Number.isInteger(y) || y < 1990 || y > 2100) throw new Error(`${what}: bad year "${text}"`);
  return y;
}

/** "31" → 31; "1800-2200" → range (value_num null). */
export function parseValue(value: string): { num: number | null; min: number | null; max: number | null } {
  const v = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    return { num: n, min: n, max: n };
  }
  const range = /^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)$/.exec(v);
  if (range) return { num: null, min: Number(range[1]), max: Number(range[2]) };
  throw new Error(`published_figures: value "${value}" is neither a number nor a range`);
}

const PROVINCE_SLUGS: Record<string, string> = { '45': 'qt', '08': 'tq', '83': 'bt' };

/** Stable sponsor id: province slug + short name, e.g. 'qt-hnd'. */
export function sponsorId(provinceCode: string, short: string): string {
  const slug = PROVINCE_SLUGS[provinceCode] ?? `p${provinceCode}`;
  return `${slug}-${foldDiacritics(short).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

const LEVEL_TO_TIER: Record<string, CommuneRecognition['tier']> = { ntm: 'dat_chuan', nang_cao: 'nang_cao', kieu_mau: 'kieu_mau' };

/** Parses and validates the facts rows against the unit list; throws on unknown codes, names or levels. */
export function parseFacts(input: FactsInput, communes: readonly CommuneUnit[], districts: readonly DistrictUnit[]): Facts {
  const communeByCode = new Map(communes.map((c) => [c.commune_code, c]));
  const checkCommune = (file: string, code: string, name: string, province: string): void => {
    const unit = communeByCode.get(code);
    if (!unit) throw new Error(`${file}: commune code ${code} (${name}) is not in the unit list`);
    if (unit.province_code !== province) throw new Error(`${file}: commune ${code} is in province ${unit.province_code}, not ${province}`);
    if (unit.commune_name.normalize('NFC') !== name.normalize('NFC'))
      throw new Error(`${file}: commune ${code} is "${unit.commune_name}" in the unit list, not "${name}"`);
  };

  const published = input.published_figures.map((r): PublishedFigure => {
    const f = 'published_figures.csv';
    const ref = need(r, 'ref_date', f);
    const v = parseValue(need(r, 'value', f));
    return {
      province_code: need(r, 'province_code', f), province_name: need(r, 'province_name', f), ref_date: ref,
      year: year(ref.slice(0, 4), `${f} ref_date`), indicator: need(r, 'indicator', f), value: r.value,
      value_num: v.num, value_min: v.min, value_max: v.max, unit: need(r, 'unit', f), scope_note: need(r, 'scope_note', f),
      source: need(r, 'source', f),
    };
  });

  const districtRecognitions = input.district_recognitions.map((r): DistrictRecognition => {
    const f = 'district_recognitions.csv';
    const level = need(r, 'level', f);
    if (level !== 'huyen_ntm' && level !== 'hoan_thanh_nhiem_vu') throw new Error(`${f}: unknown level "${level}"`);
    const { district, match } = resolveDistrictCode(districts, need(r, 'province_code', f), need(r, 'district_name', f));
    return {
      province_code: r.province_code, district_code: district.district_code, district_name: r.district_name,
      district_name_official: district.district_name, level, year: year(need(r, 'year', f), f),
      decision: need(r, 'decision', f) || null, source: need(r, 'source', f), match,
    };
  });

  const communeRecognitions = input.commune_recognitions.map((r): CommuneRecognition => {
    const f = 'commune_recognitions.csv';
    const tier = LEVEL_TO_TIER[need(r, 'level', f)];
    if (!tier) throw new Error(`${f}: unknown level "${r.level}"`);
    checkCommune(f, need(r, 'commune_code', f), need(r, 'commune_name', f), need(r, 'province_code', f));
    return {
      province_code: r.province_code, commune_code: r.commune_code, commune_name: r.commune_name,
      district_name: need(r, 'district_name', f), tier, year: year(need(r, 'year', f), f), source: need(r, 'source', f),
    };
  });

  const sponsorships = input.sponsorships.map((r): Sponsorship => {
    const f = 'sponsorships.csv';
    const period = need(r, 'period', f);
    const m = /^(\d{4})\s*-\s*(\d{4})$/.exec(period);
    if (!m) throw new Error(`${f}: period "${period}" is not YYYY-YYYY`);
    checkCommune(f, need(r, 'commune_code', f), need(r, 'commune_name', f), need(r, 'province_code', f));
    return {
      sponsor_id: sponsorId(r.province_code, need(r, 'sponsor_short', f)), sponsor_org: need(r, 'sponsor_org', f),
      sponsor_short: r.sponsor_short, province_code: r.province_code, commune_code: r.commune_code, commune_name: r.commune_name,
      district_name: need(r, 'district_name', f), period, from_year: Number(m[1]), to_year: Number(m[2]),
      basis: need(r, 'basis', f), source: need(r, 'source', f),
    };
  });

  return { published, districtRecognitions, communeRecognitions, sponsorships };
}
