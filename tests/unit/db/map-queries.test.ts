import { beforeAll, describe, expect, test } from 'vitest';
import '../helpers/sql-matchers';
import { startNodeEngine } from '../helpers/node-engine';
import { loadFixture } from '../helpers/sql-fixture';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import * as q from '../../../src/db/sql/map-queries';
import { statusClasses } from '../../../src/db/sql/status';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await loadFixture(engine);
});

const cls = (i: number) => statusClasses[i];

describe('map SQL', () => {
  test('every query parses and binds', async () => {
    await expect(q.featureStatusSQL).toBindIn(engine, [2024, 'communes_45']);
    await expect(q.featureInfoSQL).toBindIn(engine, ['communes_45']);
    await expect(q.statusCountsSQL).toBindIn(engine, [2024, '45', '45']);
    await expect(q.statusCountsSQL).toBindIn(engine, [2024, null, null]);
    await expect(q.withoutBoundarySQL).toBindIn(engine, ['communes_45', '45']);
  });

  test('feature status joins units and the chosen year, by code', async () => {
    const rows = rowsOf<{ feature_index: number; status: number; criteria_met: number | null }>(
      await engine.query(q.featureStatusSQL, [2024, 'communes_45']),
    );
    expect(rows.map((r) => [r.feature_index, cls(r.status), r.criteria_met])).toEqual([
      [0, 'dat_chuan', 19],
      [1, 'nang_cao', 19],
      [2, 'out_of_scope', null],
      [3, 'kieu_mau', 19],
      [4, 'unattributed', null],
    ]);
  });

  test('a year without rows gives no_data for rural units, never a stale year', async () => {
    const rows = rowsOf<{ status: number }>(await engine.query(q.featureStatusSQL, [2023, 'communes_45']));
    expect(rows.map((r) => cls(r.status))).toEqual(['chua_dat', 'no_data', 'out_of_scope', 'no_data', 'unattributed']);
  });

  test('legend counts cover listed units, including those without a boundary', async () => {
    const rows = rowsOf<{ status: number; n: number }>(await engine.query(q.statusCountsSQL, [2024, '45', '45']));
    const counts = Object.fromEntries(rows.map((r) => [cls(r.status), r.n]));
    expect(counts).toEqual({ dat_chuan: 1, nang_cao: 1, kieu_mau: 1, chua_dat: 1, out_of_scope: 1 });
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

  test('feature info names special features by their district and keeps diacritics', async () => {
    const rows = rowsOf<{ name: string; district_name: string }>(await engine.query(q.featureInfoSQL, ['communes_45']));
    expect(rows[0]).toMatchObject({ name: 'Xã Hướng Lộc', district_name: 'Huyện Hướng Hóa' });
    expect(rows[4]).toMatchObject({ code: null, kind: 'orphan_2008_polygon', district_name: 'Huyện Hải Lăng' });
    expect(rows[0].name).toBe(rows[0].name.normalize('NFC'));
  });
});
