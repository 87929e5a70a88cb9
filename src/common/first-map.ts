/**
 * The first map's colours, computed at build time (prebuilt/build.ts) by the app's own SQL over the shipped
 * assets, so the browser can colour the map while DuckDB-WASM is still starting. One asset per vintage: one row per
 * commune-level unit in matrix order (the vintage's commune table's row order), its province, and per indicator and
 * year one column (`status_2024`, `criteria_2024`...; null = no data), Int8 where every value is a small integer,
 * Float64 otherwise. The schema's metadata carry the vintage, the data version (a hash of the input assets) and the
 * years. Written and read by this file only.
 */
import { Float64, Int8, Table, makeData, makeVector, tableFromIPC, tableToIPC, type Vector } from 'apache-arrow';
import { arrowIPC } from './arrow-table';
import { utf8Values } from './arrow-columns';
import { POST_REFORM, PRE_REFORM, type Vintage } from './vintage';

/** The asset's file under /generated/. */
export const firstMapAsset = (vintage: Vintage): string => (vintage === PRE_REFORM ? 'first_map.arrow' : `first_map_${vintage}.arrow`);

/**
 * The indicators it holds: what a first map of the vintage can show (status; tooltips read criteria whatever the
 * indicator; the post-reform units before their own rows: the share of their former communes that were NTM).
 */
export const firstMapIndicators = (vintage: Vintage): readonly string[] =>
  vintage === POST_REFORM ? ['status', 'criteria', 'former_ntm'] : ['status', 'criteria'];

export interface FirstMap {
  vintage: Vintage;
  /** Hash of the input assets the values were computed from (prebuilt/first-map.ts). */
  dataVersion: string;
  years: number[];
  /** unit codes and their provinces, in matrix order */
  code: string[];
  provinceCode: string[];
  /** per indicator: [unit * years.length + yearIndex], NaN = no data (as the engine's matrices) */
  matrices: Record<string, Float64Array>;
}

const column = (id: string, year: number) => `${id}_${year}`;

/** One year of a matrix as a nullable vector: Int8 where every value is a small integer, else Float64. */
function yearColumn(m: Float64Array, nUnits: number, nYears: number, yi: number): Vector {
  const nullBitmap = new Uint8Array(Math.ceil(nUnits / 8));
  let nullCount = 0;
  let small = true;
  for (let u = 0; u < nUnits; u++) {
    const v = m[u * nYears + yi];
    if (Number.isNaN(v)) nullCount++;
    else {
      nullBitmap[u >> 3] |= 1 << (u & 7);
      if (!Number.isInteger(v) || v < -128 || v > 127 || Object.is(v, -0)) small = false;
    }
  }
  const data = small ? new Int8Array(nUnits) : new Float64Array(nUnits);
  for (let u = 0; u < nUnits; u++) {
    const v = m[u * nYears + yi];
    data[u] = Number.isNaN(v) ? 0 : v;
  }
  return makeVector(makeData({ type: small ? new Int8() : new Float64(), length: nUnits, nullCount, nullBitmap, data } as never));
}

/** The asset's bytes. */
export function encodeFirstMap(f: FirstMap): Uint8Array {
  const nUnits = f.code.length;
  const nYears = f.years.length;
  const keys = tableFromIPC(arrowIPC({ commune_code: f.code, province_code: f.provinceCode }, { commune_code: 'utf8', province_code: 'utf8' }).bytes);
  const vectors: Record<string, Vector> = { commune_code: keys.getChild('commune_code')!, province_code: keys.getChild('province_code')! };
  for (const [id, m] of Object.entries(f.matrices)) {
    if (m.length !== nUnits * nYears) throw new Error(`${id}: ${m.length} values for ${nUnits} units x ${nYears} years`);
    f.years.forEach((y, yi) => (vectors[column(id, y)] = yearColumn(m, nUnits, nYears, yi)));
  }
  const table = new Table(vectors);
  table.schema.metadata.set('vintage', f.vintage);
  table.schema.metadata.set('data_version', f.dataVersion);
  table.schema.metadata.set('years', JSON.stringify(f.years));
  table.schema.metadata.set('indicators', JSON.stringify(Object.keys(f.matrices)));
  return tableToIPC(table, 'stream');
}

/** Reads the asset back into matrices laid out as the engine's. */
export function decodeFirstMap(bytes: Uint8Array): FirstMap {
  const t = tableFromIPC(bytes);
  const meta = (key: string) => {
    const v = t.schema.metadata.get(key);
    if (v === undefined) throw new Error(`first map: metadata ${key} missing`);
    return v;
  };
  const years = JSON.parse(meta('years')) as number[];
  const nUnits = t.numRows;
  const nYears = years.length;
  const strings = (name: string) => {
    const col = t.getChild(name);
    if (!col) throw new Error(`first map: column ${name} missing`);
    return utf8Values(col).map(String);
  };
  const matrices: Record<string, Float64Array> = {};
  for (const id of JSON.parse(meta('indicators')) as string[]) {
    const m = new Float64Array(nUnits * nYears);
    years.forEach((y, yi) => {
      const col = t.getChild(column(id, y));
      if (!col) throw new Error(`first map: column ${column(id, y)} missing`);
      let u = 0;
      for (const data of col.data) {
        // batches read from IPC are never slices (offset 0): values and validity bits start at row 0 of the batch
        if (data.offset !== 0) throw new Error('first map: sliced batch');
        const values = data.values as Int8Array | Float64Array;
        const valid = data.nullCount > 0 ? data.nullBitmap : null;
        for (let i = 0; i < data.length; i++, u++) m[u * nYears + yi] = !valid || (valid[i >> 3] & (1 << (i & 7))) !== 0 ? values[i] : NaN;
      }
    });
    matrices[id] = m;
  }
  return { vintage: meta('vintage') as Vintage, dataVersion: meta('data_version'), years, code: strings('commune_code'), provinceCode: strings('province_code'), matrices };
}
