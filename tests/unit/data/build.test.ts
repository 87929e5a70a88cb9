import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { MissingDataPackError } from '../../../geo/lib/paths.ts';
import { OUTPUT_FILES, build, staleReason, type DataManifest } from '../../../data/build.ts';
import { DEFAULT_SEED } from '../../../data/generate/index.ts';
import { loadInputs } from '../../../data/node/load-inputs.ts';

const out = mkdtempSync(join(tmpdir(), 'ntm-data-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('data/build.ts', () => {
  const { manifest } = build(out, DEFAULT_SEED);

  it('writes every Arrow file and a manifest with seed, rows and inputs', () => {
    const m = JSON.parse(readFileSync(join(out, 'data_manifest.json'), 'utf8')) as DataManifest;
    expect(m.seed).toBe(DEFAULT_SEED);
    expect(m.tables.commune_year.rows).toBe(82_000);
    expect(m.tables.poverty_year.rows).toBe(105_980);
    expect(m.inputs.map((i) => i.path.split('/').pop())).toEqual([
      'communes_2024-02-01.csv', 'districts_2024-02-01.csv', 'published_figures.csv', 'district_recognitions.csv', 'commune_recognitions.csv', 'sponsorships.csv',
    ]);
    for (const i of m.inputs) expect(i.bytes).toBeGreaterThan(0);
    expect(Object.keys(manifest.tables)).toEqual(Object.keys(OUTPUT_FILES));
  });

  it('reads back with the documented types: string codes, Int32 years, nullable Int32 recognised_year, Bool fell_back', () => {
    const t = tableFromIPC(readFileSync(join(out, 'commune_year.arrow')));
    const types = Object.fromEntries(t.schema.fields.map((f) => [f.name, String(f.type)]));
    // repeated texts (tier, source...) are dictionary-encoded: still strings for Arrow readers, VARCHAR in DuckDB
    expect(types).toMatchObject({ commune_code: 'Dictionary<Int16, Utf8>', year: 'Int32', criteria_met_mask: 'Int32', recognised_year: 'Int32', fell_back: 'Bool', tier: 'Dictionary<Int8, Utf8>' });
    expect(t.getChild('tier')!.get(0)).toMatch(/^[a-z_]+$/);
    const first = t.get(0)!.toJSON();
    expect(typeof first.commune_code).toBe('string');
    expect(first.commune_code).toMatch(/^\d{5}$/);
    expect(t.getChild('recognised_year')!.nullCount).toBeGreaterThan(0);
    const pf = tableFromIPC(readFileSync(join(out, 'published_figures.arrow')));
    expect(String(pf.schema.fields.find((f) => f.name === 'value_num')!.type)).toBe('Float64');
    expect(pf.getChild('value_num')!.nullCount).toBe(2);
  });

  it('--if-stale: up to date right after a build; stale for another seed or without a manifest', () => {
    expect(staleReason(out, DEFAULT_SEED)).toBeNull();
    expect(staleReason(out, DEFAULT_SEED + 1)).toBe('seed changed');
    expect(staleReason(join(out, 'nowhere'), DEFAULT_SEED)).toBe('no manifest');
  });

  it('says which file is missing when the facts folder is wrong', () => {
    const before = process.env.NTM_FACTS;
    process.env.NTM_FACTS = join(out, 'no-facts-here');
    try {
      expect(() => loadInputs()).toThrow(MissingDataPackError);
      expect(() => loadInputs()).toThrow(/published_figures\.csv[\s\S]*NTM_FACTS/);
    } finally {
      if (before === undefined) delete process.env.NTM_FACTS;
      else process.env.NTM_FACTS = before;
    }
  });
});
