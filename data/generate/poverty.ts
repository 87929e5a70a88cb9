import type { PublishedFigure } from '../facts/parse.ts';
import { resolveDistrictCode } from '../facts/names.ts';
import type { CommuneUnit, DistrictUnit } from '../model/units.ts';
import { apportion, countForRate, denominatorRange, roundsTo } from './apportion.ts';
import { FIRST_YEAR, YEARS, type FocusCalibration } from './calibration.ts';
import { NEAR_POOR_COUNT, POOR_COUNT, figure, figureValue, scopeNumber } from './figures.ts';
import type { ProvinceLatent } from './latent.ts';
import { Rng } from './rng.ts';

export interface ProvincePoverty {
  codes: string[]; // units of the province, sorted by code
  households: Int32Array[]; // per YEARS index, per unit
  poor: Int32Array[];
  nearPoor: Int32Array[];
}

const TYPE_HOUSEHOLDS: Record<string, { factor: number; min: number; max: number }> = {
  'Xã': { factor: 1, min: 700, max: 3600 },
  'Thị trấn': { factor: 1.4, min: 900, max: 4500 },
  'Phường': { factor: 1.7, min: 1000, max: 6000 },
};
const TYPE_POVERTY: Record<string, number> = { 'Xã': 1, 'Thị trấn': 0.6, 'Phường': 0.35 };

/** Province rates (%) per year for provinces without published figures: decline, jump at the 2022 standard, decline. */
function illustrativeRates(rng: Rng, latent: ProvinceLatent): { poor: number[]; near: number[] } {
  const poor: number[] = [];
  const near: number[] = [];
  let r = latent.prior.poorRate2016 * Math.exp(-0.35 * latent.z);
  let q = 0.45 * r + rng.uniform(2, 4);
  for (const y of YEARS) {
    if (y > FIRST_YEAR && y <= 2021) {
      r *= rng.uniform(0.78, 0.86);
      q *= rng.uniform(0.9, 0.96);
    } else if (y === 2022) {
      r *= rng.uniform(1.5, 1.9);
      q *= rng.uniform(1.1, 1.3);
    } else if (y > 2022) {
      r *= rng.uniform(0.72, 0.82);
      q *= rng.uniform(0.9, 0.96);
    }
    poor.push(r);
    near.push(q);
  }
  return { poor, near };
}

/** Province households per year fixed by published (count, rate) pairs: midpoint of the consistent range. */
function householdAnchors(cal: FocusCalibration, published: readonly PublishedFigure[]): Map<number, number> {
  const anchors = new Map<number, number>();
  YEARS.forEach((y, yi) => {
    let lo = -Infinity;
    let hi = Infinity;
    const pairs: [FocusCalibration['poorRate'][number], string, RegExp][] = [
      [cal.poorRate[yi], 'poor_rate', POOR_COUNT],
      [cal.nearPoorRate[yi], 'near_poor_rate', NEAR_POOR_COUNT],
    ];
    for (const [spec, indicator, pattern] of pairs) {
      if (spec !== 'fact') continue;
      const row = figure(published, cal.province_code, indicator, y);
      const count = scopeNumber(row, pattern);
      if (count === null) continue;
      const [a, b] = denominatorRange(figureValue(row), count);
      lo = Math.max(lo, a);
      hi = Math.min(hi, b);
    }
    if (lo > hi) throw new Error(`province ${cal.province_code} ${y}: published counts and rates need incompatible household totals`);
    if (Number.isFinite(lo)) anchors.set(y, Math.floor((lo + hi) / 2));
  });
  return anchors;
}

function provinceHouseholdTotals(anchors: Map<number, number>, growth: number): number[] {
  const years = [...anchors.keys()].sort((a, b) => a - b);
  return YEARS.map((y) => {
    if (anchors.has(y)) return anchors.get(y)!;
    const before = years.filter((a) => a < y).pop();
    const after = years.find((a) => a > y);
    if (before !== undefined && after !== undefined) {
      const f = (y - before) / (after - before);
      return Math.round(anchors.get(before)! * Math.pow(anchors.get(after)! / anchors.get(before)!, f));
    }
    const ref = before ?? after!;
    return Math.round(anchors.get(ref)! * Math.pow(1 + growth, y - ref));
  });
}

export interface ProvincePovertyPlan {
  province_code: string;
  units: readonly CommuneUnit[]; // all units of the province, sorted by code
  districts: readonly DistrictUnit[];
  development: ReadonlyMap<string, number>;
  latent: ProvinceLatent;
  calibration: FocusCalibration | null;
  published: readonly PublishedFigure[];
  growth: number;
}

export function generateProvincePoverty(seed: number, plan: ProvincePovertyPlan): ProvincePoverty {
  const rng = new Rng(seed, `poverty:${plan.province_code}`);
  const units = plan.units;
  const cal = plan.calibration;
  const dev = units.map((u) => plan.development.get(u.commune_code) ?? 0);
  const base = units.map((u, i) => {
    const t = TYPE_HOUSEHOLDS[u.commune_type] ?? TYPE_HOUSEHOLDS['Xã'];
    const h = (cal?.householdsMedian ?? plan.latent.prior.householdsMedian) * t.factor * Math.exp(0.35 * rng.normal() + 0.3 * Math.min(dev[i], 1));
    return Math.min(t.max, Math.max(t.min, h));
  });
  const growth = units.map((u) => plan.growth + rng.uniform(-0.004, 0.004) + (u.commune_type === 'Phường' ? 0.004 : 0));
  const povertyFactor = units.map((u, i) => Math.exp(-0.5 * dev[i] + 0.25 * rng.normal()) * (TYPE_POVERTY[u.commune_type] ?? 1));
  const rates = illustrativeRates(rng, plan.latent);

  const anchors = cal ? householdAnchors(cal, plan.published) : new Map<number, number>();
  const totals = anchors.size > 0 ? provinceHouseholdTotals(anchors, cal!.householdGrowth) : null;

  let district: { codes: Set<string>; share: number } | null = null;
  const out: ProvincePoverty = { codes: units.map((u) => u.commune_code), households: [], poor: [], nearPoor: [] };
  const yearData = YEARS.map((y, yi) => {
    const raw = base.map((b, i) => b * Math.pow(1 + growth[i], y - FIRST_YEAR));
    const households = totals ? apportion(totals[yi], raw) : Int32Array.from(raw, (x) => Math.round(x));
    const H = households.reduce((a, b) => a + b, 0);
    let poorTotal: number;
    let nearTotal: number;
    const combined = cal?.combined?.find((c) => c.year === y);
    if (combined) {
      const total = countForRate(figureValue(figure(plan.published, plan.province_code, 'combined_poverty_rate', y)), H);
      poorTotal = Math.round(total * combined.poorShare);
      nearTotal = total - poorTotal;
    } else {
      poorTotal = totalFor(cal ? cal.poorRate[yi] : rates.poor[yi], 'poor_rate', POOR_COUNT, y, H, plan);
      nearTotal = totalFor(cal ? cal.nearPoorRate[yi] : rates.near[yi], 'near_poor_rate', NEAR_POOR_COUNT, y, H, plan);
    }
    return { households, poorTotal, nearTotal };
  });

  if (cal?.districtPoor) {
    const dp = cal.districtPoor;
    const code = resolveDistrictCode(plan.districts, plan.province_code, dp.district_name, true).district.district_code;
    const codes = new Set(units.filter((u) => u.district_code === code).map((u) => u.commune_code));
    const yd = yearData[dp.year - FIRST_YEAR];
    const rate = figureValue(figure(plan.published, plan.province_code, dp.indicator, dp.year));
    let Hd = units.reduce((s, u, i) => s + (codes.has(u.commune_code) ? yd.households[i] : 0), 0);
    // Small districts: not every household total admits a count with that 2-decimal rate. Move a few households
    // between the district's and the rest's largest units (province total unchanged) until one does.
    const shift = nearestFeasibleShift(rate, Hd);
    if (shift !== 0) {
      const largest = (inside: boolean): number => units.reduce((best, u, i) => (codes.has(u.commune_code) === inside && (best < 0 || yd.households[i] > yd.households[best]) ? i : best), -1);
      yd.households[largest(true)] += shift;
      yd.households[largest(false)] -= shift;
      Hd += shift;
    }
    const Pd = countForRate(rate, Hd);
    district = { codes, share: Pd / yd.poorTotal };
  }

  yearData.forEach(({ households, poorTotal, nearTotal }) => {
    const poor = new Int32Array(units.length);
    const weightsPoor = units.map((_, i) => households[i] * povertyFactor[i]);
    const capsPoor = units.map((_, i) => Math.floor(0.9 * households[i]));
    const blocks = district
      ? [units.map((u) => district!.codes.has(u.commune_code)), units.map((u) => !district!.codes.has(u.commune_code))]
      : [units.map(() => true)];
    const blockTotals = district ? [Math.round(district.share * poorTotal), 0] : [poorTotal];
    if (district) blockTotals[1] = poorTotal - blockTotals[0];
    blocks.forEach((inBlock, b) => {
      const idx = units.map((_, i) => i).filter((i) => inBlock[i]);
      const part = apportion(blockTotals[b], idx.map((i) => weightsPoor[i]), idx.map((i) => capsPoor[i]));
      idx.forEach((i, k) => (poor[i] = part[k]));
    });
    const near = apportion(
      nearTotal,
      units.map((_, i) => households[i] * Math.sqrt(povertyFactor[i])),
      units.map((_, i) => Math.min(Math.floor(0.6 * households[i]), households[i] - poor[i])),
    );
    out.households.push(households);
    out.poor.push(poor);
    out.nearPoor.push(near);
  });
  return out;
}

/** Smallest |k| (k ≥ -50..50, preferring +) such that some count of denominator + k rounds to ratePct. */
function nearestFeasibleShift(ratePct: number, denominator: number): number {
  for (let k = 0; k <= 50; k++)
    for (const d of k === 0 ? [0] : [k, -k]) {
      const c = Math.round((ratePct / 100) * (denominator + d));
      if (roundsTo(ratePct, c, denominator + d)) return d;
    }
  throw new Error(`No household total near ${denominator} gives a count at ${ratePct}%`);
}

function totalFor(spec: number | 'fact', indicator: string, pattern: RegExp, year: number, H: number, plan: ProvincePovertyPlan): number {
  if (spec !== 'fact') return Math.round((spec / 100) * H);
  const row = figure(plan.published, plan.province_code, indicator, year);
  const count = scopeNumber(row, pattern);
  if (count === null) return countForRate(figureValue(row), H);
  if (!roundsTo(figureValue(row), count, H)) throw new Error(`${indicator} ${plan.province_code}/${year}: ${count} of ${H} is not ${row.value}%`);
  return count;
}
