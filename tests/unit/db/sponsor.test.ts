import { beforeAll, describe, expect, test } from 'vitest';
import '../helpers/sql-matchers';
import { startNodeEngine } from '../helpers/node-engine';
import { loadFixture } from '../helpers/sql-fixture';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import {
  sponsorCommunesSQL, sponsoredComparisonSQL, sponsoredLabelsSQL, sponsorFootprintSQL, sponsorIdsSQL, sponsorsSQL,
} from '../../../src/db/sql/sponsor';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await loadFixture(engine);
  // the shipped columns the sponsor report reads that the shared fixture leaves out
  await engine.query(`ALTER TABLE commune_year ADD COLUMN IF NOT EXISTS criteria_set VARCHAR`);
  await engine.query(`CREATE TABLE sponsorship (sponsor_id VARCHAR, sponsor_org VARCHAR, sponsor_short VARCHAR, province_code VARCHAR,
    commune_code VARCHAR, commune_name VARCHAR, district_name VARCHAR, from_year INTEGER, to_year INTEGER, basis VARCHAR, source VARCHAR)`);
  // two sponsors share Xã Hải Thượng; one sponsor is listed twice for a commune (two assignment periods)
  await engine.query(`INSERT INTO sponsorship VALUES
    ('qt-a', 'Ngân hàng A', 'NH A', '45', '19474', 'Xã Hướng Lộc', 'Huyện Hướng Hóa', 2023, 2025, 'QĐ 1', 'src'),
    ('qt-a', 'Ngân hàng A', 'NH A', '45', '19708', 'Xã Hải Thượng', 'Huyện Hải Lăng', 2023, 2025, 'QĐ 1', 'src'),
    ('qt-a', 'Ngân hàng A', 'NH A', '45', '19708', 'Xã Hải Thượng', 'Huyện Hải Lăng', 2021, 2022, 'QĐ 0', 'src'),
    ('qt-b', 'Công ty B', 'CT B', '45', '19708', 'Xã Hải Thượng', 'Huyện Hải Lăng', 2023, 2025, 'QĐ 2', 'src')`);
});

describe('sponsor SQL', () => {
  test('every query parses and binds', async () => {
    await expect(sponsorsSQL).toBindIn(engine);
    await expect(sponsorCommunesSQL).toBindIn(engine, ['qt-a', 2024]);
    await expect(sponsoredComparisonSQL).toBindIn(engine, ['45', 2024, 2023]);
    await expect(sponsorFootprintSQL).toBindIn(engine, ['qt-a']);
    await expect(sponsoredLabelsSQL).toBindIn(engine, ['qt-a']);
    await expect(sponsoredLabelsSQL).toBindIn(engine, [null]);
    await expect(sponsorIdsSQL).toBindIn(engine);
  });

  test('a sponsor’s footprint lists each commune once, with its province; an unknown sponsor has none', async () => {
    expect(rowsOf(await engine.query(sponsorFootprintSQL, ['qt-a']))).toEqual([
      { commune_code: '19474', province_code: '45' },
      { commune_code: '19708', province_code: '45' },
    ]);
    expect(rowsOf(await engine.query(sponsorFootprintSQL, ['qt-zz']))).toEqual([]);
  });

  test('labels: every sponsored commune by name with its sponsors’ short names, or one sponsor’s communes by name', async () => {
    expect(rowsOf(await engine.query(sponsoredLabelsSQL, [null]))).toEqual([
      { commune_code: '19474', label: 'Xã Hướng Lộc (NH A)' },
      { commune_code: '19708', label: 'Xã Hải Thượng (CT B, NH A)' },
    ]);
    expect(rowsOf(await engine.query(sponsoredLabelsSQL, ['qt-b']))).toEqual([{ commune_code: '19708', label: 'Xã Hải Thượng' }]);
  });

  test('sponsor ids are distinct', async () => {
    expect(rowsOf(await engine.query(sponsorIdsSQL)).map((r) => r.sponsor_id)).toEqual(['qt-a', 'qt-b']);
  });

  test('the sponsor list counts distinct communes and spans the assignment years', async () => {
    const rows = rowsOf<{ sponsor_id: string; communes: number; from_year: number; to_year: number }>(await engine.query(sponsorsSQL));
    expect(rows.map((r) => [r.sponsor_id, r.communes, r.from_year, r.to_year])).toEqual([
      ['qt-b', 1, 2023, 2025],
      ['qt-a', 2, 2021, 2025],
    ]);
  });
});
