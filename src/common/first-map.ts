/**
 * The first map's colours, computed at build time (prebuilt/build.ts) by the app's own SQL over the shipped
 * assets, so the browser can colour the map while DuckDB-WASM is still starting. One row per commune-level unit in
 * matrix order (unit_commune's row order), its province, and per indicator and year one Int8 column
 * (`status_2024`, `criteria_2024`...; null = no data). The schema's metadata carry the data version (a hash of the
 * input assets) and the years. Written and read by this file only.
 */
import { Int8, Table, makeData, makeVector, tableFromIPC, tableToIPC, type Vector } from 'apache-arrow';
import { arrowIPC } from './arrow-table';

/** The asset's file under /generated/. */
export const FIRST_MAP_ASSET = 'first_map.arrow';

/** The indicators it holds: what the first map needs (status; tooltips read criteria whatever the indicator). */
export const FIRST_MAP_INDICATORS = ['status', 'criteria'] as const;
export type FirstMapIndicator = (typeof FIRST_MAP_INDICATORS)[number];

export interface FirstMap {
  /** Hash of the input assets the values were computed from (see dataVersionOf). */
  dataVersion: string;
  years: number[];
  /** unit codes and their provinces, in matrix order */
  code: string[];
  provinceCode: string[];
  /** per indicator: [unit * years.length + yearIndex], NaN = no data (as the engine's matrices) */
  matrices: Record<FirstMapIndicator, Float64Array>;
}

const column = (id: string, year: number) => `${id}_${year}`;

/** One year of a matrix as a nullable Int8 vector; throws when a value is not a small integer (it would not round-trip). */
function int8Column(m: Float64Array, nUnits: number, nYears: number, yi: number, name: string): Vector {
  const data = new Int8Array(nUnits);
  const nullBitmap = new Uint8Array(Math.ceil(nUnits / 8));
  let nullCount = 0;
  for (let u = 0; u < nUnits; u++) {
    const v = m[u * nYears + yi];
    if (Number.isNaN(v)) {
      nullCount++;
      continue;
    }
    if (!Number.isInteger(v) || v < -128 || v > 127 || Object.is(v, -0)) throw new Error(`${name}: ${v} does not fit Int8`);
    data[u] = v;
    nullBitmap[u >> 3] |= 1 << (u & 7);
  }
  return makeVector(makeData({ type: new Int8(), length: nUnits, nullCount, nullBitmap, data }));
}

/** The asset's bytes. */
export function encodeFirstMap(f: FirstMap): Uint8Array {
  const nUnits = f.code.length;
  const nYears = f.years.length;
  const keys = tableFromIPC(arrowIPC({ commune_code: f.code, province_code: f.provinceCode }, { commune_code: 'utf8', province_code: 'utf8' }).bytes);
  const vectors: Record<string, Vector> = { commune_code: keys.getChild('commune_code')!, province_code: keys.getChild('province_code')! };
  for (const id of FIRST_MAP_INDICATORS) {
    const m = f.matrices[id];
    if (m.length !== nUnits * nYears) throw new Error(`${id}: ${m.length} values for ${nUnits} units x ${nYears} years`);
    f.years.forEach((y, yi) => (vectors[column(id, y)] = int8Column(m, nUnits, nYears, yi, column(id, y))));
  }
  const table = new Table(vectors);
  table.schema.metadata.set('data_version', f.dataVersion);
  table.schema.metadata.set('years', JSON.stringify(f.years));
  return tableToIPC(table, 'stream');
}

/** Reads the asset back into matrices laid out as the engine's. */
export function decodeFirstMap(bytes: Uint8Array): FirstMap {
  const t = tableFromIPC(bytes);
  const dataVersion = t.schema.metadata.get('data_version');
  const yearsText = t.schema.metadata.get('years');
  if (!dataVersion || !yearsText) throw new Error(`${FIRST_MAP_ASSET}: metadata missing`);
  const years = JSON.parse(yearsText) as number[];
  const nUnits = t.numRows;
  const nYears = years.length;
  const strings = (name: string) => {
    const col = t.getChild(name);
    if (!col) throw new Error(`${FIRST_MAP_ASSET}: column ${name} missing`);
    return Array.from({ length: nUnits }, (_, i) => String(col.get(i)));
  };
  const matrices = {} as Record<FirstMapIndicator, Float64Array>;
  for (const id of FIRST_MAP_INDICATORS) {
    const m = new Float64Array(nUnits * nYears);
    years.forEach((y, yi) => {
      const col = t.getChild(column(id, y));
      if (!col) throw new Error(`${FIRST_MAP_ASSET}: column ${column(id, y)} missing`);
      let u = 0;
      for (const data of col.data) {
        // batches read from IPC are never slices (offset 0): values and validity bits start at row 0 of the batch
        if (data.offset !== 0) throw new Error(`${FIRST_MAP_ASSET}: sliced batch`);
        const values = data.values as Int8Array;
        const valid = data.nullCount > 0 ? data.nullBitmap : null;
        for (let i = 0; i < data.length; i++, u++) m[u * nYears + yi] = !valid || (valid[i >> 3] & (1 << (i & 7))) !== 0 ? values[i] : NaN;
      }
    });
    matrices[id] = m;
  }
  return { dataVersion, years, code: strings('commune_code'), provinceCode: strings('province_code'), matrices };
}
