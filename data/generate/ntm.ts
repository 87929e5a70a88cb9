import type { CommuneRecognition } from '../facts/parse.ts';
import type { Tier } from '../model/tables.ts';
import type { CommuneUnit } from '../model/units.ts';
import { ADVANCED_FROM, FIRST_YEAR, LAST_YEAR, MODEL_FROM, YEARS, type CriteriaAnchor } from './calibration.ts';
import { ALL_19, criteriaPrefixMasks, drawAnchorValues } from './criteria-counts.ts';
import { Rng } from './rng.ts';
import { scheduleYears, type ScheduleItem } from './schedule.ts';

/** Constraints on one commune, from district and commune recognitions (facts). */
export interface CommuneConstraints {
  ntmDeadline: number;
  ntmExact: number | null;
  advancedDeadline: number;
  advancedExact: number | null;
  modelExact: number | null;
  facts: CommuneRecognition[];
}

export function emptyConstraints(): CommuneConstraints {
  return { ntmDeadline: Infinity, ntmExact: null, advancedDeadline: Infinity, advancedExact: null, modelExact: null, facts: [] };
}

/** Tightens constraints so that the commune has the recognised tier from the fact's year on. */
export function applyCommuneFact(c: CommuneConstraints, f: CommuneRecognition): void {
  c.facts.push(f);
  if (f.tier === 'dat_chuan') c.ntmExact = f.year;
  if (f.tier === 'nang_cao') {
    c.advancedExact = f.year;
    c.ntmDeadline = Math.min(c.ntmDeadline, f.year - 1);
  }
  if (f.tier === 'kieu_mau') {
    c.modelExact = f.year;
    c.advancedDeadline = Math.min(c.advancedDeadline, f.year - 1);
    c.ntmDeadline = Math.min(c.ntmDeadline, f.year - 2);
  }
}

export interface ProvinceNtmPlan {
  province_code: string;
  communes: readonly CommuneUnit[]; // the province's Xã, sorted by code
  development: ReadonlyMap<string, number>;
  constraints: ReadonlyMap<string, CommuneConstraints>;
  ntm: readonly number[]; // cumulative targets per YEARS
  advanced: readonly number[];
  model: readonly number[];
  anchor: CriteriaAnchor;
}

/** Per-commune result: one entry per YEARS index. */
export interface CommuneNtmPath {
  code: string;
  ntmYear: number | null;
  advancedYear: number | null;
  modelYear: number | null;
  counts: Int32Array;
  masks: Int32Array;
  fellBack: Uint8Array;
  tiers: Tier[];
  recognisedYear: (number | null)[];
  decision: (string | null)[];
  fact: (CommuneRecognition | null)[];
}

const FALL_BACK_CHANCE = 0.04;
const MIN_COUNT = 2;
const PRE_2016_WEIGHTS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.25]; // recognised in 2011..2016 when NTM by 2016

export function generateProvinceNtm(seed: number, plan: ProvinceNtmPlan): CommuneNtmPath[] {
  const p = plan.province_code;
  const rng = new Rng(seed, `ntm:${p}`);
  const n = plan.communes.length;
  const con = plan.communes.map((c) => plan.constraints.get(c.commune_code) ?? emptyConstraints());
  const dev = plan.communes.map((c) => plan.development.get(c.commune_code) ?? 0);

  // 1. Years reaching NTM, nâng cao, kiểu mẫu.
  const ntmItems: ScheduleItem[] = dev.map((d, i) => ({
    score: d + 0.3 * rng.normal(), earliest: FIRST_YEAR, deadline: con[i].ntmDeadline, exact: con[i].ntmExact,
  }));
  const ntmSched = scheduleYears(ntmItems, YEARS, plan.ntm, `province ${p} NTM`);
  const advItems: ScheduleItem[] = dev.map((d, i) => ({
    score: d + 0.7 * rng.normal(),
    earliest: ntmSched[i] === null ? Infinity : Math.max(ADVANCED_FROM, ntmSched[i]! + 1),
    deadline: con[i].advancedDeadline, exact: con[i].advancedExact,
  }));
  const advSched = scheduleYears(advItems, YEARS, plan.advanced, `province ${p} nâng cao`);
  const modelItems: ScheduleItem[] = dev.map((d, i) => ({
    score: d + 0.7 * rng.normal(),
    earliest: advSched[i] === null ? Infinity : Math.max(MODEL_FROM, advSched[i]! + 1),
    deadline: Infinity, exact: con[i].modelExact,
  }));
  const modelSched = scheduleYears(modelItems, YEARS, plan.model, `province ${p} kiểu mẫu`);
  const ntmYear = ntmSched.map((y, i) =>
    y === FIRST_YEAR && con[i].ntmExact !== FIRST_YEAR ? FIRST_YEAR - 5 + rng.weighted(PRE_2016_WEIGHTS) : y,
  );

  // 2. Criteria counts in the anchor year for the communes not yet NTM then (closest to recognition → highest).
  const A = plan.anchor.year;
  const anchored = [...Array(n).keys()]
    .filter((i) => ntmYear[i] === null || ntmYear[i]! > A)
    .sort((a, b) => (ntmYear[a] ?? 9999) - (ntmYear[b] ?? 9999) || ntmItems[b].score - ntmItems[a].score || a - b);
  const anchorValues = drawAnchorValues(anchored.length, plan.anchor, rng);
  const anchorOf = new Map(anchored.map((i, k) => [i, anchorValues[k]]));

  // 3. Fall-backs: a few plain-NTM communes without fact/district constraints drop 1-3 criteria for 1-2 years.
  const constrained = (i: number): boolean => con[i].facts.length > 0 || Number.isFinite(con[i].ntmDeadline) || con[i].ntmExact !== null;
  const decisions = new Map<string, string>();
  const decisionRng = new Rng(seed, `decisions:${p}`);
  const decisionFor = (district: string, level: string, year: number): string => {
    const key = `${district}|${level}|${year}`;
    let d = decisions.get(key);
    if (d === undefined) {
      d = `${decisionRng.int(100, 3999)}/QĐ-UBND (illustrative)`;
      decisions.set(key, d);
    }
    return d;
  };

  return plan.communes.map((c, i): CommuneNtmPath => {
    const prefix = criteriaPrefixMasks(rng);
    const counts = new Int32Array(YEARS.length);
    const masks = new Int32Array(YEARS.length);
    const fellBack = new Uint8Array(YEARS.length);
    const ny = ntmYear[i];
    const v = anchorOf.get(i);
    const rPre = rng.uniform(0.6, 1.4);
    const rBack = rng.uniform(0.4, 1.1);
    const rFwd = rng.uniform(0.3, 1.2);
    YEARS.forEach((y, yi) => {
      let count: number;
      if (ny !== null && y >= ny) count = 19;
      else if (v === undefined) count = Math.max(MIN_COUNT, 19 - Math.ceil((ny! - y) * rPre));
      else if (y <= A) count = Math.max(MIN_COUNT, v - Math.round((A - y) * rBack));
      else if (ny !== null) count = ny - 1 > A ? v + Math.round(((18 - v) * (y - A)) / (ny - 1 - A)) : v;
      else count = Math.min(18, v + Math.round((y - A) * rFwd));
      counts[yi] = count;
    });
    // The stricter QĐ 318 set (from 2022) sets some communes back one criterion.
    const i21 = 2021 - FIRST_YEAR;
    const i22 = 2022 - FIRST_YEAR;
    const dip = rng.chance(0.3);
    if (A !== 2022 && dip && (ny === null || ny > 2022) && counts[i21] - 1 >= MIN_COUNT) counts[i22] = Math.min(counts[i22], counts[i21] - 1);

    const fallChance = rng.float();
    const fallStart = ny === null ? 0 : rng.int(Math.max(2018, ny + 2), LAST_YEAR - 1);
    const fallYears = rng.int(1, 2);
    const fallDepth = 1 + rng.weighted([0.5, 0.35, 0.15]);
    const canFall = ny !== null && ny + 2 <= LAST_YEAR - 1 && advSched[i] === null && !constrained(i) && fallChance < FALL_BACK_CHANCE;
    YEARS.forEach((y, yi) => {
      if (canFall && y >= fallStart && y < fallStart + fallYears) {
        counts[yi] = 19 - fallDepth;
        fellBack[yi] = 1;
      }
      masks[yi] = counts[yi] === 19 ? ALL_19 : prefix[counts[yi]];
    });

    const tiers: Tier[] = [];
    const recognisedYear: (number | null)[] = [];
    const decision: (string | null)[] = [];
    const fact: (CommuneRecognition | null)[] = [];
    for (const y of YEARS) {
      const m = modelSched[i];
      const a = advSched[i];
      const [tier, since]: [Tier, number | null] =
        m !== null && y >= m ? ['kieu_mau', m] : a !== null && y >= a ? ['nang_cao', a] : ny !== null && y >= ny ? ['dat_chuan', ny] : ['chua_dat', null];
      const grantingFact = con[i].facts.find((f) => f.tier === tier && f.year === since) ?? null;
      const rowFact = grantingFact && grantingFact.year === y ? grantingFact : null;
      tiers.push(tier);
      recognisedYear.push(since);
      decision.push(since === null || grantingFact ? null : decisionFor(c.district_code, tier, since));
      fact.push(rowFact);
    }
    for (const f of con[i].facts) {
      const t = tiers[f.year - FIRST_YEAR];
      if (t !== f.tier) throw new Error(`commune ${c.commune_code}: fact says ${f.tier} in ${f.year}, generated ${t}`);
    }
    return {
      code: c.commune_code, ntmYear: ny, advancedYear: advSched[i], modelYear: modelSched[i],
      counts, masks, fellBack, tiers, recognisedYear, decision, fact,
    };
  });
}
