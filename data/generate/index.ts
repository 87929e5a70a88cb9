import { CRITERIA_SETS, criteriaSetForYear } from '../criteria/index.ts';
import { parseFacts, type Facts } from '../facts/parse.ts';
import { districtRecognitionTable, publishedFiguresTable, sponsorshipTable, targetsTable } from '../facts/tables.ts';
import type { CommuneYearTable, CriteriaSetsTable, CriteriaTable, DataTables, PovertyYearTable, Provenance } from '../model/tables.ts';
import { FOCUS_PROVINCES, RURAL_COMMUNE_TYPE, type CommuneUnit, type DistrictUnit, type FactsInput } from '../model/units.ts';
import { resolveDistrictCode } from '../facts/names.ts';
import { FOCUS, NATIONAL, YEARS, povertyStandard, type CriteriaAnchor, type FocusCalibration } from './calibration.ts';
import { figure, figureValue, nationalFigures } from './figures.ts';
import { provinceLatent, unitDevelopment, type ProvinceLatent } from './latent.ts';
import { solveCounts } from './national.ts';
import { applyCommuneFact, emptyConstraints, generateProvinceNtm, type CommuneConstraints, type CommuneNtmPath } from './ntm.ts';
import { generateProvincePoverty, type ProvincePoverty } from './poverty.ts';

export { DEFAULT_SEED, YEARS, FOCUS, NATIONAL } from './calibration.ts';

export interface GeneratorInput {
  communes: readonly CommuneUnit[];
  districts: readonly DistrictUnit[];
  facts: FactsInput;
  seed: number;
  /** 'all' (default): every province; 'focus': Quảng Trị, Tuyên Quang, Bến Tre only (identical rows for them). */
  provinces?: 'focus' | 'all';
}

export interface GeneratorOutput {
  tables: DataTables;
  facts: Facts;
}

const byCode = <T extends { commune_code: string }>(a: T, b: T): number => (a.commune_code < b.commune_code ? -1 : a.commune_code > b.commune_code ? 1 : 0);

/** Resolves 'fact' entries of a focus calibration to numbers. */
function focusNtmTargets(cal: FocusCalibration, facts: Facts): number[] {
  return cal.ntm.map((v, yi) => (v === 'fact' ? figureValue(figure(facts.published, cal.province_code, 'communes_ntm', YEARS[yi])) : v));
}

function communeConstraints(facts: Facts, communes: readonly CommuneUnit[]): Map<string, CommuneConstraints> {
  const map = new Map<string, CommuneConstraints>();
  const get = (code: string): CommuneConstraints => {
    let c = map.get(code);
    if (!c) map.set(code, (c = emptyConstraints()));
    return c;
  };
  for (const d of facts.districtRecognitions)
    for (const c of communes)
      if (c.district_code === d.district_code && c.commune_type === RURAL_COMMUNE_TYPE) get(c.commune_code).ntmDeadline = Math.min(get(c.commune_code).ntmDeadline, d.year);
  for (const f of facts.communeRecognitions) applyCommuneFact(get(f.commune_code), f);
  return map;
}

/** Builds every table: criteria sets (data), facts tables, and the seeded illustrative commune-year and poverty tables. */
export function generateIllustrative(input: GeneratorInput): GeneratorOutput {
  const { seed } = input;
  const communes = [...input.communes].sort(byCode);
  const facts = parseFacts(input.facts, communes, input.districts);
  const focusOnly = input.provinces === 'focus';
  const provinceCodes = [...new Set(communes.map((c) => c.province_code))].sort().filter((p) => !focusOnly || (FOCUS_PROVINCES as readonly string[]).includes(p));
  const xaOf = new Map<string, CommuneUnit[]>();
  const unitsOf = new Map<string, CommuneUnit[]>();
  for (const c of communes) {
    if (!unitsOf.has(c.province_code)) unitsOf.set(c.province_code, []);
    unitsOf.get(c.province_code)!.push(c);
    if (c.commune_type === RURAL_COMMUNE_TYPE) {
      if (!xaOf.has(c.province_code)) xaOf.set(c.province_code, []);
      xaOf.get(c.province_code)!.push(c);
    }
  }
  const latent = new Map<string, ProvinceLatent>(provinceCodes.map((p) => [p, provinceLatent(seed, p)]));
  const calibration = new Map(FOCUS.map((f) => [f.province_code, f]));
  const constraints = communeConstraints(facts, communes);

  // Cumulative NTM / advanced / model targets per province and year.
  const targets = new Map<string, { ntm: number[]; advanced: number[]; model: number[] }>();
  for (const p of provinceCodes) {
    const cal = calibration.get(p);
    if (cal) targets.set(p, { ntm: focusNtmTargets(cal, facts), advanced: cal.advanced, model: cal.model });
  }
  const others = provinceCodes.filter((p) => !calibration.has(p));
  const nationalAvgCriteria = others.length > 0 ? nationalTargets(others, facts, xaOf, latent, targets, communes) : null;
  // Criteria of the Xã not NTM in 2025, provinces without figures: mean by province propensity, weighted to the national mean.
  const last = YEARS.length - 1;
  const notNtm = others.map((p) => (xaOf.get(p)?.length ?? 0) - targets.get(p)!.ntm[last]);
  const weightedLogit = others.reduce((s, p, k) => s + notNtm[k] * latent.get(p)!.ntmLogit, 0) / Math.max(1, notNtm.reduce((a, b) => a + b, 0));
  const otherAnchor = (mean: number, logit: number): CriteriaAnchor => {
    const center = Math.min(16, Math.max(6, mean + 1.5 * (logit - weightedLogit)));
    return { year: 2025, bands: [{ count: 'rest', min: 2, max: 18 }], center, spread: 2.5, exactMean: center };
  };

  // Development (shared by NTM and poverty), per province.
  const ntmPaths: CommuneNtmPath[] = [];
  const poverty: { units: CommuneUnit[]; data: ProvincePoverty }[] = [];
  for (const p of provinceCodes) {
    const cal = calibration.get(p) ?? null;
    const districts = input.districts.filter((d) => d.province_code === p).sort((a, b) => (a.district_code < b.district_code ? -1 : 1));
    const boost = new Map<string, number>();
    for (const d of facts.districtRecognitions) if (d.province_code === p) boost.set(d.district_code, 0.8);
    if (cal?.districtPoor) boost.set(resolveDistrictCode(districts, p, cal.districtPoor.district_name, true).district.district_code, -1.5);
    const units = unitsOf.get(p) ?? [];
    const development = unitDevelopment(seed, p, units, districts, boost);
    const lat = latent.get(p)!;
    const t = targets.get(p)!;
    const anchor = cal?.anchor ?? otherAnchor(nationalAvgCriteria!, lat.ntmLogit);
    ntmPaths.push(...generateProvinceNtm(seed, {
      province_code: p, communes: xaOf.get(p) ?? [], development, constraints, ntm: t.ntm, advanced: t.advanced, model: t.model, anchor,
    }));
    poverty.push({ units, data: generateProvincePoverty(seed, {
      province_code: p, units, districts, development, latent: lat, calibration: cal, published: facts.published,
      growth: cal?.householdGrowth ?? NATIONAL.householdGrowth,
    }) });
  }

  ntmPaths.sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    facts,
    tables: {
      criteria_sets: criteriaSetsTable(),
      criteria: criteriaTable(),
      commune_year: communeYearTable(ntmPaths),
      poverty_year: povertyYearTable(poverty),
      district_recognition: districtRecognitionTable(facts),
      sponsorship: sponsorshipTable(facts),
      targets: targetsTable(facts),
      published_figures: publishedFiguresTable(facts),
    },
  };
}

/** Fills targets for the non-focus provinces; returns the mean criteria count wanted for their communes not NTM in 2025. */
function nationalTargets(
  others: string[], facts: Facts, xaOf: Map<string, CommuneUnit[]>, latent: Map<string, ProvinceLatent>,
  targets: Map<string, { ntm: number[]; advanced: number[]; model: number[] }>, communes: readonly CommuneUnit[],
): number {
  const nat = nationalFigures(facts.published);
  const nAll = communes.filter((c) => c.commune_type === RURAL_COMMUNE_TYPE).length;
  const focusSum = (key: 'ntm' | 'advanced' | 'model', yi: number): number =>
    [...targets.values()].reduce((s, t) => s + t[key][yi], 0);
  const share = (list: (number | 'fact')[], fact: number, yi: number): number => {
    const v = list[yi];
    return v === 'fact' ? fact : v;
  };
  const result = new Map(others.map((p) => [p, { ntm: [] as number[], advanced: [] as number[], model: [] as number[] }]));
  const shifts = { ntm: -40, advanced: -40, model: -40 };
  YEARS.forEach((_, yi) => {
    const level = (key: 'ntm' | 'advanced' | 'model', s: number, capKey: 'ntm' | 'advanced' | null): void => {
      const inputs = others.map((p) => ({
        n: xaOf.get(p)?.length ?? 0, logit: latent.get(p)!.ntmLogit,
        cap: capKey === null ? undefined : yi === 0 ? 0 : result.get(p)![capKey][yi - 1],
      }));
      const { counts, shift } = solveCounts(inputs, Math.round(s * nAll) - focusSum(key, yi), shifts[key]);
      shifts[key] = shift;
      others.forEach((p, k) => result.get(p)![key].push(counts[k]));
    };
    level('ntm', share(NATIONAL.ntmShare, nat.ntm, yi), null);
    level('advanced', share(NATIONAL.advancedShare, nat.advanced, yi), 'ntm');
    level('model', share(NATIONAL.modelShare, nat.model, yi), 'advanced');
  });
  for (const [p, t] of result) targets.set(p, t);
  const last = YEARS.length - 1;
  const ntm2025 = [...targets.values()].reduce((s, t) => s + t.ntm[last], 0);
  return (nat.avgCriteria * nAll - 19 * ntm2025) / (nAll - ntm2025);
}

function criteriaSetsTable(): CriteriaSetsTable {
  const s = CRITERIA_SETS;
  return {
    criteria_set_id: s.map((x) => x.id), decision: s.map((x) => x.decision), decision_date: s.map((x) => x.decision_date),
    period_from: Int32Array.from(s, (x) => x.period_from), period_to: Int32Array.from(s, (x) => x.period_to),
    data_years_from: s.map((x) => x.data_years_from), data_years_to: s.map((x) => x.data_years_to),
    n_criteria: Int32Array.from(s, (x) => x.criteria.length), n_indicators: s.map((x) => x.n_indicators),
    title_vi: s.map((x) => x.title_vi), title_en: s.map((x) => x.title_en), note: s.map((x) => x.note),
  };
}

function criteriaTable(): CriteriaTable {
  const rows = CRITERIA_SETS.flatMap((s) => s.criteria.map((c) => ({ s, c, g: s.groups.find((g) => g.code === c.group) ?? null })));
  return {
    criterion_id: rows.map(({ s, c }) => `${s.id}.${c.number}`), criteria_set_id: rows.map(({ s }) => s.id),
    number: Int32Array.from(rows, ({ c }) => c.number), name_vi: rows.map(({ c }) => c.name_vi), name_en: rows.map(({ c }) => c.name_en),
    group_code: rows.map(({ c }) => c.group), group_name_vi: rows.map(({ g }) => g?.name_vi ?? null),
    group_name_en: rows.map(({ g }) => g?.name_en ?? null), name_status: rows.map(({ c }) => c.name_status),
  };
}

function communeYearTable(paths: CommuneNtmPath[]): CommuneYearTable {
  const n = paths.length * YEARS.length;
  const t: CommuneYearTable = {
    commune_code: [], year: new Int32Array(n), criteria_set: [], criteria_met_count: new Int32Array(n), criteria_met_mask: new Int32Array(n),
    tier: [], recognised_year: [], ntm_year: [], decision_no: [], fell_back: [], provenance: [], source: [],
  };
  const setIds = YEARS.map((y) => criteriaSetForYear(y).id);
  let r = 0;
  for (const p of paths) {
    YEARS.forEach((y, yi) => {
      t.commune_code.push(p.code);
      t.year[r] = y;
      t.criteria_set.push(setIds[yi]);
      t.criteria_met_count[r] = p.counts[yi];
      t.criteria_met_mask[r] = p.masks[yi];
      t.tier.push(p.tiers[yi]);
      t.recognised_year.push(p.recognisedYear[yi]);
      t.ntm_year.push(p.ntmYear !== null && p.ntmYear <= y ? p.ntmYear : null);
      t.decision_no.push(p.decision[yi]);
      t.fell_back.push(p.fellBack[yi] === 1);
      const fact = p.fact[yi];
      t.provenance.push((fact ? 'fact' : 'illustrative') as Provenance);
      t.source.push(fact ? fact.source : null);
      r++;
    });
  }
  return t;
}

function povertyYearTable(provinces: { units: CommuneUnit[]; data: ProvincePoverty }[]): PovertyYearTable {
  const n = provinces.reduce((s, p) => s + p.units.length, 0) * YEARS.length;
  const t: PovertyYearTable = {
    unit_code: [], unit_level: [], year: new Int32Array(n), households: new Int32Array(n), poor: new Int32Array(n),
    near_poor: new Int32Array(n), standard: [], provenance: [],
  };
  const standards = YEARS.map(povertyStandard);
  const entries = provinces.flatMap(({ data }) => data.codes.map((code, i) => ({ code, data, i })));
  entries.sort((a, b) => (a.code < b.code ? -1 : 1));
  let r = 0;
  for (const { code, data, i } of entries) {
    YEARS.forEach((y, yi) => {
      t.unit_code.push(code);
      t.unit_level.push('commune');
      t.year[r] = y;
      t.households[r] = data.households[yi][i];
      t.poor[r] = data.poor[yi][i];
      t.near_poor[r] = data.nearPoor[yi][i];
      t.standard.push(standards[yi]);
      t.provenance.push('illustrative');
      r++;
    });
  }
  return t;
}
