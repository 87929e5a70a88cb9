import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Bool, Table, Utf8, makeVector, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

export type Column = (string | null)[] | (boolean | null)[] | Int32Array | Float64Array | Float32Array | Uint8Array;

function toVector(values: Column): Vector {
  if (ArrayBuffer.isView(values)) return makeVector(values);
  const firstNonNull = values.find((v) => v !== null);
  // Plain Utf8, not dictionary-encoded: DuckDB reads it as VARCHAR.
  return typeof firstNonNull === 'boolean' ? vectorFromArray(values, new Bool()) : vectorFromArray(values as (string | null)[], new Utf8());
}

/** Writes columns as an Arrow IPC stream (the browser inserts it with DuckDB's insertArrowFromIPCStream). */
export function writeArrow(path: string, columns: Record<string, Column>): { bytes: number; gzipBytes: number; rows: number } {
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(columns)) vectors[name] = toVector(values);
  const table = new Table(vectors);
  const bytes = tableToIPC(table, 'stream');
  writeFileSync(path, bytes);
  return { bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength, rows: table.numRows };
}
