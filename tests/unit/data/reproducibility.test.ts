import { describe, expect, it } from 'vitest';
import { tableToIpcStream } from '../../../data/arrow/to-ipc.ts';
import { DEFAULT_SEED, generateIllustrative } from '../../../data/generate/index.ts';
import { Aggregates, checkPublishedFigures } from '../../../data/generate/report.ts';
import type { DataTables } from '../../../data/model/tables.ts';
import { generated, realInputs } from './fixture.ts';

const names = (t: DataTables): (keyof DataTables)[] => Object.keys(t) as (keyof DataTables)[];
const ipc = (t: DataTables, n: keyof DataTables): Uint8Array => tableToIpcStream(n, t[n] as never);

describe('seeded generator', () => {
  it('gives byte-identical Arrow output for the same seed (two independent runs)', () => {
    const i = realInputs();
    const a = generateIllustrative({ communes: i.communes, districts: i.districts, facts: i.facts, seed: DEFAULT_SEED });
    const b = generateIllustrative({ communes: [...i.communes].reverse(), districts: i.districts, facts: i.facts, seed: DEFAULT_SEED });
    for (const n of names(a.tables)) expect(Buffer.from(ipc(a.tables, n)).equals(Buffer.from(ipc(b.tables, n))), n).toBe(true);
  });

  it('gives different illustrative data for a different seed, with the same calibrated totals', () => {
    const a = generated(DEFAULT_SEED).tables;
    const b = generated(DEFAULT_SEED + 1).tables;
    expect(Buffer.from(ipc(a, 'commune_year')).equals(Buffer.from(ipc(b, 'commune_year')))).toBe(false);
    expect(Buffer.from(ipc(a, 'poverty_year')).equals(Buffer.from(ipc(b, 'poverty_year')))).toBe(false);
    expect(Buffer.from(ipc(a, 'criteria')).equals(Buffer.from(ipc(b, 'criteria')))).toBe(true);
    const i = realInputs();
    const checks = checkPublishedFigures(new Aggregates(b, i.communes, i.districts), generated(DEFAULT_SEED + 1).facts.published);
    expect(checks.filter((c) => !c.ok).map((c) => `${c.row.indicator} ${c.expected} ${c.actual}`)).toEqual([]);
  });

  it("'focus' mode yields exactly the focus provinces' rows of the full run", () => {
    const all = generated(DEFAULT_SEED).tables.commune_year;
    const focus = generated(DEFAULT_SEED, 'focus').tables.commune_year;
    const focusCodes = new Set(focus.commune_code);
    expect(focusCodes.size).toBe(101 + 122 + 139);
    const pick = <T>(col: ArrayLike<T>): T[] => Array.from(col).filter((_, k) => focusCodes.has(all.commune_code[k]));
    for (const col of Object.keys(focus) as (keyof typeof focus)[]) expect(pick(all[col] as ArrayLike<unknown>), col).toEqual(Array.from(focus[col] as ArrayLike<unknown>));
  });

  it('runs all ~8,200 Xã × 10 years in well under 3 s', () => {
    const i = realInputs();
    const t0 = performance.now();
    generateIllustrative({ communes: i.communes, districts: i.districts, facts: i.facts, seed: 7 });
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
