import { describe, expect, it } from 'vitest';
import { Table, Utf8, makeVector, tableFromArrays, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { columnValues, stringColumn, utf8Values } from '../../../src/common/arrow-columns';

// values that change width in UTF-16: Vietnamese (2- and 3-byte sequences), a 4-byte emoji (a surrogate pair), empty
const SAMPLES = ['Xã Vĩnh Linh', '', 'Phường Đông Hà', '😀 đỡ đầu', 'A', 'Thị trấn Na Hang', '\u200f', 'ệ', 'x😀y😀z'];

function seeded(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('utf8Values', () => {
  it('reads the same values as Arrow, value by value, with nulls, across record batches and slices', () => {
    const rand = seeded(7);
    for (let round = 0; round < 30; round++) {
      const n = 1 + Math.floor(rand() * 60);
      const values = Array.from({ length: n }, () => (rand() < 0.15 ? null : SAMPLES.slice(0, 1 + Math.floor(rand() * 3)).map(() => SAMPLES[Math.floor(rand() * SAMPLES.length)]).join('')));
      const vector = vectorFromArray(values, new Utf8());
      const expected = Array.from({ length: n }, (_, i) => vector.get(i));
      expect(utf8Values(vector)).toEqual(expected);
      expect(utf8Values(vector)).toEqual(values);
      // a slice starts inside the offsets and the validity bitmap
      const from = Math.floor(rand() * n);
      expect(utf8Values(vector.slice(from))).toEqual(values.slice(from));
      // several record batches: one chunk each
      const half = Math.floor(n / 2);
      const t = new Table({ s: vectorFromArray(values.slice(0, half), new Utf8()) }).concat(new Table({ s: vectorFromArray(values.slice(half), new Utf8()) }));
      const read = tableFromIPC(tableToIPC(t));
      expect(read.getChild('s')!.data.length).toBe(2);
      expect(stringColumn(read, 's')).toEqual(values);
    }
  });

  it('keeps a leading byte-order mark as a character, so the following values do not shift', () => {
    const v = vectorFromArray(['\ufeffmột', 'hai'], new Utf8());
    expect(utf8Values(v)).toEqual(['\ufeffmột', 'hai']);
  });

  it('reads invalid UTF-8 value by value, with replacement characters, without shifting the others', () => {
    const good = vectorFromArray(['ab', 'cd', 'đe'], new Utf8());
    const data = good.data[0];
    const bytes = new Uint8Array(data.values);
    bytes[0] = 0xff; // 'ab' becomes an invalid sequence
    const bad = makeVector(data.clone(data.type, data.offset, data.length, data.nullCount, [data.valueOffsets, bytes, data.nullBitmap] as never));
    expect(utf8Values(bad)).toEqual(['\ufffdb', 'cd', 'đe']);
  });

  it('reads other column types with Arrow', () => {
    const t = tableFromArrays({ n: Int32Array.from([1, 2, 3]) });
    expect(utf8Values(t.getChild('n')!)).toEqual([1, 2, 3]);
  });
});

describe('columnValues', () => {
  it('reads every column type as Arrow reads it by index, nulls included, across record batches', () => {
    const batch = (from: number) => ({
      s: vectorFromArray([`Xã ${from}`, null, 'Đông Hà'], new Utf8()),
      n: vectorFromArray([from, null, 2.5]),
      b: vectorFromArray([BigInt(from), null, 7n]),
      t: vectorFromArray([true, null, false]),
    });
    const t = tableFromIPC(tableToIPC(new Table(batch(1)).concat(new Table(batch(2)), new Table(batch(3)))));
    expect(t.getChild('n')!.data.length).toBe(3);
    for (const f of t.schema.fields) {
      const col = t.getChild(f.name)!;
      expect(columnValues(col)).toEqual(Array.from({ length: col.length }, (_, i) => col.get(i)));
    }
    expect(columnValues(t.getChild('n')!)).toEqual([1, null, 2.5, 2, null, 2.5, 3, null, 2.5]);
  });
});
