import { arrowIPC, type Column, type ColumnKind } from '../../src/common/arrow-table.ts';
import { TABLE_SCHEMAS, type ArrowColumnType, type DataTables } from '../model/tables.ts';

/** How each declared column type is stored (nullable Int32/Float64 are real nulls; repeated strings get a dictionary). */
const kindOf: Record<ArrowColumnType, ColumnKind> = {
  int32: 'int32',
  int32_nullable: 'int32',
  float64_nullable: 'float64',
  bool: 'bool',
  utf8: 'utf8',
};

/** One table as an Arrow IPC stream, column order and types from TABLE_SCHEMAS (the app's own encoder). */
export function tableToIpcStream<K extends keyof DataTables>(name: K, table: DataTables[K]): Uint8Array {
  const schema = TABLE_SCHEMAS[name] as Record<string, ArrowColumnType>;
  const columns: Record<string, Column> = {};
  const kinds: Record<string, ColumnKind> = {};
  for (const [column, type] of Object.entries(schema)) {
    const values = (table as unknown as Record<string, unknown>)[column];
    if (values === undefined) throw new Error(`${name}: column ${column} missing`);
    columns[column] = values as Column;
    kinds[column] = kindOf[type];
  }
  return arrowIPC(columns, kinds).bytes;
}
