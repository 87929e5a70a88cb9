import { beforeAll, describe, expect, test } from 'vitest';
import { startNodeEngine } from '../helpers/node-engine';
import { loadFixture } from '../helpers/sql-fixture';
import type { SqlEngine } from '../../../src/db/engine';
import { IndicatorMatrices, yearSlice } from '../../../src/app/matrices';
import { statusClasses } from '../../../src/db/sql/status';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await loadFixture(engine);
});

/** The engine with every query counted; `gate` holds queries back until it resolves. */
function counted(gate: Promise<void> = Promise.resolve()) {
  const queries: string[] = [];
  const e: SqlEngine = { ...engine, query: async (sql, params) => (queries.push(sql), await gate, engine.query(sql, params)) };
  return { e, queries };
}

const p = { compareYear: 2023, criterion: 1 };

describe('IndicatorMatrices', () => {
  test('a matrix is read once; once answered it is handed out synchronously', async () => {
    const { e, queries } = counted();
    const m = new IndicatorMatrices(e, async () => undefined);
    expect(m.cached('criteria', p)).toBeUndefined();
    const [a, b] = await Promise.all([m.get('criteria', p), m.get('criteria', p)]);
    expect(a).toBe(b);
    expect(m.cached('criteria', p)).toBe(a);
    expect(queries).toHaveLength(1);
    // 5 units x 2 years, unit-major: Xã Hướng Lộc met 17 then 19 criteria
    expect(Array.from(yearSlice(a, 5, 2, 0)).slice(0, 2)).toEqual([17, 19]);
    expect(Array.from(yearSlice(a, 5, 2, 1)).slice(0, 2)).toEqual([19, 19]);
  });

  test('parameters are part of the key only where the indicator takes them', async () => {
    const { e, queries } = counted();
    const m = new IndicatorMatrices(e, async () => undefined);
    await m.get('criteria', p);
    await m.get('criteria', { compareYear: 2024, criterion: 5 });
    expect(queries).toHaveLength(1);
    await m.get('status_change', p);
    await m.get('status_change', { ...p, compareYear: 2024 });
    expect(queries).toHaveLength(3);
  });

  test('indicators asked for together are read in one query; mixed parameters are refused', async () => {
    const { e, queries } = counted();
    const m = new IndicatorMatrices(e, async () => undefined);
    const [status, criteria] = await m.fetch(['status', 'criteria'], p);
    expect(queries).toHaveLength(1);
    expect(m.cached('status', p)).toBe(status);
    expect(m.cached('criteria', p)).toBe(criteria);
    expect(() => m.fetch(['status', 'status_change'], p)).toThrow(/different parameters/);
  });

  test('a poverty indicator waits for the poverty series to be loaded', async () => {
    const { e, queries } = counted();
    let release!: () => void;
    const loaded = new Promise<void>((r) => (release = r));
    const m = new IndicatorMatrices(e, () => loaded);
    const pending = m.get('poor_rate', p);
    await new Promise((r) => setTimeout(r, 10));
    expect(queries).toHaveLength(0);
    release();
    expect((await pending)[0]).toBeCloseTo(0.12, 12);
  });

  test('after invalidate, an answer to an older query is not cached and the next read queries again', async () => {
    let open!: () => void;
    const { e, queries } = counted(new Promise((r) => (open = r)));
    const m = new IndicatorMatrices(e, async () => undefined);
    const stale = m.get('criteria', p);
    m.invalidate();
    open();
    await stale;
    expect(m.cached('criteria', p)).toBeUndefined();
    const fresh = await m.get('criteria', p);
    expect(fresh).not.toBe(await stale);
    expect(queries).toHaveLength(2);
    expect(m.cached('criteria', p)).toBe(fresh);
  });

  test('status and criteria of a unit in a year, once loaded', async () => {
    const m = new IndicatorMatrices(engine, async () => undefined);
    expect(m.statusOf(0, 1, 2)).toBeNull();
    await m.loadStatus();
    expect(m.statusOf(0, 1, 2)).toEqual({ status: statusClasses.indexOf('dat_chuan'), criteriaMet: 19 });
    // the town (Thị trấn) is out of scope and has no criteria count
    expect(m.statusOf(2, 0, 2)).toEqual({ status: statusClasses.indexOf('out_of_scope'), criteriaMet: null });
    expect(m.statusOf(0, -1, 2)).toBeNull();
  });
});
