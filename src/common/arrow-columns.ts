import { tableFromIPC, type Table } from 'apache-arrow';

/** Reads an Arrow IPC asset in JS (for what must be drawn before DuckDB is up). */
export function readArrowTable(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

export function stringColumn(table: Table, name: string): (string | null)[] {
  const col = table.getChild(name);
  if (!col) throw new Error(`column ${name} missing`);
  return Array.from({ length: table.numRows }, (_, i) => (col.get(i) as string | null) ?? null);
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
