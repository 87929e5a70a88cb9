import { describe, expect, test } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { arrowIPC } from '../../../src/db/arrow-table';
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
