import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { offlineSettings, type SqlEngine } from './engine';

const bundles: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/**
 * Starts DuckDB-WASM from files served by our own origin (no CDN): the worker at once, its wasm (download and
 * compile) once `mayCompile` resolves.
 */
export async function startBrowserEngine(mayCompile: Promise<void> = Promise.resolve()): Promise<SqlEngine> {
  const bundle = await duckdb.selectBundle(bundles);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await mayCompile;
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  await conn.query(offlineSettings(new URL('duckdb-extensions', window.location.href).href).join(';\n'));

  return {
    async query(sql, params = []) {
      if (params.length === 0) return conn.query(sql);
      const stmt = await conn.prepare(sql);
      try {
        return await stmt.query(...params);
      } finally {
        await stmt.close();
      }
    },
    async insertArrowIPC(name, bytes, options) {
      // The worker takes ownership of (detaches) the buffer it is given; the JS side may still read these bytes.
      await conn.insertArrowFromIPCStream(bytes.slice(), { name, create: !options?.append });
    },
  };
}
