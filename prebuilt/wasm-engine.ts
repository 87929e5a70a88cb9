// The browser's exact engine (DuckDB-WASM, blocking bundle) in Node, behind the app's SqlEngine interface: the build
// computes the first map with it (prebuilt/first-map.ts) and the unit tests run their SQL on it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SqlEngine } from '../src/db/engine';
import { offlineSettings } from '../src/db/engine';

const require = createRequire(import.meta.url);
const dist = () => dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));

/** The DuckDB-WASM package's version: the engine the values were computed with. */
export function wasmEngineVersion(): string {
  return (JSON.parse(readFileSync(join(dist(), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

export async function startWasmEngine(): Promise<SqlEngine> {
  const duckdb = await import('@duckdb/duckdb-wasm/blocking');
  const db = await duckdb.createDuckDB(
    { mvp: { mainModule: join(dist(), 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist(), 'duckdb-eh.wasm'), mainWorker: '' } },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  for (const stmt of offlineSettings('http://127.0.0.1:9/none')) conn.query(stmt);
  return {
    async query(sql, params = []) {
      if (params.length === 0) return conn.query(sql);
      const stmt = conn.prepare(sql);
      try {
        return stmt.query(...params);
      } finally {
        stmt.close();
      }
    },
    async insertArrowIPC(name, bytes, options) {
      conn.insertArrowFromIPCStream(bytes, { name, create: !options?.append });
    },
  };
}
