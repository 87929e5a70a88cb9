// The first map of a vintage, computed by the app's own start-up path and SQL on the browser's engine: the core
// tables loaded as the browser loads them (src/db/load), the indicators read with the query the browser runs
// (src/db/sql/indicator-values), the units and years as the browser lists them.
import { createHash } from 'node:crypto';
import { firstMapIndicators, type FirstMap } from '../src/common/first-map';
import type { Vintage } from '../src/common/vintage';
import { rowsOf } from '../src/db/engine';
import { coreAssetsOf, loadCore, type AssetReader } from '../src/db/load';
import { indicatorsMatrixSQL, type IndicatorId } from '../src/db/sql/indicator-values';
import { unitListOfVintageSQL, yearsOfVintageSQL } from '../src/db/sql/vintage';
import { startWasmEngine } from './wasm-engine';

/** The assets a vintage's first map is computed from: the tables the browser loads before its first query. */
export const firstMapInputs = (vintage: Vintage): readonly string[] => coreAssetsOf(vintage);

/** Hash of the input assets (names and bytes, in a fixed order): the data version the first map is keyed to. */
export async function dataVersionOf(read: AssetReader, vintage: Vintage): Promise<string> {
  const hash = createHash('sha256');
  for (const name of [...firstMapInputs(vintage)].sort()) {
    const bytes = await read(name);
    hash.update(`${name}\0${bytes.byteLength}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

export async function computeFirstMap(read: AssetReader, vintage: Vintage): Promise<FirstMap> {
  const engine = await startWasmEngine();
  await loadCore(engine, read, vintage);
  const years = rowsOf<{ year: number }>(await engine.query(yearsOfVintageSQL(vintage))).map((r) => r.year);
  const units = rowsOf<{ commune_code: string; province_code: string }>(await engine.query(unitListOfVintageSQL(vintage)));
  const ids = firstMapIndicators(vintage) as IndicatorId[];
  const t = await engine.query(indicatorsMatrixSQL(ids, vintage));
  const matrices = Object.fromEntries(ids.map((id, i) => [id, Float64Array.from(t.getChild(t.schema.fields[i].name)!.toArray() as Float64Array)]));
  return {
    vintage,
    dataVersion: await dataVersionOf(read, vintage),
    years,
    code: units.map((u) => u.commune_code),
    provinceCode: units.map((u) => u.province_code),
    matrices,
  };
}
