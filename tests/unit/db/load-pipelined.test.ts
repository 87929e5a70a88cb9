import { beforeAll, describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { loadCore, loadRest } from '../../../src/db/load';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import { POST_REFORM, PRE_REFORM } from '../../../src/common/vintage';
import { startNodeEngine } from '../helpers/node-engine';
import { generatedDir, requireAssets } from '../helpers/real-assets';

const read = async (name: string) => new Uint8Array(readFileSync(join(generatedDir, name)));

/**
 * DuckDB's worker as the page sees it while a frame blocks the main thread: requests are taken at once, answers
 * arrive only when the test lets them (in the order they were posted, as the worker answers).
 */
class HeldAnswers implements SqlEngine {
  readonly posted: string[] = [];
  private held: (() => Promise<void>)[] = [];
  constructor(private readonly inner: SqlEngine) {}

  query(sql: string, params?: readonly unknown[]): Promise<Table> {
    this.posted.push(`query ${sql.split('\n')[0].slice(0, 100)}`);
    return this.hold(() => this.inner.query(sql, params));
  }

  insertArrowIPC(name: string, bytes: Uint8Array, options?: { append?: boolean }): Promise<void> {
    this.posted.push(`insert ${name}`);
    return this.hold(() => this.inner.insertArrowIPC(name, bytes, options));
  }

  async answer(): Promise<void> {
    for (const next of this.held.splice(0)) await next();
  }

  private hold<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => this.held.push(() => run().then(resolve, reject)));
  }
}

describe('the tables are loaded in one stream of requests', () => {
  beforeAll(requireAssets);

  test('every insert, the column check and the script are posted before any answer comes back', async () => {
    const engine = new HeldAnswers(await startNodeEngine());
    const core = loadCore(engine, read, PRE_REFORM);
    // unit_province, unit_district, unit_commune, sample_commune_year; then the check and the script
    await vi.waitFor(() => expect(engine.posted).toHaveLength(6));
    expect(engine.posted.slice(0, 4).every((p) => p.startsWith('insert '))).toBe(true);
    expect(engine.posted[4]).toMatch(/information_schema\.columns/);
    await engine.answer();
    await core;

    const rest = loadRest(engine, read, PRE_REFORM);
    await vi.waitFor(() => expect(engine.posted.filter((p) => p.includes('CREATE OR REPLACE VIEW boundary_feature'))).toHaveLength(1));
    expect(engine.posted.filter((p) => p === 'insert unit_commune_2025')).toHaveLength(1);
    await engine.answer();
    await rest;
    const count = engine.query('SELECT count(*)::INTEGER AS n FROM poverty_year');
    await engine.answer();
    expect(rowsOf<{ n: number }>(await count)[0].n).toBe(105_980);
  });

  test('after a post-reform core, the rest leaves its tables out without asking the engine', async () => {
    const engine = new HeldAnswers(await startNodeEngine());
    const core = loadCore(engine, read, POST_REFORM);
    await vi.waitFor(() => expect(engine.posted.some((p) => p.startsWith('query '))).toBe(true));
    await engine.answer();
    await core;
    const before = engine.posted.length;
    const rest = loadRest(engine, read, POST_REFORM);
    await vi.waitFor(() => expect(engine.posted.some((p) => p.includes('CREATE OR REPLACE VIEW boundary_feature'))).toBe(true));
    const restRequests = engine.posted.slice(before);
    expect(restRequests.filter((p) => p.startsWith('query '))).toHaveLength(2); // the check and the script only
    expect(restRequests).not.toContain('insert unit_commune_2025');
    await engine.answer();
    await rest;
  });
});
