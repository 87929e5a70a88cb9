import { Bool, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, type DataType, type Vector } from 'apache-arrow';

/** A column as plain JS values or a typed array; `kinds` says how plain arrays are stored. */
export type Column = (string | null)[] | (boolean | null)[] | (number | null)[] | Int32Array | Float64Array | Float32Array | Uint8Array;
export type ColumnKind = 'utf8' | 'bool' | 'int32' | 'float64';

/** Validity bitmap (bit set = value present) and null count. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

/**
 * Vectors are assembled from buffers directly rather than with Arrow's builders: the builders generate code
 * with `new Function`, which the page's Content-Security-Policy (no unsafe-eval) forbids, and buffers are faster.
 */
function toVector(values: Column, kind?: ColumnKind): Vector {
  if (ArrayBuffer.isView(values)) return makeVector(values);
  const first = values.find((v) => v !== null && v !== undefined);
  const k = kind ?? (typeof first === 'boolean' ? 'bool' : typeof first === 'number' ? 'float64' : 'utf8');
  const { nullBitmap, nullCount } = validity(values);
  const length = values.length;
  if (k === 'int32' || k === 'float64') {
    const data = k === 'int32' ? new Int32Array(length) : new Float64Array(length);
    values.forEach((v, i) => (data[i] = (v as number | null) ?? 0));
    const type: DataType = k === 'int32' ? new Int32() : new Float64();
    return makeVector(makeData({ type, length, nullCount, nullBitmap, data } as never));
  }
  if (k === 'bool') {
    const data = new Uint8Array(Math.ceil(length / 8));
    values.forEach((v, i) => v && (data[i >> 3] |= 1 << (i & 7)));
    return makeVector(makeData({ type: new Bool(), length, nullCount, nullBitmap, data }));
  }
  // Plain Utf8 (not dictionary-encoded): DuckDB reads it as VARCHAR.
  const encoder = new TextEncoder();
  const parts = values.map((v) => (v === null || v === undefined ? new Uint8Array(0) : encoder.encode(String(v))));
  const valueOffsets = new Int32Array(length + 1);
  parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i] + p.length));
  const data = new Uint8Array(valueOffsets[length]);
  parts.forEach((p, i) => data.set(p, valueOffsets[i]));
  return makeVector(makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data }));
}

/** Columns -> Arrow IPC stream bytes, ready for DuckDB's insertArrowFromIPCStream. Works in Node and the browser. */
export function arrowIPC(columns: Record<string, Column>, kinds: Record<string, ColumnKind> = {}): { bytes: Uint8Array; rows: number } {
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(columns)) vectors[name] = toVector(values, kinds[name]);
  const table = new Table(vectors);
  return { bytes: tableToIPC(table, 'stream'), rows: table.numRows };
}
