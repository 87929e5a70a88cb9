// What the import worker hands the main thread: a view of the result (no rows but those to resolve), and the
// accepted rows as Arrow IPC streams that DuckDB loads into the import_* tables exactly as the rows read.
import { beforeAll, describe, expect, test } from 'vitest';
import { importTable, resolve, type ImportResult } from '../../../src/import/index.ts';
import { duckdbTable, importArrow, importColumnNames, importColumns, importTableNames, importTables } from '../../../src/import/service/import-rows.ts';
import { importView, listedIssues } from '../../../src/import/service/import-view.ts';
import { datasetColumnSQL, importSchemaSQL } from '../../../src/db/sql/imported.ts';
import { rowsOf, type SqlEngine } from '../../../src/db/engine.ts';
import { startNodeEngine } from '../helpers/node-engine.ts';
import { emptyAssetTableSQL } from '../helpers/schema-tables.ts';
import { fixture, focusUnits } from './helpers.ts';

const read = (name: string, province?: string) => importTable(fixture(name), { units: focusUnits(), currentYear: 2025, province });

describe('the view of an import result', () => {
  test('keeps the counts and the rows to resolve, lists warnings and errors, leaves the other rows out', async () => {
    const r = await read('bt_names_no_diacritics.csv', '83');
    const v = importView(r, 7);
    expect(v.handle).toBe(7);
    expect('rows' in v).toBe(false);
    const { issues: _all, ...counts } = r.report;
    const { issues, issueCount, errorsByCode, firstErrors, withoutYear, ...viewCounts } = v.report;
    expect(viewCounts).toEqual(counts);
    expect(withoutYear).toBe(0);
    expect(v.toResolve.map((x) => x.sourceRow)).toEqual(r.rows.filter((x) => x.match === 'ambiguous' || x.match === 'unmatched').map((x) => x.sourceRow));
    const shown = r.report.issues.filter((i) => i.severity !== 'info');
    expect(issueCount).toBe(shown.length);
    expect(issues).toEqual(shown.slice(0, listedIssues));
    const errors = r.report.issues.filter((i) => i.severity === 'error');
    expect(Object.values(errorsByCode).reduce((a, b) => a + (b ?? 0), 0)).toBe(errors.length);
    expect(firstErrors).toEqual(errors.slice(0, 5));
    // a row resolved (in the worker) gives a view with one row fewer to resolve
    const row = v.toResolve.find((x) => x.match === 'ambiguous')!;
    const next = importView(resolve(r, row.sourceRow, row.suggestions[0].commune_code, focusUnits()), 7);
    expect(next.toResolve.length).toBe(v.toResolve.length - 1);
    expect(next.report.matched).toBe(v.report.matched + 1);
  });

  test('a long list of issues is cut, and counted', async () => {
    const r = await read('qt_invalid_values.csv');
    const many: ImportResult = { ...r, report: { ...r.report, issues: Array.from({ length: 450 }, () => r.report.issues.find((i) => i.severity === 'error')!) } };
    const v = importView(many, 1);
    expect(v.report.issues).toHaveLength(listedIssues);
    expect(v.report.issueCount).toBe(450);
    expect(v.report.firstErrors).toHaveLength(5);
  });
});

describe('accepted rows as Arrow IPC streams', () => {
  let e: SqlEngine;
  beforeAll(async () => {
    e = await startNodeEngine();
    for (const s of importSchemaSQL) await e.query(s);
    // the shipped sponsorship table, with the dataset column added at the end (load.ts)
    await e.query(emptyAssetTableSQL('sponsorship'));
    for (const s of datasetColumnSQL) await e.query(s);
  });

  test('the import tables have the streams’ columns in order, so the streams are appended as they are', async () => {
    for (const t of ['communeYear', 'poverty', 'scope'] as const) {
      const columns = rowsOf<{ name: string }>(await e.query('SELECT column_name AS name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position', [duckdbTable[t]]));
      expect(columns.map((c) => c.name)).toEqual(importColumnNames[t]);
    }
  });

  test.each(['qt_2024_utf8_bom.csv', 'qt_poverty_2023_two_row_header.xlsx', 'qt_invalid_values.csv'])('%s loads into DuckDB as the model rows', async (name) => {
    const r = await read(name);
    const tables = importTables(r);
    const built = importArrow(importColumns(r), name);
    expect(built.skipped).toEqual(tables.skipped);
    // rows stored by an earlier version give the same streams
    expect(importArrow(tables, name)).toEqual(built);
    for (const t of importTableNames) {
      expect(built.counts[t]).toBe(tables[t].length);
      expect(built.arrow[t] === null).toBe(tables[t].length === 0);
      const bytes = built.arrow[t];
      if (!bytes) continue;
      if (t === 'sponsorship') {
        await e.query('DROP TABLE IF EXISTS _import_stage');
        await e.insertArrowIPC('_import_stage', bytes);
        await e.query(`INSERT INTO ${duckdbTable[t]} BY NAME SELECT * FROM _import_stage`);
      } else await e.insertArrowIPC(duckdbTable[t], bytes, { append: true });
      const columns = Object.keys(tables[t][0]);
      const back = rowsOf(await e.query(`SELECT ${columns.join(', ')} FROM ${duckdbTable[t]} WHERE dataset = ? ORDER BY rowid`, [name]));
      expect(back).toEqual(tables[t].map((row) => Object.fromEntries(columns.map((c) => [c, (row as Record<string, unknown>)[c] ?? null]))));
    }
    expect(built.counts.communeYear + built.counts.poverty).toBeGreaterThan(0);
    if (name === 'qt_2024_utf8_bom.csv') expect(built.counts.sponsorship).toBe(3);
  });
});
