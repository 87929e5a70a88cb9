/**
 * Large CSV imports end to end (decode, parse, header, values, match, validate, report). Asserts correctness
 * only; timings are printed once (targets: 10,000 rows < 1 s, 100,000 rows < 3 s in Node).
 */
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../bench/import-data';
import { importTable } from '../../../src/import/index.ts';
import { buildUnitIndex, type UnitIndex } from '../../../src/import/match.ts';
import type { Unit } from '../../../src/import/types.ts';
import { focusUnits, nationalUnits } from './helpers.ts';

/** The national list when the data pack is there; otherwise 10,600 synthetic units built on the focus list. */
function units(): { list: Unit[]; national: boolean } {
  const national = nationalUnits();
  if (national) return { list: national, national: true };
  const base = focusUnits().units;
  const list = Array.from({ length: 10_600 }, (_, i) => {
    const u = base[i % base.length];
    return { ...u, commune_code: String(10_000 + i).padStart(5, '0'), commune_name: `${u.commune_name} ${Math.floor(i / base.length)}` };
  });
  return { list, national: false };
}

describe('performance', () => {
  const { list, national } = units();
  let index: UnitIndex;
  const timings: string[] = [];

  it.each([10_000, 100_000])('imports %i rows correctly', async (n) => {
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
      // eslint-disable-next-line no-console
      console.log(`import timings (${list.length.toLocaleString('en-US')} ${national ? 'national' : 'synthetic'} units): ${timings.join('; ')}`);
    }
  });
});
