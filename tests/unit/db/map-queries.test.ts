import { beforeAll, describe, expect, test } from 'vitest';
import '../helpers/sql-matchers';
import { startNodeEngine } from '../helpers/node-engine';
import { loadFixture } from '../helpers/sql-fixture';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import * as q from '../../../src/db/sql/map-queries';
import { indicatorMatrixSQL, indicatorsMatrixSQL, needsComparisonYear, needsPoverty, unitListSQL } from '../../../src/db/sql/indicator-values';
import { statusClasses } from '../../../src/db/sql/status';
import { changeClasses, criterionClasses, indicatorIds, indicatorParams, indicators, type IndicatorId } from '../../../src/indicators/registry';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await loadFixture(engine);
});

/** Matrix as {code: [value 2023, value 2024]}. */
async function matrix(id: IndicatorId, compareYear = 2023) {
  const units = rowsOf<{ commune_code: string }>(await engine.query(unitListSQL)).map((r) => r.commune_code);
  const t = await engine.query(indicatorMatrixSQL(id), indicators[id].change ? [compareYear] : []);
  const v = Array.from(t.getChild('value')!.toArray() as Float64Array);
  return Object.fromEntries(units.map((c, i) => [c, [v[2 * i], v[2 * i + 1]]]));
}

describe('map SQL', () => {
  test('every query parses and binds', async () => {
    for (const id of indicatorIds) await expect(indicatorMatrixSQL(id)).toBindIn(engine, indicatorParams(id, { compareYear: 2023, criterion: 17 }));
    await expect(unitListSQL).toBindIn(engine);
    await expect(q.withoutBoundarySQL).toBindIn(engine, ['communes_45', '45']);
    await expect(q.yearsSQL).toBindIn(engine);
    await expect(indicatorsMatrixSQL(['status', 'criteria'])).toBindIn(engine);
  });

  test('status and criteria read in one pass equal the two single queries', async () => {
    const both = await engine.query(indicatorsMatrixSQL(['status', 'criteria']));
    const one = async (id: IndicatorId) => Array.from((await engine.query(indicatorMatrixSQL(id))).getChild('value')!.toArray() as Float64Array);
    expect(Array.from(both.getChild('value')!.toArray() as Float64Array)).toEqual(await one('status'));
    expect(Array.from(both.getChild('value_1')!.toArray() as Float64Array)).toEqual(await one('criteria'));
  });

  test('only poverty indicators join the poverty series (loaded after the first coloured map)', () => {
    expect(indicatorIds.filter(needsPoverty).sort()).toEqual(['near_poor_rate', 'poor_rate', 'poor_rate_change']);
    expect(indicatorMatrixSQL('status')).not.toMatch(/poverty_year/);
    expect(indicatorMatrixSQL('poor_rate_change')).toMatch(/poverty_year pa/);
  });

  test('the indicators declared as changes are those whose SQL reads the comparison year', () => {
    expect(indicatorIds.filter(needsComparisonYear).sort()).toEqual(indicatorIds.filter((id) => indicators[id].change).sort());
    expect(indicatorIds.filter(needsComparisonYear).sort()).toEqual(['poor_rate_change', 'status_change']);
  });

  test('unit list keeps codes as strings and names with diacritics', async () => {
    const rows = rowsOf(await engine.query(unitListSQL));
    expect(rows[0]).toEqual({
      commune_code: '19474', commune_name: 'Xã Hướng Lộc', commune_type: 'Xã', district_code: '464',
      district_name: 'Huyện Hướng Hóa', province_code: '45', province_name: 'Tỉnh Quảng Trị',
    });
  });

  test('status joins units and each year by code; urban units are out of scope; a missing year is no data', async () => {
    const m = await matrix('status');
    const cls = (v: number) => statusClasses[v];
    expect(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.map(cls)]))).toEqual({
      '19474': ['chua_dat', 'dat_chuan'],
      '19465': ['dat_chuan', 'nang_cao'],
      '19456': ['out_of_scope', 'out_of_scope'],
      '19708': ['dat_chuan', 'kieu_mau'],
      '19711': ['chua_dat', 'chua_dat'],
    });
  });

  test('poverty rate is poor / households per unit, NaN without a row (blank is not 0)', async () => {
    const m = await matrix('poor_rate');
    expect(m['19474']).toEqual([0.12, 0.1]);
    expect(m['19456'][0]).toBeNaN();
    expect(m['19456'][1]).toBe(0.01);
  });

  test('criteria only for rural communes; NTM year only once recognised', async () => {
    expect((await matrix('criteria'))['19711']).toEqual([11, 11]);
    expect((await matrix('criteria'))['19456'].every(Number.isNaN)).toBe(true);
    const y = await matrix('ntm_year');
    expect(y['19474'][0]).toBeNaN();
    expect(y['19474'][1]).toBe(2024);
  });

  test('two-year comparison: newly recognised, still NTM, still not', async () => {
    const m = await matrix('status_change', 2023);
    const at2024 = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, changeClasses[v[1]]]));
    expect(at2024).toEqual({
      '19474': 'newly_recognised', '19465': 'still_ntm', '19456': 'out_of_scope', '19708': 'still_ntm', '19711': 'still_not',
    });
    const pc = await matrix('poor_rate_change', 2023);
    expect(pc['19474'][1]).toBeCloseTo(-0.02, 10);
  });

  test('criterion gap: missing where the bit is clear (19711 meets criteria 1-11 only)', async () => {
    const units = rowsOf<{ commune_code: string }>(await engine.query(unitListSQL)).map((r) => r.commune_code);
    const t = await engine.query(indicatorMatrixSQL('criterion_missing'), [17]);
    const v = Array.from(t.getChild('value')!.toArray() as Float64Array);
    const at2024 = Object.fromEntries(units.map((c, i) => [c, criterionClasses[v[2 * i + 1]]]));
    expect(at2024).toEqual({ '19474': 'criterion_met', '19465': 'criterion_met', '19456': 'out_of_scope', '19708': 'criterion_met', '19711': 'criterion_missing' });
  });

  test('units without a boundary in the drawn layer are listed, with their district', async () => {
    const rows = rowsOf(await engine.query(q.withoutBoundarySQL, ['communes_45', '45']));
    expect(rows).toEqual([{ commune_code: '19711', commune_name: 'Xã Hải Dương', district_name: 'Huyện Hải Lăng', polygon_note: null }]);
  });

  test('hostile text is bound, not executed', async () => {
    const rows = rowsOf(await engine.query(q.withoutBoundarySQL, ['communes_45', "45' OR '1'='1"]));
    expect(rows).toEqual([]);
    expect(rowsOf(await engine.query('SELECT count(*)::INTEGER AS n FROM unit_commune'))[0]).toEqual({ n: 5 });
  });
});

describe('planner, criteria and profile SQL bind against the real schema', async () => {
  const { engineWithAssets } = await import('../helpers/real-assets');
  const { plannerTableSQL } = await import('../../../src/db/sql/planner');
  const crit = await import('../../../src/db/sql/criteria');
  const prof = await import('../../../src/db/sql/profile');
  test('all bind', async () => {
    const e = await engineWithAssets();
    await expect(plannerTableSQL('district')).toBindIn(e, ['45', 2024, 2020, 12]);
    await expect(plannerTableSQL('province')).toBindIn(e, [null, 2024, 2020, 12]);
    await expect(crit.districtCriteriaMatrixSQL).toBindIn(e, ['464', 2024]);
    await expect(crit.criteriaMissingSQL).toBindIn(e, ['45', 2024]);
    await expect(crit.criteriaNamesSQL).toBindIn(e, ['qd318']);
    await expect(crit.criteriaSetOfYearSQL).toBindIn(e, [2024]);
    await expect(prof.communeSeriesSQL).toBindIn(e, ['19474']);
    await expect(prof.communeSponsorsSQL).toBindIn(e, ['19474']);
    const missing = rowsOf<{ number: number; missing: number; assessed: number }>(await e.query(crit.criteriaMissingSQL, ['45', 2024]));
    expect(missing).toHaveLength(19);
    expect(missing[0].assessed).toBe(101);
  });
});
