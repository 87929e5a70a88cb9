/**
 * Large CSV imports end to end (decode, parse, header, values, match, validate, report). Asserts correctness
 * only; timings are printed once (targets: 10,000 rows < 1 s, 100,000 rows < 3 s in Node).
 */
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../bench/import-data';
import { importTable } from '../../../src/import/index.ts';
import { buildUnitIndex, type UnitIndex } from '../../../src/import/match.ts';
import type { Unit } from '../../../src/import/types.ts';
import { nationalUnits } from './helpers.ts';

describe('performance', () => {
  // the national list from the data pack (missing, the test fails with the pack's message)
  let list: Unit[];
  let index: UnitIndex;
  const timings: string[] = [];

  it.each([10_000, 100_000])('imports %i rows correctly', async (n) => {
    list ??= nationalUnits();
    index ??= buildUnitIndex(list);
    const bytes = importCsv(list, n);
    const t0 = performance.now();
    const r = await importTable({ name: `big-${n}.csv`, bytes }, { units: index, currentYear: 2025 });
    const ms = performance.now() - t0;
    timings.push(`${n.toLocaleString('en-US')} rows (${(bytes.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms`);
    expect(r.ok).toBe(true);
    expect(r.encoding!.name).toBe('utf-8-bom');
    expect(r.report.read).toBe(n);
    expect(r.report.matchedByCode).toBe(n);
    expect(r.report.rejected).toBe(0);
    expect(r.report.errors).toBe(0);
    expect(r.report.accepted).toBe(n);
    const last = r.rows[n - 1];
    expect(last.sourceRow).toBe(n + 1);
    expect(last.commune_code).toBe(list[(n - 1) % list.length].commune_code);
    expect(last.values.households).toBe(500 + (((n - 1) * 7919) % 4000));
    if (n === 100_000) {
      console.log(`import timings (${list.length.toLocaleString('en-US')} national units): ${timings.join('; ')}`);
    }
  });
});
