/**
 * Match imported rows to administrative units: by GSO code when present (numbers that lost their leading zeros
 * are padded back), otherwise by name within the district/province by the Vietnamese name key (common/vn-name:
 * diacritics, case, prefixes, spacing, numbered wards). Ambiguous and unmatched rows get up to 3 suggestions
 * ranked by string similarity; resolve() lets the user settle them.
 */
import { accentKey, foldWords, nameKey, readName, shortProvinceName, type NameReading } from '../common/vn-name';
import { issue } from './issues';
import { finalize } from './report';
import { similarity } from './text';
import type { ImportedRow, ImportResult, Issue, Suggestion, Unit } from './types';

// ---------------------------------------------------------------------------------------------------------------
// Index

export interface DistrictRef {
  district_code: string;
  district_name: string;
  province_code: string;
  key: string;
}

export interface ProvinceRef {
  province_code: string;
  province_name: string;
  key: string;
}

export interface UnitIndex {
  units: Unit[];
  byCode: Map<string, Unit>;
  byKey: Map<string, Unit[]>;
  byProvince: Map<string, Unit[]>;
  byDistrict: Map<string, Unit[]>;
  districts: DistrictRef[];
  provinces: ProvinceRef[];
  keyOf: Map<Unit, string>;
}

export function buildUnitIndex(units: readonly Unit[]): UnitIndex {
  const idx: UnitIndex = {
    units: [...units],
    byCode: new Map(),
    byKey: new Map(),
    byProvince: new Map(),
    byDistrict: new Map(),
    districts: [],
    provinces: [],
    keyOf: new Map(),
  };
  const push = <K>(m: Map<K, Unit[]>, k: K, u: Unit) => {
    const a = m.get(k);
    if (a) a.push(u);
    else m.set(k, [u]);
  };
  const seenD = new Set<string>();
  const seenP = new Set<string>();
  for (const u of idx.units) {
    idx.byCode.set(u.commune_code, u);
    const key = nameKey(u.commune_name, 'commune');
    idx.keyOf.set(u, key);
    push(idx.byKey, key, u);
    push(idx.byProvince, u.province_code, u);
    push(idx.byDistrict, u.district_code, u);
    if (!seenD.has(u.district_code)) {
      seenD.add(u.district_code);
      idx.districts.push({ district_code: u.district_code, district_name: u.district_name, province_code: u.province_code, key: nameKey(u.district_name, 'district') });
    }
    if (!seenP.has(u.province_code)) {
      seenP.add(u.province_code);
      idx.provinces.push({ province_code: u.province_code, province_name: u.province_name, key: nameKey(u.province_name, 'province') });
    }
  }
  return idx;
}

/** Province by code ("45") or name ("Quảng Trị", "Tỉnh Quảng Trị", "quang tri"). */
export function findProvince(index: UnitIndex, text: string): ProvinceRef | null {
  const t = text.trim();
  if (/^\d{1,2}$/.test(t)) return index.provinces.find((p) => p.province_code === t.padStart(2, '0')) ?? null;
  for (const { key } of readName(t, 'province')) {
    const found = index.provinces.find((p) => p.key === key);
    if (found) return found;
  }
  return null;
}

/** A province named in a title ("... TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ", "tỉnh Bến Tre"): needs the word "tỉnh"/"thành phố". */
export function provinceInText(index: UnitIndex, text: string): ProvinceRef | null {
  const k = foldWords(text);
  const found = index.provinces.filter((p) => {
    const words = foldWords(shortProvinceName(p.province_name));
    return new RegExp(`\\b(tinh|thanh pho|tp) ${words}\\b`).test(k);
  });
  return found.length === 1 ? found[0] : null;
}

function districtsMatching(index: UnitIndex, text: string, provinceCode: string | null): DistrictRef[] {
  const t = text.trim();
  if (/^\d{3}$/.test(t)) return index.districts.filter((d) => d.district_code === t);
  for (const { key } of readName(t, 'district')) {
    const found = index.districts.filter((d) => d.key === key && (!provinceCode || d.province_code === provinceCode));
    if (found.length) return found;
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Matching one row

export interface MatchQuery {
  sourceRow: number;
  code: string | null;
  name: string | null;
  district: string | null;
  districtCode: string | null;
  province: string | null;
  /** Province scope chosen by the caller or found in the title (code). */
  scopeProvince: string | null;
  /** Province the file was detected to belong to (detect.ts), when not the scope: suggestions come from it. */
  suggestFrom?: string | null;
  codeColumn: { column: string | null; columnIndex: number | null };
  nameColumn: { column: string | null; columnIndex: number | null };
  districtColumn: { column: string | null; columnIndex: number | null };
}

export interface MatchOutcome {
  match: ImportedRow['match'];
  unit: Unit | null;
  suggestions: Suggestion[];
  messages: Issue[];
}

const toSuggestion = (u: Unit, score: number): Suggestion => ({
  commune_code: u.commune_code,
  commune_name: u.commune_name,
  commune_type: u.commune_type,
  district_code: u.district_code,
  district_name: u.district_name,
  province_code: u.province_code,
  province_name: u.province_name,
  score: Math.round(score * 1000) / 1000,
});

const describe = (s: Suggestion) => `${s.commune_name} (${s.district_name}, ${s.commune_code})`;

/** Fuzzy suggestions: best 3 units of the pool by similarity of their name keys (>= 0.6), units of the given district first on near ties. */
function fuzzy(index: UnitIndex, key: string, pool: Unit[], preferDistricts: Set<string>): Suggestion[] {
  const scored: [Unit, number, number][] = [];
  for (const u of pool) {
    const k = index.keyOf.get(u)!;
    // similarity >= 0.6 needs the lengths within a factor of 2 (cheap filter before the edit distance)
    if (Math.abs(k.length - key.length) * 2 > Math.max(k.length, key.length)) continue;
    // numbered wards ("Phường 1") are never near-matches of anything else
    if (/^\d+$/.test(k) || /^\d+$/.test(key)) continue;
    const s = similarity(key, k);
    if (s >= 0.6) scored.push([u, s, s + (preferDistricts.has(u.district_code) ? 0.05 : 0)]);
  }
  scored.sort((a, b) => b[2] - a[2] || a[0].commune_code.localeCompare(b[0].commune_code));
  return scored.slice(0, 3).map(([u, s]) => toSuggestion(u, s));
}

export class Matcher {
  private fuzzyCache = new Map<string, Suggestion[]>();
  private readingCache = new Map<string, NameReading[]>();

  constructor(readonly index: UnitIndex) {}

  /** The ways to read a commune name, likeliest first ("Phương Mai" is a name, "phuong mai" may be "Phường Mai"). */
  private readings(name: string): NameReading[] {
    let r = this.readingCache.get(name);
    if (r === undefined) {
      r = readName(name, 'commune');
      this.readingCache.set(name, r);
    }
    return r;
  }

  match(q: MatchQuery): MatchOutcome {
    const messages: Issue[] = [];
    const idx = this.index;
    // province scope: the row's own province column, else the caller's/title's
    let provinceCode = q.scopeProvince;
    let scopeName = provinceCode ? idx.provinces.find((p) => p.province_code === provinceCode)?.province_name ?? null : null;
    if (q.province) {
      const p = findProvince(idx, q.province);
      if (p) {
        provinceCode = p.province_code;
        scopeName = p.province_name;
      } else messages.push(issue('province_unknown', { value: q.province }, { row: q.sourceRow }));
    }
    // 1. by code
    if (q.code) {
      const u = idx.byCode.get(q.code);
      if (u) {
        if (q.scopeProvince && u.province_code !== q.scopeProvince) {
          messages.push(issue('out_of_scope', { unit_name: u.commune_name, province: u.province_name, scope: scopeName ?? q.scopeProvince }, { row: q.sourceRow, ...q.codeColumn }));
        }
        if (q.name && !this.readings(q.name).some((r) => r.key === idx.keyOf.get(u))) {
          messages.push(issue('code_name_mismatch', { code: u.commune_code, unit_name: u.commune_name, district: u.district_name, name: q.name }, { row: q.sourceRow, ...q.nameColumn }));
        }
        return { match: 'code', unit: u, suggestions: [], messages };
      }
    }

    // district scope
    let districts: DistrictRef[] = [];
    const districtText = q.districtCode ?? q.district;
    if (districtText) {
      districts = districtsMatching(idx, districtText, provinceCode);
      if (!districts.length && q.districtCode && q.district) districts = districtsMatching(idx, q.district, provinceCode);
      if (!districts.length) messages.push(issue('district_unknown', { value: districtText, scope: scopeName }, { row: q.sourceRow, ...q.districtColumn }));
      else if (!provinceCode && new Set(districts.map((d) => d.province_code)).size === 1) {
        provinceCode = districts[0].province_code;
        scopeName = idx.provinces.find((p) => p.province_code === provinceCode)?.province_name ?? null;
      }
    }
    const districtCodes = new Set(districts.map((d) => d.district_code));
    const districtLabel = districts.length ? districts[0].district_name : null;

    if (q.code) {
      messages.push(issue('code_not_found', { code: q.code }, { row: q.sourceRow, ...q.codeColumn }));
      // never switch to a name match silently when the code is wrong: suggest instead
      const suggestions = q.name ? this.suggestFor(q, provinceCode, districtCodes) : [];
      return { match: 'unmatched', unit: null, suggestions, messages };
    }

    // 2. by name
    if (!q.name) {
      messages.push(issue('no_unit_id', {}, { row: q.sourceRow }));
      return { match: 'unmatched', unit: null, suggestions: [], messages };
    }
    // the first reading of the name that finds units in the district, else in the province, else the likeliest
    const found = this.readings(q.name).map((reading) => {
      const all = idx.byKey.get(reading.key) ?? [];
      const inProvince = provinceCode ? all.filter((u) => u.province_code === provinceCode) : all;
      return { reading, inProvince, cands: districtCodes.size ? inProvince.filter((u) => districtCodes.has(u.district_code)) : inProvince };
    });
    const chosen = found.find((f) => f.cands.length) ?? found.find((f) => f.inProvince.length) ?? found[0];
    const { reading, inProvince } = chosen;
    let cands = chosen.cands;
    const where = { row: q.sourceRow, ...q.nameColumn };

    if (!cands.length && districtCodes.size && inProvince.length) {
      const suggestions = inProvince.slice(0, 3).map((u) => toSuggestion(u, 1));
      messages.push(issue('not_in_district', { name: q.name, district: districtLabel, list: suggestions.map(describe).join('; ') }, where));
      return { match: 'unmatched', unit: null, suggestions, messages };
    }
    if (cands.length > 1) {
      // tie-breaks: the unit type written in the name ("Xã"/"Phường"/"Thị trấn"), then the diacritics when given
      if (reading.type) {
        const t = cands.filter((u) => u.commune_type === reading.type);
        if (t.length) cands = t;
      }
      if (cands.length > 1 && /[^\x00-\x7f]/.test(q.name)) {
        const a = cands.filter((u) => accentKey(u.commune_name, 'commune') === reading.accent);
        if (a.length) cands = a;
      }
    }
    if (cands.length === 1) return { match: 'name', unit: cands[0], suggestions: [], messages };
    if (cands.length > 1) {
      const sorted = [...cands].sort((a, b) => a.district_name.localeCompare(b.district_name, 'vi') || a.commune_code.localeCompare(b.commune_code));
      const suggestions = sorted.slice(0, 3).map((u) => toSuggestion(u, 1));
      messages.push(issue('name_ambiguous', { name: q.name, count: cands.length, scope: districtLabel ?? scopeName, list: sorted.map((u) => toSuggestion(u, 1)).map(describe).join('; ') }, where));
      return { match: 'ambiguous', unit: null, suggestions, messages };
    }
    const suggestions = this.suggestFor(q, provinceCode, districtCodes);
    messages.push(issue('name_not_found', { name: q.name, scope: districtLabel ?? scopeName, list: suggestions.map(describe).join('; ') }, where));
    return { match: 'unmatched', unit: null, suggestions, messages };
  }

  /** Suggestions for a row found nowhere: from the detected province when there is one, else from its scope. */
  private suggestFor(q: MatchQuery, provinceCode: string | null, districtCodes: Set<string>): Suggestion[] {
    return q.suggestFrom ? this.suggest(q.name!, q.suggestFrom, new Set()) : this.suggest(q.name!, provinceCode, districtCodes);
  }

  /** Up to 3 suggestions for a name: fuzzy within the district, then the province, then everywhere. */
  suggest(name: string, provinceCode: string | null, districtCodes: Set<string>): Suggestion[] {
    const keys = this.readings(name).map((r) => r.key);
    const key = keys[0];
    const cacheKey = `${keys.join('/')}|${provinceCode ?? ''}|${[...districtCodes].join(',')}`;
    const cached = this.fuzzyCache.get(cacheKey);
    if (cached) return cached;
    const idx = this.index;
    const exact = keys.flatMap((k) => idx.byKey.get(k) ?? []).filter((u) => !provinceCode || u.province_code === provinceCode);
    const pool = provinceCode ? (idx.byProvince.get(provinceCode) ?? []) : districtCodes.size ? [...districtCodes].flatMap((d) => idx.byDistrict.get(d) ?? []) : idx.units;
    const more = fuzzy(idx, key, pool, districtCodes).filter((s) => !exact.some((u) => u.commune_code === s.commune_code));
    const out = [...exact.map((u) => toSuggestion(u, 1)), ...more].slice(0, 3);
    this.fuzzyCache.set(cacheKey, out);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Resolving by hand

const MATCH_CODES = new Set(['code_not_found', 'code_name_mismatch', 'out_of_scope', 'district_unknown', 'name_ambiguous', 'name_not_found', 'not_in_district', 'no_unit_id', 'resolved_manually', 'excluded_manually', 'duplicate_dropped']);

/**
 * Settle an ambiguous or unmatched row (or correct any row): assign the unit with `commune_code`, or pass null to
 * exclude the row from the import. The code must be one of the row's suggestions, or a unit of `units` when
 * given. Returns a new result with validation (duplicates included) and the report recomputed.
 */
export function resolve(result: ImportResult, rowNumber: number, commune_code: string | null, units?: UnitIndex): ImportResult {
  const i = result.rows.findIndex((r) => r.sourceRow === rowNumber);
  if (i < 0) throw new Error(`No imported row ${rowNumber}`);
  const row = result.rows[i];
  const kept = row.messages.filter((m) => !MATCH_CODES.has(m.code));
  let next: ImportedRow;
  if (commune_code === null) {
    next = { ...row, commune_code: null, unit: null, match: 'excluded', messages: [...kept, issue('excluded_manually', {}, { row: rowNumber })] };
  } else {
    let unit: Unit | null = units?.byCode.get(commune_code) ?? null;
    if (!unit) {
      const s = row.suggestions.find((x) => x.commune_code === commune_code);
      if (s) {
        const { score: _score, ...u } = s;
        unit = u;
      }
    }
    if (!unit) throw new Error(`Unit ${commune_code} is not a suggestion for row ${rowNumber}; pass the UnitIndex to choose any unit`);
    next = {
      ...row,
      commune_code: unit.commune_code,
      unit,
      match: 'manual',
      messages: [...kept, issue('resolved_manually', { unit_name: unit.commune_name, code: unit.commune_code }, { row: rowNumber })],
    };
  }
  const rows = [...result.rows];
  rows[i] = next;
  return finalize(result, rows);
}

/**
 * Settles rows that give one unit-year with different values: keeps the version of row `keep` (its exact copies
 * stay counted as copies) and leaves the other versions out with their copies, or leaves all out (keep null).
 * `rows` are the conflicting rows as the report lists them (a row and its conflictWith).
 */
export function keepDuplicate(result: ImportResult, rows: readonly number[], keep: number | null): ImportResult {
  const versions = new Set(rows);
  if (keep !== null && !versions.has(keep)) throw new Error(`Row ${keep} is not one of rows ${rows.join(', ')}`);
  const next = result.rows.map((r) => {
    const head = versions.has(r.sourceRow) ? r.sourceRow : r.duplicateOf !== null && versions.has(r.duplicateOf) ? r.duplicateOf : null;
    if (head === null || head === keep) return r;
    const kept = r.messages.filter((m) => !MATCH_CODES.has(m.code));
    const why = keep === null ? issue('excluded_manually', {}, { row: r.sourceRow }) : issue('duplicate_dropped', { kept: keep }, { row: r.sourceRow });
    return { ...r, match: 'excluded' as const, messages: [...kept, why] };
  });
  return finalize(result, next);
}
