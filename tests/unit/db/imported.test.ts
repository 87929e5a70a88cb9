// The import tables and the views that lay imports over the shipped series, as src/db/sql/imported.ts derives
// them from src/common/schema.ts, in the browser's engine (DuckDB-WASM, blocking bundle).
import { beforeEach, describe, expect, test } from 'vitest';
import {
  assetColumns, declaredColumns, duckdbType, importStreamColumns, importTable, loadedTable, tableSpec, TABLES,
  type ColumnDecl, type ImportMode, type TableName,
} from '../../../src/common/schema';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import { boundaryLayers } from '../../../src/db/schema';
import { datasetColumnSQL, importSchemaSQL, importViewSQL } from '../../../src/db/sql/imported';
import { duckdbTable, importColumnNames, tableIPC, type ImportTableName } from '../../../src/import/service/import-rows';
import { startNodeEngine } from '../helpers/node-engine';
import { engineWithAssets } from '../helpers/real-assets';
import { emptyAssetTableSQL, loadAssetRows } from '../helpers/schema-tables';

const tableNames = Object.keys(TABLES) as TableName[];

/** Two provinces: Quảng Trị (two Xã, a Thị trấn) and Bến Tre (one Xã); two years. */
const communes = [
  { commune_code: '19474', commune_type: 'Xã', district_code: '464', province_code: '45' },
  { commune_code: '19465', commune_type: 'Xã', district_code: '464', province_code: '45' },
  { commune_code: '19456', commune_type: 'Thị trấn', district_code: '464', province_code: '45' },
  { commune_code: '28756', commune_type: 'Xã', district_code: '829', province_code: '83' },
];
const years = [2023, 2024];
const xa = communes.filter((c) => c.commune_type === 'Xã');
const sampleNtm = xa.flatMap((c) =>
  years.map((year) => ({ commune_code: c.commune_code, year, criteria_set: 'qd318', criteria_met_count: 15, criteria_met_mask: 32767, tier: 'chua_dat', fell_back: false, provenance: 'illustrative' })),
);
const samplePoverty = communes.flatMap((c) =>
  years.map((year) => ({ unit_code: c.commune_code, unit_level: 'commune', year, households: 1000, poor: 100, near_poor: 50, standard: 'NĐ 07/2021/NĐ-CP', provenance: 'illustrative' })),
);

async function world(): Promise<SqlEngine> {
  const e = await startNodeEngine();
  await loadAssetRows(e, 'unit_commune', communes);
  await loadAssetRows(e, 'commune_year', sampleNtm);
  await loadAssetRows(e, 'poverty_year', samplePoverty);
  await e.query(emptyAssetTableSQL('sponsorship'));
  for (const s of [...importSchemaSQL, importViewSQL('commune_year'), importViewSQL('poverty_year'), ...datasetColumnSQL]) await e.query(s);
  return e;
}

let seq = 0;
/** An import as the import service loads it: its import_dataset row, then each table's Arrow stream appended. */
async function importDataset(e: SqlEngine, mode: ImportMode, tables: Partial<Record<ImportTableName, Record<string, unknown>[]>>): Promise<string> {
  const id = `dataset-${++seq}`;
  await e.query('INSERT INTO import_dataset (dataset, file, imported_at, mode, seq) VALUES (?, ?, ?, ?, ?)', [id, `${id}.csv`, '2025-06-30T00:00:00Z', mode, seq]);
  for (const [name, rows] of Object.entries(tables) as [ImportTableName, Record<string, unknown>[]][]) {
    const columns = Object.fromEntries(importColumnNames[name].filter((n) => n !== 'dataset').map((n) => [n, rows.map((r) => r[n] ?? null)]));
    const bytes = tableIPC(name, columns, id);
    if (bytes) await e.insertArrowIPC(duckdbTable[name], bytes, { append: true });
  }
  return id;
}

const ntmRow = (commune_code: string, year: number, tier: string, count: number | null = null) => ({
  commune_code, year, criteria_set: 'qd318', criteria_met_count: count, tier, fell_back: false, provenance: 'imported', source: 'x.csv, dòng 2',
});

type NtmView = { commune_code: string; year: number; tier: string; provenance: string };
const ntmView = async (e: SqlEngine) =>
  rowsOf<NtmView>(await e.query('SELECT commune_code, year::INTEGER AS year, tier, provenance FROM commune_year ORDER BY commune_code, year'));
const sampleView = (): NtmView[] =>
  sampleNtm.map((r) => ({ commune_code: r.commune_code, year: r.year, tier: r.tier, provenance: r.provenance })).sort((a, b) => a.commune_code.localeCompare(b.commune_code) || a.year - b.year);

async function columnsOf(e: SqlEngine, table: string): Promise<ColumnDecl[]> {
  const rows = rowsOf<{ name: string; type: string }>(
    await e.query("SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", [table]),
  );
  return rows as unknown as ColumnDecl[];
}
const asDuckdb = (columns: ColumnDecl[]) => columns.map((c) => ({ name: c.name, type: duckdbType[c.type] }));

describe('import tables and views derived from the schema', () => {
  let e: SqlEngine;
  beforeEach(async () => {
    e = await world();
  });

  test('the DDL creates exactly the declared columns, in order, with their types', async () => {
    const expected = new Map<string, { name: string; type: string }[]>();
    for (const t of tableNames) {
      const { imports } = tableSpec(t);
      if (imports === 'overlay') {
        expected.set(importTable(t), asDuckdb(importStreamColumns(t)));
        expected.set(t, asDuckdb(declaredColumns(t))); // the view
      } else if (imports === 'only') expected.set(t, asDuckdb(declaredColumns(t)));
      else if (imports === 'append') expected.set(t, [...asDuckdb(assetColumns(t)), { name: 'dataset', type: 'VARCHAR' }]);
    }
    expect([...expected.keys()].sort()).toEqual(['commune_year', 'import_commune_year', 'import_dataset', 'import_poverty_year', 'import_scope', 'poverty_year', 'sponsorship']);
    for (const [table, columns] of expected) expect(await columnsOf(e, table), table).toEqual(columns);
    // the streams an import writes are appended as they are: their columns are the import tables' own
    for (const name of ['communeYear', 'poverty', 'scope'] as const) expect((await columnsOf(e, duckdbTable[name])).map((c) => c.name)).toEqual(importColumnNames[name]);
    // the imports-only columns are null on the shipped rows (poverty_year.source)
    expect(rowsOf(await e.query('SELECT count(*)::INTEGER AS n, count(source)::INTEGER AS with_source FROM poverty_year'))).toEqual([{ n: samplePoverty.length, with_source: 0 }]);
  });

  test('without imports, the views show the sample', async () => {
    expect(await ntmView(e)).toEqual(sampleView());
  });

  test('beside: an imported unit-year replaces that sample row only', async () => {
    await importDataset(e, 'beside', { communeYear: [ntmRow('19474', 2024, 'dat_chuan', 19)], scope: [{ province_code: '45', year: 2024 }] });
    const expected = sampleView().map((r) => (r.commune_code === '19474' && r.year === 2024 ? { ...r, tier: 'dat_chuan', provenance: 'imported' } : r));
    expect(await ntmView(e)).toEqual(expected);
    const imported = rowsOf(await e.query("SELECT criteria_met_count, source FROM commune_year WHERE provenance = 'imported'"));
    expect(imported).toEqual([{ criteria_met_count: 19, source: 'x.csv, dòng 2' }]);
  });

  test('replace: the province-years an import covers show its rows only; other years and provinces keep the sample', async () => {
    await importDataset(e, 'replace', {
      communeYear: [ntmRow('19474', 2024, 'nang_cao')],
      poverty: [{ unit_code: '19456', unit_level: 'commune', year: 2024, households: 900, poor: 9, near_poor: 18, standard: 'NĐ 07/2021/NĐ-CP', provenance: 'imported', source: 'x.csv, dòng 3' }],
      scope: [{ province_code: '45', year: 2024 }],
    });
    const hidden = (r: { commune_code: string; year: number }) => r.year === 2024 && communes.find((c) => c.commune_code === r.commune_code)!.province_code === '45';
    const expected = [...sampleView().filter((r) => !hidden(r)), { commune_code: '19474', year: 2024, tier: 'nang_cao', provenance: 'imported' }];
    expect(await ntmView(e)).toEqual(expected.sort((a, b) => a.commune_code.localeCompare(b.commune_code) || a.year - b.year));
    const poverty2024 = rowsOf(await e.query('SELECT unit_code, poor, provenance FROM poverty_year WHERE year = 2024 ORDER BY unit_code'));
    expect(poverty2024).toEqual([
      { unit_code: '19456', poor: 9, provenance: 'imported' },
      { unit_code: '28756', poor: 100, provenance: 'illustrative' },
    ]);
    expect(rowsOf(await e.query('SELECT count(*)::INTEGER AS n FROM poverty_year WHERE year = 2023'))[0]).toEqual({ n: communes.length });
  });

  test('the latest import of a unit-year wins; removing it shows the earlier one, then the sample', async () => {
    const tierOf = async () => rowsOf<{ tier: string; provenance: string }>(await e.query("SELECT tier, provenance FROM commune_year WHERE commune_code = '19465' AND year = 2023"));
    const first = await importDataset(e, 'beside', { communeYear: [ntmRow('19465', 2023, 'dat_chuan')] });
    const second = await importDataset(e, 'beside', { communeYear: [ntmRow('19465', 2023, 'kieu_mau')] });
    expect(await tierOf()).toEqual([{ tier: 'kieu_mau', provenance: 'imported' }]);
    // the order is import_dataset.seq, not the order the rows were appended in
    await e.query('UPDATE import_dataset SET seq = 0 WHERE dataset = ?', [second]);
    expect(await tierOf()).toEqual([{ tier: 'dat_chuan', provenance: 'imported' }]);
    await e.query('UPDATE import_dataset SET seq = 99 WHERE dataset = ?', [second]);
    for (const dataset of [second, first]) {
      await e.query('DELETE FROM import_commune_year WHERE dataset = ?', [dataset]);
      await e.query('DELETE FROM import_dataset WHERE dataset = ?', [dataset]);
      expect(await tierOf()).toEqual([{ tier: dataset === second ? 'dat_chuan' : 'chua_dat', provenance: dataset === second ? 'imported' : 'illustrative' }]);
    }
  });
});

describe('the built assets', () => {
  test('every asset has exactly the declared columns, in order, with their types', async () => {
    const e = await engineWithAssets();
    for (const t of tableNames) {
      const { asset, build, imports } = tableSpec(t);
      const loaded = asset ? [loadedTable(t)] : build ? boundaryLayers.map((l) => `boundary_${l}`) : [];
      // a table that imports are appended to gets their dataset column after loading
      const added = imports === 'append' ? [{ name: 'dataset', type: 'VARCHAR' }] : [];
      for (const table of loaded) expect(await columnsOf(e, table), table).toEqual([...asDuckdb(assetColumns(t)), ...added]);
    }
  });
});
