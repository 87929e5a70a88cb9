// Synthetic programme tables at 1x, 10x and 100x the real size, as Arrow IPC streams (what the app inserts).
//   1x   = the real commune list (~10,600 units) x 10 years x  5 indicators  (~ commune_year + poverty_year today)
//   10x  = the real commune list               x 10 years x 50 indicators
//   100x = 10x the units (~106,000)              x 10 years x 50 indicators  (53M values, ~210 MB of Arrow)
// Wide layout like the app's tables: one row per unit and year, one FLOAT column per indicator (3% NULL),
// 90% of units have rows (the rest exercise the LEFT JOIN), codes are VARCHAR as in unit_commune.
import { Float32, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

export interface ScaleSpec {
  scale: number;
  unitsPerCommune: number;
  years: number;
  indicators: number;
}

export const scaleSpecs: Record<number, ScaleSpec> = {
  1: { scale: 1, unitsPerCommune: 1, years: 10, indicators: 5 },
  10: { scale: 10, unitsPerCommune: 1, years: 10, indicators: 50 },
  100: { scale: 100, unitsPerCommune: 10, years: 10, indicators: 50 },
};

export const firstYear = 2016;
export const indicatorColumn = (i: number) => `ind_${String(i + 1).padStart(2, '0')}`;

/** Deterministic 32-bit hash → [0, 1). */
function unitRandom(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x7f4a7c15, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}

function float32Column(values: Float32Array, valid: Uint8Array, nullCount: number): Vector {
  return makeVector(makeData({ type: new Float32(), length: values.length, data: values, nullBitmap: valid, nullCount }));
}

export interface SyntheticTables {
  spec: ScaleSpec;
  units: number;
  rows: number;
  values: number;
  unitIPC: Uint8Array;
  factIPC: Uint8Array;
}

/** Builds the unit table (commune_code in row order) and the fact table for one scale. */
export function synthesize(communeCodes: readonly string[], spec: ScaleSpec): SyntheticTables {
  const codes: string[] = [];
  for (const c of communeCodes) {
    if (spec.unitsPerCommune === 1) codes.push(c);
    else for (let k = 0; k < spec.unitsPerCommune; k++) codes.push(`${c}${k}`);
  }
  const covered = codes.filter((_, i) => i % 10 !== 9);
  const nRows = covered.length * spec.years;
  const rowCode: string[] = new Array(nRows);
  const year = new Int32Array(nRows);
  let r = 0;
  for (const c of covered) {
    for (let y = 0; y < spec.years; y++) {
      rowCode[r] = c;
      year[r] = firstYear + y;
      r++;
    }
  }
  const columns: Record<string, Vector> = {
    commune_code: vectorFromArray(rowCode, new Utf8()),
    year: makeVector(year),
  };
  for (let i = 0; i < spec.indicators; i++) {
    const values = new Float32Array(nRows);
    const valid = new Uint8Array(Math.ceil(nRows / 8));
    let nulls = 0;
    for (let k = 0; k < nRows; k++) {
      const u = unitRandom(k, i, spec.scale);
      if (u < 0.03) {
        nulls++;
        continue;
      }
      valid[k >> 3] |= 1 << (k & 7);
      // a trend over the years plus unit noise, in 0..100
      values[k] = Math.min(100, 100 * unitRandom(Math.floor(k / spec.years), i, 7) * 0.7 + 3 * (year[k] - firstYear) + 10 * u);
    }
    columns[indicatorColumn(i)] = float32Column(values, valid, nulls);
  }
  const fact = new Table(columns);
  const unit = new Table({ commune_code: vectorFromArray(codes, new Utf8()) });
  return {
    spec,
    units: codes.length,
    rows: nRows,
    values: nRows * spec.indicators,
    unitIPC: tableToIPC(unit, 'stream'),
    factIPC: tableToIPC(fact, 'stream'),
  };
}
