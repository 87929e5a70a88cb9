import { describe, expect, test } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { arrowIPC } from '../../../src/common/arrow-table';
import { startNodeEngine } from '../helpers/node-engine';
import { rowsOf } from '../../../src/db/engine';

describe('Arrow IPC from plain columns (no code generation)', () => {
  const { bytes } = arrowIPC(
    { code: ['02533', null, 'Xã Hướng Lộc'], n: [1, null, 3], ok: [true, false, null], x: [1.5, null, -2] },
    { n: 'int32' },
  );

  test('round-trips through apache-arrow with nulls and NFC text intact', () => {
    const t = tableFromIPC(bytes);
    expect(t.toArray().map((r) => r.toJSON())).toEqual([
      { code: '02533', n: 1, ok: true, x: 1.5 },
      { code: null, n: null, ok: false, x: null },
      { code: 'Xã Hướng Lộc', n: 3, ok: null, x: -2 },
    ]);
  });

  test('DuckDB reads VARCHAR, INTEGER, BOOLEAN, DOUBLE', async () => {
    const e = await startNodeEngine();
    await e.insertArrowIPC('t', bytes);
    const types = rowsOf<{ column_name: string; data_type: string }>(await e.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position"));
    expect(types.map((r) => r.data_type)).toEqual(['VARCHAR', 'INTEGER', 'BOOLEAN', 'DOUBLE']);
    expect(rowsOf(await e.query('SELECT code FROM t WHERE code IS NOT NULL ORDER BY 1'))).toEqual([{ code: '02533' }, { code: 'Xã Hướng Lộc' }]);
  });
});

describe('repeated strings are dictionary-encoded', () => {
  const tiers = Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? null : ['chua_dat', 'dat_chuan', 'nâng cao'][i % 3]));
  const codes = Array.from({ length: 1000 }, (_, i) => String(i).padStart(5, '0'));
  const { bytes } = arrowIPC({ tier: tiers, code: codes });

  test('few distinct values get a dictionary with the narrowest index; unique values stay plain Utf8', () => {
    const t = tableFromIPC(bytes);
    expect(String(t.schema.fields[0].type)).toBe('Dictionary<Int8, Utf8>');
    expect(String(t.schema.fields[1].type)).toBe('Utf8');
    expect(t.getChild('tier')!.toArray()).toEqual(tiers);
  });

  test('DuckDB reads the dictionary as VARCHAR with the same values and nulls', async () => {
    const e = await startNodeEngine();
    await e.insertArrowIPC('d', bytes);
    const type = rowsOf<{ data_type: string }>(await e.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'd' AND column_name = 'tier'"));
    expect(type).toEqual([{ data_type: 'VARCHAR' }]);
    const back = rowsOf<{ tier: string | null }>(await e.query('SELECT tier FROM d ORDER BY code')).map((r) => r.tier);
    expect(back).toEqual(tiers);
  });

  test('the same columns give the same bytes (dictionary ids do not depend on earlier tables)', () => {
    arrowIPC({ other: tiers });
    expect(Buffer.from(arrowIPC({ tier: tiers, code: codes }).bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});
