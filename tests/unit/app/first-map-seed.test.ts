// The precomputed first map in IndicatorMatrices: handed out before the engine is up, replaced by its answers.
import { beforeAll, describe, expect, test } from 'vitest';
import { startNodeEngine } from '../helpers/node-engine';
import { loadFixture } from '../helpers/sql-fixture';
import type { SqlEngine } from '../../../src/db/engine';
import { IndicatorMatrices } from '../../../src/app/matrices';
import { firstMapUnits } from '../../../src/app/first-map';
import type { FirstMap } from '../../../src/common/first-map';
import { indicatorsMatrixSQL } from '../../../src/db/sql/indicator-values';

let engine: SqlEngine;
let sqlStatus: Float64Array;
let sqlCriteria: Float64Array;
beforeAll(async () => {
  engine = await startNodeEngine();
  await loadFixture(engine);
  const t = await engine.query(indicatorsMatrixSQL(['status', 'criteria']));
  sqlStatus = t.getChild('value')!.toArray() as Float64Array;
  sqlCriteria = t.getChild('value_1')!.toArray() as Float64Array;
});

const p = { compareYear: 2023, criterion: 1 };
const first = (status: Float64Array, criteria: Float64Array): FirstMap => ({
  vintage: '2024', dataVersion: 'test', years: [2023, 2024], code: ['19474', '19465', '19456', '19708', '19711'], provinceCode: ['45', '45', '45', '45', '45'],
  matrices: { status, criteria },
});

/** The engine's status with its first value changed: a first map built from older data. */
function staleStatus(): Float64Array {
  const stale = Float64Array.from(sqlStatus);
  stale[0] = stale[0] === 0 ? 1 : 0;
  return stale;
}

/** The engine's answer agreed with the precomputed matrices and has replaced them. */
function expectEngineAnswerAgreed(m: IndicatorMatrices, f: FirstMap) {
  expect(m.seedMatched).toBe(true);
  expect(m.cached('status', p)).not.toBe(f.matrices.status);
  expect(Array.from(m.cached('status', p)!)).toEqual(Array.from(sqlStatus));
}

/** Matrices whose engine is not there yet; `startEngine` hands it over. */
function beforeTheEngine() {
  let startEngine!: (e: SqlEngine) => void;
  const m = new IndicatorMatrices(new Promise<SqlEngine>((res) => (startEngine = res)), async () => undefined);
  return { m, startEngine: (e: SqlEngine) => startEngine(e) };
}

describe('IndicatorMatrices seeded with the first map', () => {
  test('hands the precomputed matrices out before the engine exists, then the engine\'s', async () => {
    const { m, startEngine } = beforeTheEngine();
    const f = first(Float64Array.from(sqlStatus), Float64Array.from(sqlCriteria));
    m.seed(f);
    expect(m.cached('status', p)).toBe(f.matrices.status);
    expect(m.cached('criteria', p)).toBe(f.matrices.criteria);
    expect(m.cached('poor_rate', p)).toBeUndefined();
    const loading = m.loadStatus();
    startEngine(engine);
    await loading;
    expectEngineAnswerAgreed(m, f);
  });

  test('a first map that differs from the engine is noticed and replaced', async () => {
    const m = new IndicatorMatrices(engine, async () => undefined);
    const stale = staleStatus();
    m.seed(first(stale, Float64Array.from(sqlCriteria)));
    await m.loadStatus();
    expect(m.seedMatched).toBe(false);
    expect(m.cached('status', p)![0]).toBe(sqlStatus[0]);
  });

  test('an import (invalidate) drops the precomputed matrices: they are never shown over imported data', () => {
    const m = new IndicatorMatrices(engine, async () => undefined);
    m.seed(first(Float64Array.from(sqlStatus), Float64Array.from(sqlCriteria)));
    m.invalidate();
    expect(m.cached('status', p)).toBeUndefined();
    expect(m.cached('criteria', p)).toBeUndefined();
  });

  test('at start-up the precomputed status is taken without waiting for the engine, then checked against its answer', async () => {
    const { m, startEngine } = beforeTheEngine();
    const f = first(Float64Array.from(sqlStatus), Float64Array.from(sqlCriteria));
    m.seed(f);
    // resolves with no engine at all: nothing is asked of it on the way
    await m.loadStatus({ checkSeedLater: true });
    expect(m.statusOf(0, 1, 2)).toEqual({ status: sqlStatus[1], criteriaMet: Number.isFinite(sqlCriteria[1]) ? sqlCriteria[1] : null });
    expect(m.seedMatched).toBeNull();
    startEngine(engine);
    await m.seedChecked;
    expectEngineAnswerAgreed(m, f);
  });

  test('a stale precomputed status taken at start-up is found by the later check and replaced', async () => {
    const m = new IndicatorMatrices(engine, async () => undefined);
    const stale = staleStatus();
    m.seed(first(stale, Float64Array.from(sqlCriteria)));
    await m.loadStatus({ checkSeedLater: true });
    expect(m.statusOf(0, 0, 2)!.status).toBe(stale[0]);
    await m.seedChecked;
    expect(m.seedMatched).toBe(false);
    expect(m.statusOf(0, 0, 2)!.status).toBe(sqlStatus[0]);
    expect(m.cached('status', p)![0]).toBe(sqlStatus[0]);
  });

  test('an import during the check: its late answer does not overwrite the status read after the import', async () => {
    const { m, startEngine } = beforeTheEngine();
    const stale = staleStatus();
    m.seed(first(stale, Float64Array.from(sqlCriteria)));
    await m.loadStatus({ checkSeedLater: true });
    m.invalidate();
    const again = m.loadStatus();
    startEngine(engine);
    await Promise.all([again, m.seedChecked]);
    expect(m.seedMatched).toBeNull();
    expect(m.statusOf(0, 0, 2)!.status).toBe(sqlStatus[0]);
  });

  test('without a precomputed map, the start-up reads status from the engine as before', async () => {
    const m = new IndicatorMatrices(engine, async () => undefined);
    await m.loadStatus({ checkSeedLater: true });
    expect(m.seedMatched).toBeNull();
    expect(m.statusOf(0, 0, 2)!.status).toBe(sqlStatus[0]);
  });

  test('prefetch reads indicators with the same parameters in one query each', async () => {
    const queries: string[] = [];
    const e: SqlEngine = { ...engine, query: async (sql, params) => (queries.push(sql), engine.query(sql, params)) };
    const m = new IndicatorMatrices(e, async () => undefined);
    await m.prefetch(['poor_rate', 'near_poor_rate', 'ntm_year', 'status_change', 'poor_rate_change', 'criterion_missing'], p);
    expect(queries).toHaveLength(3);
    for (const id of ['poor_rate', 'ntm_year', 'status_change', 'poor_rate_change', 'criterion_missing'] as const) expect(m.cached(id, p)).toBeDefined();
  });

  test('the first map\'s units stand in for the unit list: codes, provinces and lookup in matrix order', () => {
    const u = firstMapUnits(first(sqlStatus, sqlCriteria));
    expect(u.length).toBe(5);
    expect(u.indexOf.get('19708')).toBe(3);
    expect(u.provinceCode[4]).toBe('45');
  });
});
