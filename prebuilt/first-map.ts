// The first map's matrices, computed by the app's own start-up path and SQL on the browser's engine: the core tables
// loaded as the browser loads them (src/db/load), status and criteria read with the query the browser runs
// (src/db/sql/indicator-values), the units in the order of that query's rows.
import { createHash } from 'node:crypto';
import { FIRST_MAP_INDICATORS, type FirstMap, type FirstMapIndicator } from '../src/common/first-map';
import { rowsOf } from '../src/db/engine';
import { coreAssets, loadCore, type AssetReader } from '../src/db/load';
import { indicatorsMatrixSQL, unitListSQL } from '../src/db/sql/indicator-values';
import { yearsSQL } from '../src/db/sql/map-queries';
import { startWasmEngine } from './wasm-engine';

/** The assets the first map is computed from: the tables the browser loads before its first query. */
export const firstMapInputs: readonly string[] = coreAssets;

/** Hash of the input assets (names and bytes, in a fixed order): the data version the first map is keyed to. */
export async function dataVersionOf(read: AssetReader): Promise<string> {
  const hash = createHash('sha256');
  for (const name of [...firstMapInputs].sort()) {
    const bytes = await read(name);
    hash.update(`${name}\0${bytes.byteLength}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

export async function computeFirstMap(read: AssetReader): Promise<FirstMap> {
  const engine = await startWasmEngine();
  await loadCore(engine, read);
  const years = rowsOf<{ year: number }>(await engine.query(yearsSQL)).map((r) => r.year);
  const units = rowsOf<{ commune_code: string; province_code: string }>(await engine.query(unitListSQL));
  const t = await engine.query(indicatorsMatrixSQL([...FIRST_MAP_INDICATORS]));
  const matrices = Object.fromEntries(
    FIRST_MAP_INDICATORS.map((id, i) => [id, Float64Array.from(t.getChild(t.schema.fields[i].name)!.toArray() as Float64Array)]),
  ) as Record<FirstMapIndicator, Float64Array>;
  return {
    dataVersion: await dataVersionOf(read),
    years,
    code: units.map((u) => u.commune_code),
    provinceCode: units.map((u) => u.province_code),
    matrices,
  };
}
