import { beforeEach, describe, expect, test } from 'vitest';
import '../helpers/sql-matchers';
import { startNodeEngine } from '../helpers/node-engine';
import { loadFixture } from '../helpers/sql-fixture';
import { userTargetsDDL } from '../../../src/db/sql/targets';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import { isIllustrativeProvenance, provenancedSeries, rowProvenanceSQL } from '../../../src/db/sql/provenance';
import { modelExportSQL } from '../../../src/db/sql/model-export';
import { plannerTableSQL, type PlannerRow } from '../../../src/db/sql/planner';
import { sponsorCommunesSQL } from '../../../src/db/sql/sponsor';
import { loadViewProvenance, viewIllustrative, type ViewProvenance } from '../../../src/indicators/provenance';
import { indicatorIds, indicators } from '../../../src/indicators/registry';
import { modelIllustrative, modelRows } from '../../../src/export/model-export';
import { plannerCellIllustrative, plannerColumnIllustrative } from '../../../src/export/planner-table';
import { sponsorRowMarks } from '../../../src/export/sponsor-report-file';

// The fixture (tests/unit/helpers/sql-fixture.ts): province 45, units 19474, 19465, 19456 (Thị trấn), 19708, 19711,
// years 2023-2024; every NTM row illustrative but 19465/2024 (a fact); poverty rows for 19474 (both years) and
// 19456 (2024), all illustrative. Units are in rowid order: 19474=0, 19465=1, 19456=2, 19708=3, 19711=4.
let e: SqlEngine;
beforeEach(async () => {
  e = await startNodeEngine();
  await loadFixture(e);
  // the shipped columns the model export reads that the shared fixture leaves out
  for (const [table, column, type] of [
    ['commune_year', 'recognised_year', 'INTEGER'], ['commune_year', 'decision_no', 'VARCHAR'], ['commune_year', 'source', 'VARCHAR'],
    ['poverty_year', 'standard', 'VARCHAR'], ['poverty_year', 'source', 'VARCHAR'],
  ]) await e.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`);
});

/** The per-year answer of one province: 'year:series' for each series with an illustrative row among its units. */
const bySeries = async (province: string | null) =>
  Object.entries((await loadViewProvenance(e, province, 5, [2023, 2024])).series).flatMap(([year, ids]) => ids.map((id) => `${year}:${id}`));

/** The real NTM status of every Xã for 2024, as an import of a province's own table leaves it. */
const importNtm2024 = () => e.query(`UPDATE commune_year SET provenance = 'imported' WHERE year = 2024`);

const view = async (province: string | null) => loadViewProvenance(e, province, 5, [2023, 2024]);
const shown = (p: ViewProvenance, indicator: keyof typeof indicators, year = 2024, compareYear = 2023) =>
  viewIllustrative({ province: p.province, indicator, year, compareYear, provenance: p });

describe('provenance per series', () => {
  test('the queries bind; the series with row provenance come from the schema', async () => {
    await expect(rowProvenanceSQL).toBindIn(e, [null]);
    await expect(rowProvenanceSQL).toBindIn(e, ['45']);
    await expect(modelExportSQL).toBindIn(e, [null]);
    expect(provenancedSeries.map((s) => [s.id, s.view, s.key])).toEqual([
      ['ntm', 'commune_year', 'commune_code'],
      ['poverty', 'poverty_year', 'unit_code'],
    ]);
  });

  test('every indicator declares the series it reads', () => {
    for (const id of indicatorIds) expect(indicators[id].series.length).toBeGreaterThan(0);
    expect(indicatorIds.filter((id) => indicators[id].series.includes('poverty')).sort()).toEqual(['near_poor_rate', 'poor_rate', 'poor_rate_change']);
  });

  test('a year lists each series that has an illustrative row among the units shown', async () => {
    expect(await bySeries('45')).toEqual(['2023:ntm', '2023:poverty', '2024:ntm', '2024:poverty']);
    expect(await bySeries('99')).toEqual([]); // nothing shown: nothing to mark
  });

  test('real NTM rows for every Xã clear the NTM series only: the poverty series stays illustrative (case 1)', async () => {
    await importNtm2024();
    expect(await bySeries(null)).toEqual(['2023:ntm', '2023:poverty', '2024:poverty']);
    const p = await view('45');
    expect(shown(p, 'status')).toBe(false);
    expect(shown(p, 'criteria')).toBe(false);
    expect(shown(p, 'poor_rate')).toBe(true);
    expect(shown(p, 'status_change')).toBe(true); // reads 2023 too
    expect(shown(p, 'status', 2023)).toBe(true);
  });

  test('a row without a provenance counts as illustrative; an answer for another province as unknown', async () => {
    await importNtm2024();
    await e.query(`UPDATE commune_year SET provenance = NULL WHERE year = 2024 AND commune_code = '19711'`);
    expect(await bySeries('45')).toContain('2024:ntm');
    const p = await view('45');
    expect(viewIllustrative({ province: null, indicator: 'status', year: 2024, compareYear: 2023, provenance: p })).toBe(true);
    expect(viewIllustrative({ province: '45', indicator: 'status', year: 2024, compareYear: 2023, provenance: null })).toBe(true);
  });
});

describe('provenance per value', () => {
  test('each unit-year with a row has a mask of its illustrative series and the size of its criteria set', async () => {
    await e.query(`UPDATE commune_year SET criteria_set = 'qd51_2025', criteria_met_count = 8, provenance = 'imported' WHERE commune_code = '19711' AND year = 2024`);
    const rows = rowsOf<{ unit: number; year: number; illustrative: number; n_criteria: number | null }>(await e.query(rowProvenanceSQL, ['45']));
    const at = (unit: number, year: number) => rows.find((r) => r.unit === unit && r.year === year)!;
    expect(at(0, 2024)).toEqual({ unit: 0, year: 2024, illustrative: 3, n_criteria: 19 }); // ntm + poverty
    expect(at(1, 2024)).toEqual({ unit: 1, year: 2024, illustrative: 0, n_criteria: 19 }); // the fact, no poverty row
    expect(at(2, 2024)).toEqual({ unit: 2, year: 2024, illustrative: 2, n_criteria: null }); // Thị trấn: poverty only
    expect(at(4, 2024)).toEqual({ unit: 4, year: 2024, illustrative: 0, n_criteria: 10 }); // QĐ 51/2025: 10 criteria

    const p = await view('45');
    expect(p.rows.illustrative(1, ['ntm'], [2024])).toBe(false);
    expect(p.rows.illustrative(1, ['ntm'], [2023, 2024])).toBe(true); // a change reads the earlier row too
    expect(p.rows.illustrative(0, ['poverty'], [2024])).toBe(true);
    expect(p.rows.illustrative(4, ['ntm'], [2024])).toBe(false);
    expect(p.rows.criteriaTotal(4, 2024)).toBe(10);
    expect(p.rows.criteriaTotal(3, 2024)).toBe(19);
    expect(p.rows.criteriaTotal(2, 2024)).toBeNull();
    expect(rows.some((r) => r.unit === 2 && r.year === 2023)).toBe(false); // no row of any series
    expect(p.rows.illustrative(7, ['ntm'], [2024])).toBe(true); // not covered by the answer: marked
  });
});

describe('exports label each series by its own rows', () => {
  test('model export: one provenance column per series; imported NTM beside generated poverty (case 2)', async () => {
    await importNtm2024();
    const { columns, rows } = await modelRows(e, '45');
    expect(columns).toContain('ntm_provenance');
    expect(columns).toContain('poverty_provenance');
    expect(columns).not.toContain('provenance');
    const r = rows.find((x) => x.commune_code === '19474' && x.year === 2024)!;
    expect([r.ntm_provenance, r.poverty_provenance]).toEqual(['imported', 'illustrative']);
    const town = rows.find((x) => x.commune_code === '19456' && x.year === 2024)!;
    expect([town.ntm_provenance, town.poverty_provenance]).toEqual([null, 'illustrative']);
    expect(modelIllustrative(rows)).toBe(true);
    await e.query(`UPDATE poverty_year SET provenance = 'imported'`);
    await e.query(`UPDATE commune_year SET provenance = 'fact'`);
    expect(modelIllustrative((await modelRows(e, '45')).rows)).toBe(false);
  });

  test('planner: each column group is marked by its own series and years', async () => {
    await e.query(`CREATE TABLE district_recognition (district_code VARCHAR, level VARCHAR, year INTEGER)`);
    await e.query(`CREATE TABLE targets (province_code VARCHAR, indicator VARCHAR, target_year INTEGER, value_num DOUBLE)`);
    await e.query(userTargetsDDL);
    await importNtm2024();
    const rows = rowsOf<PlannerRow>(await e.query(plannerTableSQL('district'), ['45', 2024, 2023, 12]));
    const huongHoa = rows.find((r) => r.group_code === '464')!;
    expect([huongHoa.ntm_provenance, huongHoa.ntm_base_provenance, huongHoa.poverty_provenance]).toEqual(['imported', 'illustrative', 'illustrative']);
    expect(plannerCellIllustrative(huongHoa, 'ntm_share')).toBe(false);
    expect(plannerCellIllustrative(huongHoa, 'ntm_share_change')).toBe(true);
    expect(plannerCellIllustrative(huongHoa, 'poor_rate')).toBe(true);
    expect(plannerCellIllustrative(huongHoa, 'in_scope')).toBe(false);
    expect(plannerColumnIllustrative(rows, 'avg_criteria')).toBe(false);
    expect(plannerColumnIllustrative(rows, 'near_poor_rate')).toBe(true);
  });

  test('sponsor rows: criteria out of the row’s own set, each cell marked by its row', async () => {
    await e.query(`CREATE TABLE sponsorship (sponsor_id VARCHAR, sponsor_org VARCHAR, sponsor_short VARCHAR, province_code VARCHAR,
      commune_code VARCHAR, commune_name VARCHAR, district_name VARCHAR, from_year INTEGER, to_year INTEGER, basis VARCHAR, source VARCHAR)`);
    await e.query(`INSERT INTO sponsorship VALUES ('qt-a', 'Ngân hàng A', 'NH A', '45', '19474', 'Xã Hướng Lộc', 'Huyện Hướng Hóa', 2023, 2025, 'QĐ 1', 'src'),
      ('qt-a', 'Ngân hàng A', 'NH A', '45', '19711', 'Xã Hải Dương', 'Huyện Hải Lăng', 2023, 2025, 'QĐ 1', 'src')`);
    await e.query(`UPDATE commune_year SET criteria_set = 'qd51_2025', criteria_met_count = 8, provenance = 'imported' WHERE commune_code = '19711' AND year = 2024`);
    const rows = rowsOf<Record<string, unknown>>(await e.query(sponsorCommunesSQL, ['qt-a', 2024]));
    const one = (code: string) => rows.find((r) => r.commune_code === code)! as never;
    expect([(one('19711') as { criteria_met: number }).criteria_met, (one('19711') as { criteria_total: number }).criteria_total]).toEqual([8, 10]);
    expect(sponsorRowMarks({ ...(one('19711') as object), missing: [] } as never)).toEqual({ ntm: false, poverty: false, change: false });
    expect(sponsorRowMarks({ ...(one('19474') as object), missing: [] } as never)).toEqual({ ntm: true, poverty: true, change: true });
  });

  test('a provenance set is illustrative when any member is', () => {
    expect(isIllustrativeProvenance('fact+imported')).toBe(false);
    expect(isIllustrativeProvenance('fact+illustrative')).toBe(true);
    expect(isIllustrativeProvenance(null)).toBe(false);
  });
});
