import { Bool, Float64, Int32, Table, Utf8, makeVector, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { TABLE_SCHEMAS, type ArrowColumnType, type DataTables } from '../model/tables.ts';

function toVector(values: unknown, type: ArrowColumnType): Vector {
  switch (type) {
    case 'int32':
      return makeVector(values as Int32Array);
    case 'int32_nullable':
      return vectorFromArray(values as (number | null)[], new Int32());
    case 'float64_nullable':
      return vectorFromArray(values as (number | null)[], new Float64());
    case 'bool':
      return vectorFromArray(values as boolean[], new Bool());
    case 'utf8':
      return vectorFromArray(values as (string | null)[], new Utf8()); // plain Utf8: DuckDB reads VARCHAR
  }
}

/** One table as an Arrow IPC stream (column order and types from TABLE_SCHEMAS; nullable Int32/Float64 are real nulls). */
export function tableToIpcStream<K extends keyof DataTables>(name: K, table: DataTables[K]): Uint8Array {
  const schema = TABLE_SCHEMAS[name] as Record<string, ArrowColumnType>;
  const vectors: Record<string, Vector> = {};
  for (const [column, type] of Object.entries(schema)) {
    const values = (table as unknown as Record<string, unknown>)[column];
    if (values === undefined) throw new Error(`${name}: column ${column} missing`);
    vectors[column] = toVector(values, type);
  }
  return tableToIPC(new Table(vectors), 'stream');
}
