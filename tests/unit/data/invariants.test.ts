import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criteriaSetForYear } from '../../../data/criteria/index.ts';
import { apportion, countForRate, pct2 } from '../../../data/generate/apportion.ts';
import { YEARS, povertyStandard } from '../../../data/generate/calibration.ts';
import { popcount } from '../../../data/generate/criteria-counts.ts';
import { scheduleYears, type ScheduleItem } from '../../../data/generate/schedule.ts';
import { TIERS, type Tier } from '../../../data/model/tables.ts';
import { generated, realInputs } from './fixture.ts';

const { tables, facts } = generated();
const cy = tables.commune_year;
const pv = tables.poverty_year;
const units = new Map(realInputs().communes.map((c) => [c.commune_code, c]));
const rank = (t: Tier): number => TIERS.indexOf(t);
/** Row indices of commune_year where ok(i) is false. */
const bad = (ok: (i: number) => boolean): number[] => {
  const out: number[] = [];
  for (let i = 0; i < cy.year.length; i++) if (!ok(i)) out.push(i);
  return out;
};

/** Row indices of commune_year by commune, in year order. */
const rowsByCommune = new Map<string, number[]>();
for (let i = 0; i < cy.year.length; i++) {
  const list = rowsByCommune.get(cy.commune_code[i]) ?? [];
  list.push(i);
  rowsByCommune.set(cy.commune_code[i], list);
}

describe('commune_year invariants (every row)', () => {
  it('has one row per Xã and year 2016-2025, none for Phường / Thị trấn', () => {
    for (const [code, rows] of rowsByCommune) {
      expect(units.get(code)?.commune_type, code).toBe('Xã');
      expect(rows.map((i) => cy.year[i])).toEqual([...YEARS]);
    }
  });

  it('criteria_met_count = popcount(criteria_met_mask), within 0..19, only criteria 1..19', () => {
    expect(bad((i) => (cy.criteria_met_mask[i] & ~((1 << 19) - 1)) === 0 && popcount(cy.criteria_met_mask[i]) === cy.criteria_met_count[i])).toEqual([]);
  });

  it('uses QĐ 1980 for 2016-2021 and QĐ 318 for 2022-2025', () => {
    expect(bad((i) => cy.criteria_set[i] === (cy.year[i] <= 2021 ? 'qd1980' : 'qd318'))).toEqual([]);
    expect(criteriaSetForYear(2021).id).toBe('qd1980');
    expect(criteriaSetForYear(2022).id).toBe('qd318');
  });

  it('fell_back semantics: tier ≠ chua_dat ⇒ count = 19, unless fell_back; fell_back ⇒ recognised plain NTM with count < 19', () => {
    expect(
      bad((i) =>
        cy.fell_back[i]
          ? cy.tier[i] === 'dat_chuan' && cy.criteria_met_count[i] < 19
          : cy.tier[i] === 'chua_dat' ? cy.criteria_met_count[i] < 19 : cy.criteria_met_count[i] === 19,
      ),
    ).toEqual([]);
    const fellBack = cy.fell_back.filter(Boolean).length;
    expect(fellBack).toBeGreaterThan(0);
    expect(fellBack).toBeLessThan(cy.year.length * 0.01); // "a few"
  });

  it('tiers never go down; recognition happens at 19; recognised/ntm years are consistent; fell_back lasts ≤ 2 years', () => {
    const problems: string[] = [];
    for (const [code, rows] of rowsByCommune) {
      let run = 0;
      rows.forEach((i, k) => {
        const p = k > 0 ? rows[k - 1] : null;
        const fail = (why: string): void => void problems.push(`${code} ${cy.year[i]}: ${why}`);
        if (p !== null && rank(cy.tier[i]) < rank(cy.tier[p])) fail('tier went down');
        if (p !== null && cy.tier[p] === 'chua_dat' && cy.tier[i] !== 'chua_dat' && cy.criteria_met_count[i] !== 19) fail('recognised below 19');
        if (cy.tier[i] === 'chua_dat') {
          if (cy.recognised_year[i] !== null || cy.ntm_year[i] !== null || cy.decision_no[i] !== null) fail('recognition data without a tier');
        } else {
          const r = cy.recognised_year[i];
          const n = cy.ntm_year[i];
          if (r === null || n === null || r > cy.year[i] || n > r || n < 2011) fail(`recognised ${r}, ntm ${n}`);
        }
        run = cy.fell_back[i] ? run + 1 : 0;
        if (run > 2) fail('fell back for more than 2 years');
      });
    }
    expect(problems).toEqual([]);
  });

  it('criteria counts mostly rise: a drop only at the 2022 set change or while fell_back', () => {
    const drops = bad((i) => i === 0 || cy.commune_code[i - 1] !== cy.commune_code[i] || cy.criteria_met_count[i] >= cy.criteria_met_count[i - 1] || cy.fell_back[i]);
    expect(drops.length).toBeGreaterThan(0);
    expect(drops.filter((i) => cy.year[i] !== 2022)).toEqual([]);
  });

  it('marks illustrative decision numbers, and facts with their source', () => {
    expect(bad((i) => cy.decision_no[i] === null || /^\d+\/QĐ-UBND \(illustrative\)$/.test(cy.decision_no[i]!))).toEqual([]);
    expect(bad((i) => (cy.provenance[i] === 'fact') === (cy.source[i] !== null))).toEqual([]);
  });

  it('every commune recognition fact holds: that tier from that year on, with provenance fact on that row', () => {
    for (const f of facts.communeRecognitions) {
      const rows = rowsByCommune.get(f.commune_code)!;
      for (const i of rows) {
        if (cy.year[i] < f.year) continue;
        expect(rank(cy.tier[i]), `${f.commune_code} ${cy.year[i]}`).toBeGreaterThanOrEqual(rank(f.tier));
        if (cy.year[i] === f.year) {
          expect(cy.tier[i]).toBe(f.tier);
          expect(cy.provenance[i]).toBe('fact');
          expect(cy.source[i]).toBe(f.source);
          expect(cy.recognised_year[i]).toBe(f.year);
        }
      }
    }
    expect(cy.provenance.filter((p) => p === 'fact')).toHaveLength(facts.communeRecognitions.length);
  });

  it('a district recognised in year Y (huyện NTM or city completing the task) has all its Xã NTM from Y on', () => {
    expect(facts.districtRecognitions.map((d) => `${d.district_code} ${d.year}`)).toEqual(['468 2019', '464 2024', '469 2024', '070 2020', '832 2020', '829 2020', '833 2023']);
    for (const d of facts.districtRecognitions) {
      const xa = [...units.values()].filter((u) => u.district_code === d.district_code && u.commune_type === 'Xã');
      expect(xa.length).toBeGreaterThan(0);
      for (const u of xa) for (const i of rowsByCommune.get(u.commune_code)!) if (cy.year[i] >= d.year) expect(cy.tier[i], `${u.commune_code} ${cy.year[i]}`).not.toBe('chua_dat');
    }
  });
});

describe('poverty_year invariants (every row)', () => {
  it('covers every unit (Xã, Phường, Thị trấn) for every year', () => {
    expect(new Set(pv.unit_code).size).toBe(units.size);
    expect(pv.year.length).toBe(units.size * YEARS.length);
  });

  it('0 ≤ poor, near_poor and poor + near_poor ≤ households; households plausible', () => {
    for (let i = 0; i < pv.year.length; i++) {
      const ok = pv.poor[i] >= 0 && pv.near_poor[i] >= 0 && pv.poor[i] + pv.near_poor[i] <= pv.households[i] && pv.households[i] >= 400 && pv.households[i] <= 8000;
      if (!ok) throw new Error(`poverty row ${i} (${pv.unit_code[i]} ${pv.year[i]}) out of range`);
    }
    const xa2022 = [...Array(pv.year.length).keys()].filter((i) => pv.year[i] === 2022 && units.get(pv.unit_code[i])!.commune_type === 'Xã').map((i) => pv.households[i]).sort((a, b) => a - b);
    expect(xa2022[Math.floor(0.05 * xa2022.length)]).toBeGreaterThanOrEqual(700);
    expect(xa2022[Math.floor(0.95 * xa2022.length)]).toBeLessThanOrEqual(3900);
  });

  it('names the poverty standard of the year and marks rows illustrative', () => {
    const wrong: number[] = [];
    for (let i = 0; i < pv.year.length; i++)
      if (pv.standard[i] !== povertyStandard(pv.year[i]) || pv.provenance[i] !== 'illustrative' || pv.unit_level[i] !== 'commune') wrong.push(i);
    expect(wrong).toEqual([]);
    expect(povertyStandard(2021)).toBe('QĐ 59/2015/QĐ-TTg');
    expect(povertyStandard(2022)).toBe('NĐ 07/2021/NĐ-CP');
  });
});

describe('building blocks (property-based)', () => {
  it('apportion: sums to the total, respects caps, stays proportional within one unit', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ w: fc.double({ min: 0.01, max: 1000, noNaN: true }), cap: fc.integer({ min: 0, max: 5000 }) }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (units_, f) => {
        const capSum = units_.reduce((s, u) => s + u.cap, 0);
        const total = Math.floor(f * capSum);
        const out = apportion(total, units_.map((u) => u.w), units_.map((u) => u.cap));
        expect(out.reduce((a, b) => a + b, 0)).toBe(total);
        out.forEach((v, i) => expect(v >= 0 && v <= units_[i].cap).toBe(true));
      }),
    );
  });

  it('countForRate gives a count that rounds back to the rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 2_000_000 }), fc.integer({ min: 1, max: 5000 }), (den, bp) => {
        const rate = bp / 100;
        expect(pct2(countForRate(rate, den), den)).toBe(rate);
      }),
    );
  });

  it('scheduleYears meets cumulative targets and every deadline / exact year', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.double({ min: -3, max: 3, noNaN: true }), deadline: fc.option(fc.integer({ min: 0, max: 9 })), exact: fc.option(fc.integer({ min: 0, max: 9 })) }), { minLength: 5, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 10, maxLength: 10 }),
        (raw, increments) => {
          const years = [...YEARS];
          const items: ScheduleItem[] = raw.map((r) => ({ score: r.score, earliest: years[0], deadline: r.deadline === null || r.exact !== null ? Infinity : years[r.deadline], exact: r.exact === null ? null : years[r.exact] }));
          // Cumulative targets built from a feasible assignment: each constrained item at its bound, plus free increments.
          const base = years.map((y) => items.filter((it) => (it.exact ?? it.deadline) === y).length);
          let free = items.filter((it) => it.exact === null && !Number.isFinite(it.deadline)).length;
          let acc = 0;
          const cumulative = years.map((_, k) => {
            const add = Math.min(free, increments[k]);
            free -= add;
            return (acc += base[k] + add);
          });
          const out = scheduleYears(items, years, cumulative, 'property');
          years.forEach((y, k) => expect(out.filter((v) => v !== null && v <= y).length).toBe(cumulative[k]));
          items.forEach((it, i) => {
            if (it.exact !== null) expect(out[i]).toBe(it.exact);
            if (Number.isFinite(it.deadline)) expect(out[i]!).toBeLessThanOrEqual(it.deadline);
          });
        },
      ),
    );
  });
});
