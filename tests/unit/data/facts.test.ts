import { describe, expect, it } from 'vitest';
import { CRITERIA_SETS, QD1980, QD318, QD51_2025 } from '../../../data/criteria/index.ts';
import { resolveDistrictCode } from '../../../data/facts/names.ts';
import { parseFacts, parseValue, sponsorId } from '../../../data/facts/parse.ts';
import { noteTargets } from '../../../data/facts/target-notes.ts';
import { generated, realInputs } from './fixture.ts';

const inputs = realInputs();
const { tables, facts } = generated();

describe('facts loading', () => {
  it('keeps codes as strings with their leading zeros', () => {
    const tq = facts.communeRecognitions.find((f) => f.commune_name === 'Xã Đội Bình')!;
    expect(tq.commune_code).toBe('02533');
    expect(tq.province_code).toBe('08');
    expect(inputs.communes.find((c) => c.commune_code === '02533')?.district_code).toBe('075');
    expect(tables.commune_year.commune_code).toContain('02533');
    expect(tables.published_figures.province_code).toContain('08');
    expect(tables.published_figures.province_code).toContain('00');
    expect(tables.district_recognition.district_code).toContain('070');
  });

  it('parses values: numbers to value_num, ranges to null with min/max', () => {
    expect(parseValue('9.14')).toEqual({ num: 9.14, min: 9.14, max: 9.14 });
    expect(parseValue('1800-2200')).toEqual({ num: null, min: 1800, max: 2200 });
    const pf = tables.published_figures;
    const k = pf.indicator.indexOf('target_poor_households_reduced_per_year');
    expect(pf.value_num[k]).toBeNull();
    expect([pf.value_min[k], pf.value_max[k]]).toEqual([1800, 2200]);
    expect(pf.value_num[pf.indicator.indexOf('poor_rate_district_dakrong')]).toBe(38.04);
    expect(pf.indicator).toHaveLength(inputs.facts.published_figures.length);
  });

  it('resolves district recognitions to codes by NFC name, and fails loudly on an unknown name', () => {
    const dr = tables.district_recognition;
    expect(dr.district_code).toEqual(['468', '464', '469', '070', '832', '829', '833']);
    expect(dr.decision[dr.district_code.indexOf('833')]).toBe('QĐ 1611/QĐ-TTg');
    expect(dr.decision[dr.district_code.indexOf('468')]).toBeNull();
    const broken = { ...inputs.facts, district_recognitions: [{ ...inputs.facts.district_recognitions[0], district_name: 'Huyện Không Có' }] };
    expect(() => parseFacts(broken, inputs.communes, inputs.districts)).toThrow(/Huyện Không Có.*no match/);
    // The Đakrông spelling differs from the unit list ("Huyện Đa Krông"): only the loose match (used for the poverty figure) finds it.
    expect(() => resolveDistrictCode(inputs.districts, '45', 'Huyện Đakrông')).toThrow();
    expect(resolveDistrictCode(inputs.districts, '45', 'Huyện Đakrông', true)).toMatchObject({ match: 'loose', district: { district_code: '467' } });
  });

  it('checks commune facts against the unit list', () => {
    const broken = { ...inputs.facts, commune_recognitions: [{ ...inputs.facts.commune_recognitions[0], commune_code: '19646' }] };
    expect(() => parseFacts(broken, inputs.communes, inputs.districts)).toThrow(/19646/);
  });

  it('gives sponsors stable ids and years from the period', () => {
    const s = tables.sponsorship;
    expect([...new Set(s.sponsor_id)]).toEqual(['qt-hnd', 'qt-lmhtx']);
    expect(sponsorId('08', 'Đoàn TN')).toBe('tq-doan-tn');
    const k = s.commune_code.indexOf('19708');
    expect([s.from_year[k], s.to_year[k]]).toEqual([2020, 2025]);
    expect(s.commune_code.indexOf('19474')).toBeGreaterThanOrEqual(0);
  });

  it('derives targets from the target_* published figures', () => {
    const t = tables.targets;
    expect(t.indicator.every((i) => i.startsWith('target_'))).toBe(true);
    // 12 published target rows, then 5 sub-targets stated in their notes
    expect(t.indicator).toHaveLength(17);
    expect(t.parent_id.filter((p) => p === null)).toHaveLength(12);
    const k = t.target_id.indexOf('45-2025-min_criteria_per_commune');
    expect([t.province_code[k], t.target_year[k], t.value_num[k], t.parent_id[k]]).toEqual(['45', 2025, 12, null]);
    expect(new Set(t.target_id).size).toBe(t.target_id.length);
  });

  it('reads the sub-targets a target’s note states, with the parent’s year and source; a changed note stops the build', () => {
    const t = tables.targets;
    const row = (id: string) => {
      const k = t.target_id.indexOf(id);
      return { year: t.target_year[k], value: t.value[k], min: t.value_min[k], max: t.value_max[k], parent: t.parent_id[k], source: t.source[k] };
    };
    expect(row('08-2025-share_advanced_of_ntm')).toMatchObject({ year: 2025, value: '30', parent: '08-2025-share_communes_ntm', source: 'Chương trình phối hợp MTTQ Tuyên Quang 2021-2025' });
    expect(row('08-2025-poor_rate_reduction_points_per_year')).toMatchObject({ min: 2, max: 2.5 });
    expect(row('45-2025-poor_rate_reduction_points_per_year')).toMatchObject({ min: 1, max: 1.5, parent: '45-2025-poor_households_reduced_per_year' });
    expect(row('83-2020-poor_rate_max')).toMatchObject({ year: 2020, value: '4', parent: '83-2020-communes_ntm' });
    const changed = facts.published.map((r) => (r.indicator === 'target_communes_ntm' ? { ...r, scope_note: '2016-2020 plan' } : r));
    expect(() => noteTargets(changed)).toThrow('no longer says "poverty under 4%"');
  });
});

describe('criteria sets', () => {
  it('QĐ 1980 and QĐ 318 have 19 criteria in groups I-V; QĐ 51/2025 has 10 with names to verify', () => {
    expect(QD1980.criteria).toHaveLength(19);
    expect(QD318.criteria).toHaveLength(19);
    expect(QD51_2025.criteria).toHaveLength(10);
    expect(QD51_2025.criteria.every((c) => c.name_status === 'to_verify')).toBe(true);
    expect(QD1980.criteria[16].name_vi).toBe('Môi trường và an toàn thực phẩm');
    expect(QD318.criteria[10].name_vi).toBe('Nghèo đa chiều');
    expect(QD318.criteria[12].name_vi).toBe('Tổ chức sản xuất và phát triển kinh tế nông thôn');
    expect(new Set(QD1980.criteria.map((c) => c.group))).toEqual(new Set(['I', 'II', 'III', 'IV', 'V']));
  });

  it('scopes criterion ids to their set and stores NFC names', () => {
    const c = tables.criteria;
    expect(c.criterion_id).toHaveLength(48);
    expect(new Set(c.criterion_id).size).toBe(48);
    expect(c.criterion_id).toContain('qd1980.11');
    expect(c.criterion_id).toContain('qd318.11');
    expect(c.name_vi[c.criterion_id.indexOf('qd1980.11')]).toBe('Hộ nghèo');
    for (const n of c.name_vi) expect(n).toBe(n.normalize('NFC'));
    expect(tables.criteria_sets.criteria_set_id).toEqual(CRITERIA_SETS.map((s) => s.id));
  });
});

describe('browser-safe modules', () => {
  it('the generator, facts, criteria, model and arrow modules import nothing from Node', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(__dirname, '../../../data');
    for (const dir of ['generate', 'facts', 'criteria', 'model', 'arrow'])
      for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts'))) {
        const specifiers = [...readFileSync(join(root, dir, file), 'utf8').matchAll(/^\s*(?:import|export)\b[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
        for (const spec of specifiers) expect(spec, `${dir}/${file}`).toMatch(/^(\.{1,2}\/(?!.*geo\/lib)(?!node\/)[\w./-]+|apache-arrow|pure-rand)$/);
      }
  });
});
