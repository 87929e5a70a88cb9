import { tableFromIPC, Type, type Data, type Table, type Vector } from 'apache-arrow';

/** Reads an Arrow IPC asset in JS (for what must be drawn before DuckDB is up). */
export function readArrowTable(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

export function stringColumn(table: Table, name: string): (string | null)[] {
  const col = table.getChild(name);
  if (!col) throw new Error(`column ${name} missing`);
  return utf8Values(col);
}

// ignoreBOM: a value that starts with U+FEFF keeps it (else the first value would lose it and the rest shift)
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A string column's values. Arrow's `get` decodes each value with its own TextDecoder call (the communes' and the
 * first map's string columns took about 50 ms of the main thread before the first frame); here each chunk is decoded
 * in one call and cut at its values' offsets, counted in UTF-16 units from the bytes. Other column types: as Arrow
 * reads them (columnValues).
 */
export function utf8Values(col: Vector): (string | null)[] {
  if (col.type.typeId !== Type.Utf8) return columnValues(col) as (string | null)[];
  const out: (string | null)[] = new Array(col.length);
  let at = 0;
  for (const chunk of col.data as Data<never>[]) at = decodeChunk(chunk, out, at);
  return out;
}

function decodeChunk(chunk: Data, out: (string | null)[], at: number): number {
  const offsets = chunk.valueOffsets as Int32Array;
  const bytes = chunk.values as Uint8Array;
  const n = chunk.length;
  let text: string;
  try {
    text = utf8.decode(bytes.subarray(offsets[0], offsets[n]));
  } catch {
    // not valid UTF-8: value by value, each bad sequence a replacement character (as Arrow reads it)
    for (let i = 0; i < n; i++) out[at + i] = chunk.getValid(i) ? lenient.decode(bytes.subarray(offsets[i], offsets[i + 1])) : null;
    return at + n;
  }
  let unit = 0;
  let b = offsets[0];
  for (let i = 0; i < n; i++) {
    const start = unit;
    // a UTF-16 unit per sequence, two for a 4-byte one; continuation bytes (10xxxxxx) add none
    for (const end = offsets[i + 1]; b < end; b++) {
      const x = bytes[b];
      if ((x & 0xc0) !== 0x80) unit += x >= 0xf0 ? 2 : 1;
    }
    out[at + i] = chunk.nullCount > 0 && !chunk.getValid(i) ? null : text.substring(start, unit);
  }
  return at + n;
}

/** A column's values, nulls included, read chunk by chunk (Arrow's `get` searches for the chunk of every value). */
export function columnValues(col: Vector): unknown[] {
  if (col.type.typeId === Type.Utf8) return utf8Values(col);
  const out: unknown[] = new Array(col.length);
  let i = 0;
  for (const v of col) out[i++] = v;
  return out;
}

export function numberColumn(table: Table, name: string): Float64Array {
  const col = table.getChild(name);
  if (!col) throw new Error(`column ${name} missing`);
  const out = new Float64Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const v = col.get(i);
    out[i] = v === null || v === undefined ? NaN : Number(v);
  }
  return out;
}
