/**
 * Which province a file is about, from its rows: each row (of a sample) is looked up by code and by name in
 * every candidate unit list (the pre-reform list the app matches against, and others such as the post-reform
 * list once they are loaded), and each province counts the rows it has a unit for. A file read while another
 * province is shown gets a proposal ("matches 25 of 27 rows in Bến Tre: switch?"), and its fix-up suggestions
 * come from that province rather than from the one shown.
 */
import { readName } from '../common/vn-name';
import type { UnitIndex } from './match';
import type { ProvinceGuess, UnitVintage } from './types';

/** A unit list the rows are scored against: the vintage (which reform's units) and its index. */
export interface UnitSet {
  vintage: UnitVintage;
  index: UnitIndex;
}

/** What a row offers for detection: its code, or its commune name with the district written beside it. */
export interface DetectRow {
  code: string | null;
  name: string | null;
  district: string | null;
}

/** Rows scored at most (spread over the file): enough to tell provinces apart, cheap for 200,000 rows. */
export const DETECT_SAMPLE = 2000;

function sample<T>(rows: readonly T[], n: number): T[] {
  if (rows.length <= n) return [...rows];
  const step = rows.length / n;
  return Array.from({ length: n }, (_, i) => rows[Math.floor(i * step)]);
}

/** The provinces of one unit list that have a unit for the row. */
function provincesOf(index: UnitIndex, districtKey: ReadonlyMap<string, string>, row: DetectRow): Set<string> {
  const out = new Set<string>();
  if (row.code) {
    const u = index.byCode.get(row.code);
    if (u) out.add(u.province_code);
    return out;
  }
  if (!row.name) return out;
  const districtKeys = row.district ? new Set(readName(row.district, 'district').map((r) => r.key)) : null;
  for (const { key } of readName(row.name, 'commune')) {
    for (const u of index.byKey.get(key) ?? []) {
      if (districtKeys && !districtKeys.has(districtKey.get(u.district_code) ?? '')) continue;
      out.add(u.province_code);
    }
  }
  return out;
}

/**
 * The province (over all unit lists) that most rows match, and how many rows match within `scope` (a province
 * code of the first list, or null for the whole list). Null when no row can be scored.
 */
export function scoreProvinces(rows: readonly DetectRow[], sets: readonly UnitSet[], scope: string | null): ProvinceGuess | null {
  const scored = sample(rows.filter((r) => r.code || r.name), DETECT_SAMPLE);
  if (!scored.length || !sets.length) return null;
  let best: ProvinceGuess | null = null;
  let scopeMatched = 0;
  sets.forEach((set, s) => {
    const counts = new Map<string, number>();
    const districtKey = new Map(set.index.districts.map((d) => [d.district_code, d.key]));
    for (const row of scored) {
      const provinces = provincesOf(set.index, districtKey, row);
      for (const p of provinces) counts.set(p, (counts.get(p) ?? 0) + 1);
      if (s === 0 && provinces.size > 0 && (scope === null || provinces.has(scope))) scopeMatched++;
    }
    for (const [code, matched] of counts) {
      if (best && matched <= best.matched) continue;
      const name = set.index.provinces.find((p) => p.province_code === code)?.province_name ?? code;
      best = { vintage: set.vintage, province_code: code, province_name: name, matched, scored: scored.length, scopeMatched: 0 };
    }
  });
  return best ? { ...(best as ProvinceGuess), scopeMatched } : null;
}

/**
 * The province to propose, when the rows fit it clearly better than the scope: it matches more rows than the
 * province shown, and at least half of them. The national view matches against every province: nothing to propose.
 */
export function proposal(guess: ProvinceGuess | null, scope: string | null, vintage: UnitVintage): ProvinceGuess | null {
  if (!guess || guess.matched === 0 || scope === null) return null;
  if (guess.vintage === vintage && guess.province_code === scope) return null;
  return guess.matched > guess.scopeMatched && guess.matched >= 0.5 * guess.scored ? guess : null;
}
