// The browser's exact engine (DuckDB-WASM, blocking bundle) in Node, behind the same SqlEngine interface.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SqlEngine } from '../../../src/db/engine';
import { offlineSettings } from '../../../src/db/engine';

const require = createRequire(import.meta.url);

export async function startNodeEngine(): Promise<SqlEngine> {
  const duckdb = await import('@duckdb/duckdb-wasm/blocking');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await duckdb.createDuckDB(
    { mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
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
