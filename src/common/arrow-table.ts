import { Bool, Dictionary, Float64, Int8, Int16, Int32, Table, Utf8, makeData, makeVector, tableToIPC, type DataType, type Vector } from 'apache-arrow';

/** A column as plain JS values or a typed array; `kinds` says how plain arrays are stored. */
export type Column = (string | null)[] | (boolean | null)[] | (number | null)[] | Int32Array | Float64Array | Float32Array | Uint8Array;
export type ColumnKind = 'utf8' | 'bool' | 'int32' | 'float64';

/** Validity bitmap (bit set = value present) and null count. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap, nullCount };
}

/**
 * Vectors are assembled from buffers directly rather than with Arrow's builders: the builders generate code
 * with `new Function`, which the page's Content-Security-Policy (no unsafe-eval) forbids, and buffers are faster.
 */
function toVector(values: Column, kind: ColumnKind | undefined, dictionaryId: number): Vector {
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
  return repetitive(values as (string | null)[]) ? dictionaryVector(values as (string | null)[], nullBitmap, nullCount, dictionaryId) : utf8Vector(values as (string | null)[], nullBitmap, nullCount);
}

const encoder = new TextEncoder();

/** UTF-8 of every value into one buffer (lone surrogates become U+FFFD, as with TextEncoder), no array per value. */
function utf8Vector(values: (string | null)[], nullBitmap: Uint8Array, nullCount: number): Vector {
  const length = values.length;
  const valueOffsets = new Int32Array(length + 1);
  let data = new Uint8Array(1024);
  let at = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) {
      const s = String(v);
      const n = s.length;
      // UTF-8 takes at most 3 bytes per UTF-16 unit
      if (at + n * 3 > data.length) {
        const grown = new Uint8Array(Math.max(data.length * 2, at + n * 3));
        grown.set(data.subarray(0, at));
        data = grown;
      }
      // ASCII (codes, most names' bytes) inline; anything else through the platform's encoder
      let k = 0;
      for (; k < n; k++) {
        const c = s.charCodeAt(k);
        if (c >= 0x80) break;
        data[at + k] = c;
      }
      at += k < n ? encoder.encodeInto(s, data.subarray(at)).written : n;
    }
    valueOffsets[i + 1] = at;
  }
  return makeVector(makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data: data.slice(0, at) }));
}

/** Few distinct values, many rows (tiers, criteria sets, sources, provenance): worth a dictionary. */
function repetitive(values: (string | null)[]): boolean {
  if (values.length < 64) return false;
  const seen = new Set<string | null>();
  for (const v of values) {
    seen.add(v);
    if (seen.size * 4 > values.length) return false;
  }
  return true;
}

/**
 * Dictionary-encoded Utf8: DuckDB still reads a VARCHAR column, but the IPC stream holds each
 * distinct string once — the programme tables repeat their tier, source and provenance texts on every row.
 */
function dictionaryVector(values: (string | null)[], nullBitmap: Uint8Array, nullCount: number, id: number): Vector {
  const index = new Map<string, number>();
  const distinct: string[] = [];
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const s = String(v);
    let k = index.get(s);
    if (k === undefined) index.set(s, (k = distinct.push(s) - 1));
    codes[i] = k;
  });
  const dictionary = utf8Vector(distinct, new Uint8Array(Math.ceil(distinct.length / 8)).fill(255), 0);
  // the narrowest index type that holds every code
  const [indexType, indices] =
    distinct.length <= 0x7f ? [new Int8(), Int8Array.from(codes)] : distinct.length <= 0x7fff ? [new Int16(), Int16Array.from(codes)] : [new Int32(), codes];
  // an explicit id: Arrow's default comes from a global counter, and the same table must give the same bytes
  const type = new Dictionary(new Utf8(), indexType, id);
  return makeVector(makeData({ type, length: values.length, nullCount, nullBitmap, data: indices, dictionary } as never));
}

/** Columns -> Arrow IPC stream bytes, ready for DuckDB's insertArrowFromIPCStream. Works in Node and the browser. */
export function arrowIPC(columns: Record<string, Column>, kinds: Record<string, ColumnKind> = {}): { bytes: Uint8Array; rows: number } {
  const vectors: Record<string, Vector> = {};
  Object.entries(columns).forEach(([name, values], i) => (vectors[name] = toVector(values, kinds[name], i)));
  const table = new Table(vectors);
  return { bytes: tableToIPC(table, 'stream'), rows: table.numRows };
}
