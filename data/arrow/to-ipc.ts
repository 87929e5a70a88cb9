import { arrowIPC, type Column, type ColumnKind } from '../../src/common/arrow-table.ts';
import { assetColumns, type DataTableName } from '../../src/common/schema.ts';
import type { DataTables } from '../model/tables.ts';

/**
 * One table as an Arrow IPC stream, column order and types from src/common/schema.ts (the app's own encoder;
 * nullable Int32/Float64 are real nulls, repeated strings get a dictionary).
 */
export function tableToIpcStream<K extends DataTableName>(name: K, table: DataTables[K]): Uint8Array {
  const columns: Record<string, Column> = {};
  const kinds: Record<string, ColumnKind> = {};
  for (const { name: column, type } of assetColumns(name)) {
    const values = (table as unknown as Record<string, unknown>)[column];
    if (values === undefined) throw new Error(`${name}: column ${column} missing`);
    columns[column] = values as Column;
    kinds[column] = type;
  }
  return arrowIPC(columns, kinds).bytes;
}
