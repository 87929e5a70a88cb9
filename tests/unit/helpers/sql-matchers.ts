// Mosaic-style matcher: a SQL string is only "valid" if DuckDB parses AND binds it with the given parameters.
import { expect } from 'vitest';
import type { SqlEngine } from '../../../src/db/engine';

expect.extend({
  async toBindIn(sql: string, engine: SqlEngine, params: unknown[] = []) {
    try {
      await engine.query(`EXPLAIN ${sql}`, params);
      return { pass: true, message: () => `expected SQL not to bind:\n${sql}` };
    } catch (e) {
      return { pass: false, message: () => `SQL did not bind with ${JSON.stringify(params)}: ${(e as Error).message}\n${sql}` };
    }
  },
});

declare module 'vitest' {
  interface Assertion {
    toBindIn(engine: SqlEngine, params?: unknown[]): Promise<void>;
  }
}
