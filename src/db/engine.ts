import type { Table } from 'apache-arrow';
import { columnValues } from '../common/arrow-columns';

/**
 * The one door to DuckDB. The browser uses the async worker bundle, unit tests the blocking
 * bundle of the same engine; SQL modules only see this interface.
 */
export interface SqlEngine {
  /** Runs a statement with bound parameters (? placeholders). User text is never concatenated into SQL. */
  query(sql: string, params?: readonly unknown[]): Promise<Table>;
  /**
   * Creates table `name` from Arrow IPC stream bytes; with `append`, adds the rows to the existing table `name`
   * instead, column by position (the stream's columns must be the table's, in its order).
   */
  insertArrowIPC(name: string, bytes: Uint8Array, options?: { append?: boolean }): Promise<void>;
}

/** Settings that keep DuckDB offline: a missing extension is then a clean error, never a hung worker. */
export const offlineSettings = (extensionRepository: string): string[] => [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  `SET custom_extension_repository = ${quoteLiteral(extensionRepository)}`,
];

/** Quotes an identifier for DuckDB ("a""b"). Use for table/column names that come from data. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal; only for settings that cannot take bound parameters. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Rows of an Arrow table as plain objects with BigInt turned into Number. */
export function rowsOf<T = Record<string, unknown>>(table: Table): T[] {
  const names = table.schema.fields.map((f) => f.name);
  // column by column: a query's result comes in many record batches, and a value read by row index costs a search
  // for its batch (and its own TextDecoder call): 150 ms of the start-up's main thread, read by rows
  const cols = names.map((n) => columnValues(table.getChild(n)!));
  const out: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) {
      const v = cols[c][i];
      row[names[c]] = typeof v === 'bigint' ? Number(v) : v;
    }
    out[i] = row as T;
  }
  return out;
}
