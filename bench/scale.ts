/**
 * Benchmark page for what grows with the data: the app's DuckDB start-up and Arrow insert path (src/db), an
 * indicator matrix query of the app's shape, the JS year slice + classification, and the table import pipeline
 * (src/import) followed by the insert of its rows into DuckDB. Driven by tests/bench/run.ts through window.benchScale.
 */
import { Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { startBrowserEngine } from '../src/db/browser-engine';
import { rowsOf, type SqlEngine } from '../src/db/engine';
import { classify } from '../src/classify/classify';
import { schemeColours } from '../src/classify/palettes';

let engine: SqlEngine | null = null;
const now = () => performance.now();

async function fetchBytes(url: string): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

function db(): SqlEngine {
  if (!engine) throw new Error('call start() first');
  return engine;
}

/** The app's per-switch JS work for one year: slice the matrix, classify (Jenks, 5), write RGBA per unit. */
function sliceAndColour(matrix: Float64Array, nUnits: number, nYears: number, yi: number) {
  const t0 = now();
  const values = new Float64Array(nUnits);
  for (let u = 0; u < nUnits; u++) values[u] = matrix[u * nYears + yi];
  const t1 = now();
  const c = classify(values, 'jenks', 5);
  const t2 = now();
  const colours = schemeColours('YlGn', c.ranges.length);
  const rgba = new Uint8Array(nUnits * 4);
  for (let u = 0; u < nUnits; u++) {
    const k = c.classOf[u];
    const col = k === 255 ? [200, 200, 200, 255] : colours[k];
    rgba.set(col, u * 4);
  }
  const t3 = now();
  return { sliceMs: t1 - t0, classifyMs: t2 - t1, colourMs: t3 - t2, totalMs: t3 - t0 };
}

interface ImportRowLike {
  commune_code: string | null;
  rejected: boolean;
  values: { year: number | null; criteria_met_count: number | null; households: number | null; poor: number | null; near_poor: number | null };
}

const api = {
  async start() {
    const t0 = now();
    engine = await startBrowserEngine();
    return { startMs: now() - t0 };
  },

  /** Fetches an Arrow IPC stream and creates table `name` from it through the app's insert path. */
  async insert(name: string, url: string) {
    const t0 = now();
    const bytes = await fetchBytes(url);
    const t1 = now();
    await db().query(`DROP TABLE IF EXISTS "${name}"`);
    const t2 = now();
    await db().insertArrowIPC(name, bytes);
    const t3 = now();
    return { bytes: bytes.byteLength, fetchMs: t1 - t0, insertMs: t3 - t2 };
  },

  async sql(query: string) {
    const t0 = now();
    const rows = rowsOf(await db().query(query));
    return { ms: now() - t0, rows };
  },

  /** One indicator for every unit and year in one query (the app's matrix shape), then a year switch in JS. */
  async matrix(unitTable: string, factTable: string, column: string, yearIndex: number) {
    const t0 = now();
    const t = await db().query(`
WITH years AS (SELECT DISTINCT year FROM "${factTable}")
SELECT f."${column}"::DOUBLE AS value
FROM (SELECT rowid AS unit_row, * FROM "${unitTable}") u
CROSS JOIN years t
LEFT JOIN "${factTable}" f ON f.commune_code = u.commune_code AND f.year = t.year
ORDER BY u.unit_row, t.year`);
    const t1 = now();
    const m = t.getChild('value')!.toArray() as Float64Array;
    const t2 = now();
    const nYears = Number(rowsOf<{ n: number }>(await db().query(`SELECT count(DISTINCT year)::INTEGER AS n FROM "${factTable}"`))[0].n);
    const nUnits = m.length / nYears;
    const sw = sliceAndColour(m, nUnits, nYears, yearIndex);
    return { queryMs: t1 - t0, toArrayMs: t2 - t1, values: m.length, nUnits, nYears, switch: sw };
  },

  /** One year of one indicator (the alternative: a query per switch). */
  async yearQuery(unitTable: string, factTable: string, column: string, year: number) {
    const t0 = now();
    const t = await db().query(`
SELECT f."${column}"::DOUBLE AS value
FROM (SELECT rowid AS unit_row, * FROM "${unitTable}") u
LEFT JOIN "${factTable}" f ON f.commune_code = u.commune_code AND f.year = ${Number(year)}
ORDER BY u.unit_row`);
    const m = t.getChild('value')!.toArray() as Float64Array;
    return { ms: now() - t0, values: m.length };
  },

  /** Loads the unit tables (the importer matches against them). */
  async loadUnits() {
    const t0 = now();
    for (const [table, asset] of [['unit_province', 'units_provinces'], ['unit_district', 'units_districts'], ['unit_commune', 'units_communes']]) {
      await db().insertArrowIPC(table, await fetchBytes(`/generated/${asset}.arrow`));
    }
    await db().insertArrowIPC('poverty_year', await fetchBytes('/generated/poverty_year.arrow'));
    return { ms: now() - t0 };
  },

  /**
   * The import path as far as it exists without the app's hook: src/import's importTable() on the file's bytes
   * (decode, parse, header, values, match, validate, report), the accepted rows to Arrow, inserted into DuckDB,
   * and merged into poverty_year (replace the unit-years the file brings).
   */
  async importCsv(url: string) {
    const { importTable, buildUnitIndex } = await import('../src/import/index');
    const units = rowsOf<{
      commune_code: string; commune_name: string; commune_type: string; district_code: string; district_name: string; province_code: string; province_name: string;
    }>(
      await db().query(`SELECT u.commune_code, u.commune_name, u.commune_type, u.district_code, d.district_name, u.province_code, p.province_name
        FROM unit_commune u LEFT JOIN unit_district d USING (district_code) LEFT JOIN unit_province p ON p.province_code = u.province_code ORDER BY u.rowid`),
    );
    const bytes = await fetchBytes(url);
    const t0 = now();
    const index = buildUnitIndex(units);
    const t1 = now();
    const result = await importTable({ name: url.split('/').pop()!, bytes }, { units: index, currentYear: 2025 });
    const t2 = now();
    const rows = (result.rows as ImportRowLike[]).filter((r) => !r.rejected && r.commune_code !== null);
    const int = (f: (r: ImportRowLike) => number | null) => vectorFromArray(rows.map(f), new Int32());
    const table = new Table({
      unit_code: vectorFromArray(rows.map((r) => r.commune_code), new Utf8()),
      year: int((r) => r.values.year),
      households: int((r) => r.values.households),
      poor: int((r) => r.values.poor),
      near_poor: int((r) => r.values.near_poor),
      criteria_met_count: int((r) => r.values.criteria_met_count),
    });
    const ipc = tableToIPC(table, 'stream');
    const t3 = now();
    await db().query('DROP TABLE IF EXISTS import_staging');
    await db().insertArrowIPC('import_staging', ipc);
    const t4 = now();
    await db().query(`DELETE FROM poverty_year WHERE (unit_code, year) IN (SELECT unit_code, year FROM import_staging)`);
    await db().query(`INSERT INTO poverty_year BY NAME SELECT unit_code, year, households, poor, near_poor FROM import_staging`);
    const t5 = now();
    return {
      ok: result.ok,
      read: result.report.read,
      accepted: result.report.accepted,
      bytes: bytes.byteLength,
      indexMs: t1 - t0,
      importTableMs: t2 - t1,
      toArrowMs: t3 - t2,
      insertMs: t4 - t3,
      mergeMs: t5 - t4,
      totalMs: t5 - t0,
    };
  },

  memory() {
    const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return m?.usedJSHeapSize ?? null;
  },
};

(window as unknown as { benchScale: typeof api }).benchScale = api;
