import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { loadCore, loadRest, SchemaError } from '../../../src/db/load';
import { rowsOf } from '../../../src/db/engine';
import { startNodeEngine } from '../helpers/node-engine';
import { generatedDir, requireAssets } from '../helpers/real-assets';

const read = async (name: string) => new Uint8Array(readFileSync(join(generatedDir, name)));

describe('loading in two stages', () => {
  beforeAll(requireAssets);
  test('the core is enough for the NTM series; poverty and sponsors come with the rest', async () => {
    const e = await startNodeEngine();
    await loadCore(e, read);
    const n = rowsOf<{ n: number }>(await e.query('SELECT count(*)::INTEGER AS n FROM commune_year'))[0].n;
    expect(n).toBe(82_000);
    await expect(e.query('SELECT count(*) FROM poverty_year')).rejects.toThrow(/poverty_year/);
    await loadRest(e, read);
    expect(rowsOf<{ n: number }>(await e.query('SELECT count(*)::INTEGER AS n FROM poverty_year'))[0].n).toBe(105_980);
    expect(rowsOf(await e.query("SELECT count(*)::INTEGER AS n FROM boundary_feature WHERE layer = 'communes'"))[0]).toEqual({ n: 10_492 });
  });

  test('an asset with a column missing fails the load, naming table and column', async () => {
    const e = await startNodeEngine();
    const withoutTier = async (name: string) => {
      const bytes = await read(name);
      if (name !== 'commune_year.arrow') return bytes;
      return tableToIPC(tableFromIPC(bytes).select(['commune_code', 'year', 'criteria_set', 'criteria_met_count', 'criteria_met_mask']), 'stream');
    };
    const failure = loadCore(e, withoutTier);
    await expect(failure).rejects.toBeInstanceOf(SchemaError);
    await expect(failure).rejects.toThrow('sample_commune_year: column tier is missing');
  });
});
