// Tables as the app has them after loading, built from src/common/schema.ts instead of the real assets.
import { arrowIPC, type Column } from '../../../src/common/arrow-table';
import { assetColumns, duckdbType, loadedTable, type TableName } from '../../../src/common/schema';
import type { SqlEngine } from '../../../src/db/engine';

/** An asset's table, empty: its DuckDB name and declared columns. */
export function emptyAssetTableSQL(table: TableName): string {
  const columns = assetColumns(table).map((c) => `"${c.name}" ${duckdbType[c.type]}`);
  return `CREATE TABLE "${loadedTable(table)}" (${columns.join(', ')})`;
}

/** Loads rows (objects, columns missing = null) as the table's asset would be: Arrow IPC with the declared kinds. */
export async function loadAssetRows(e: SqlEngine, table: TableName, rows: Record<string, unknown>[]): Promise<void> {
  const columns: Record<string, Column> = {};
  const kinds: Record<string, 'utf8' | 'int32' | 'float64' | 'bool'> = {};
  for (const { name, type } of assetColumns(table)) {
    columns[name] = rows.map((r) => r[name] ?? null) as Column;
    kinds[name] = type;
  }
  await e.insertArrowIPC(loadedTable(table), arrowIPC(columns, kinds).bytes);
}
