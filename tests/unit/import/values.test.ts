import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCode, parseNumber, parseTier, parseYear, yearInText } from '../../../src/import/values.ts';

describe('parseNumber', () => {
  it.each([
    ['1.234', 'count', 1234],
    ['1.234.567', 'count', 1234567],
    ['12,5', 'rate', 12.5],
    ['12,5%', 'rate', 12.5],
    ['12,5 %', 'rate', 12.5],
    ['1.234,5', 'decimal', 1234.5],
    ['1,234.5', 'decimal', 1234.5],
    ['1,234,567', 'count', 1234567],
    ['1,234', 'count', 1234],
    ['7.71', 'rate', 7.71],
    ['7,71', 'rate', 7.71],
    ['1.234', 'rate', 1.234],
    ['0', 'count', 0],
    ['0,0', 'rate', 0],
    ['17/19', 'count', 17],
    ['17 / 19', 'count', 17],
    ['1 234', 'count', 1234],
    ['1\u00a0234', 'count', 1234],
    ['-12', 'count', -12],
    [',5', 'rate', 0.5],
    ['+3', 'count', 3],
    [1234, 'count', 1234],
    [12.5, 'rate', 12.5],
  ] as const)('%j (%s) = %d', (text, kind, value) => {
    const r = parseNumber(text, kind);
    expect(r.error).toBeUndefined();
    expect(r.value).toBe(value);
  });

  it('keeps blank apart from 0', () => {
    for (const blank of ['', ' ', '-', '–', '—', '...', '…', 'x', null]) expect(parseNumber(blank, 'count')).toEqual({ value: null });
    expect(parseNumber('0', 'count')).toEqual({ value: 0 });
    expect(parseNumber(0, 'count')).toEqual({ value: 0 });
  });

  it('reports the denominator of a fraction', () => {
    expect(parseNumber('17/19', 'count')).toEqual({ value: 17, denominator: 19 });
    expect(parseNumber('x/19', 'count')).toEqual({ value: null, error: 'not_a_number' });
  });

  it('marks a percent sign', () => {
    expect(parseNumber('12,5%', 'rate')).toEqual({ value: 12.5, percent: true });
  });

  it.each([
    ['abc', 'count', 'not_a_number'],
    ['=1+1', 'count', 'not_a_number'],
    ['<b>1</b>', 'rate', 'not_a_number'],
    ['1.23,4', 'decimal', 'not_a_number'],
    ['12.5', 'count', 'not_integer'],
    ['1.234,5', 'count', 'not_integer'],
    ['12,5', 'count', 'not_integer'],
    [3.5, 'count', 'not_integer'],
  ] as const)('%j (%s) is an error: %s', (text, kind, error) => {
    expect(parseNumber(text, kind)).toEqual({ value: null, error });
  });

  // Property tests: a number written the Vietnamese way reads back as itself.
  const vi = (n: number, d: number) => n.toLocaleString('vi-VN', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: true });

  it('reads back any count formatted in vi-VN (dot thousands)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        expect(parseNumber(vi(n, 0), 'count').value).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any rate formatted in vi-VN with 1-3 decimals, with or without "%"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (k, d, pct) => {
        const x = Number((k / 1000).toFixed(d));
        const text = vi(x, d) + (pct ? '%' : '');
        expect(parseNumber(text, 'rate').value).toBeCloseTo(x, 10);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any decimal formatted in vi-VN ("1.234.567,89")', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (k) => {
        const x = k / 100;
        expect(parseNumber(vi(x, 2), 'decimal').value).toBeCloseTo(x, 6);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back English numbers when both separators make them unambiguous ("1,234.56")', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 99_999_999_999 }), (k) => {
        const x = k / 100;
        const en = x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseNumber(en, 'decimal').value).toBeCloseTo(x, 6);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and never reads arbitrary text as a number silently', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('count', 'rate', 'decimal', 'year') as fc.Arbitrary<'count' | 'rate' | 'decimal' | 'year'>, (s, kind) => {
        const r = parseNumber(s, kind);
        if (r.value !== null) expect(Number.isFinite(r.value)).toBe(true);
        if (r.value !== null && kind !== 'year') expect(/\d/.test(s)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseYear and yearInText', () => {
  it.each([
    ['2023', 2023],
    [2023, 2023],
    ['Năm 2023', 2023],
    ['31/12/2023', 2023],
    ['2023-12-31', 2023],
  ] as const)('%j -> %d', (t, y) => expect(parseYear(t).value).toBe(y));
  it('rejects non-years', () => {
    expect(parseYear('23')).toEqual({ value: null, error: 'year_invalid' });
    expect(parseYear('2021-2025')).toEqual({ value: null, error: 'year_invalid' });
    expect(parseYear(2023.5)).toEqual({ value: null, error: 'year_invalid' });
  });
  it.each([
    ['BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2023', 2023],
    ['Kết quả thực hiện tiêu chí năm 2024 (Kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2025)', 2024],
    ['Số liệu tính đến ngày 31/12/2022', 2022],
    ['Giai đoạn 2021-2025', null],
    ['Năm 2021 - 2025', null],
    ['Reporting year 2022', 2022],
    ['Không có năm', null],
  ] as const)('%s -> %s', (t, y) => expect(yearInText(t)).toBe(y));
});

describe('parseTier', () => {
  it.each([
    ['Đạt chuẩn', 'dat_chuan'],
    ['Dat chuan', 'dat_chuan'],
    ['Đạt chuẩn NTM', 'dat_chuan'],
    ['NTM', 'dat_chuan'],
    ['NTM nâng cao', 'nang_cao'],
    ['Đạt chuẩn NTM nâng cao', 'nang_cao'],
    ['Nang cao', 'nang_cao'],
    ['Kiểu mẫu', 'kieu_mau'],
    ['NTM kiểu mẫu', 'kieu_mau'],
    ['Chưa đạt', 'chua_dat'],
    ['Chưa đạt chuẩn', 'chua_dat'],
    ['chua dat', 'chua_dat'],
    ['Advanced', 'nang_cao'],
    ['Model', 'kieu_mau'],
    ['Not met', 'chua_dat'],
  ] as const)('%s -> %s', (t, tier) => expect(parseTier(t)).toEqual({ value: tier, unknown: false }));
  it('blank and unknown', () => {
    expect(parseTier('')).toEqual({ value: null, unknown: false });
    expect(parseTier(null)).toEqual({ value: null, unknown: false });
    expect(parseTier('Tốt')).toEqual({ value: null, unknown: true });
  });
});

describe('parseCode', () => {
  it('keeps codes as strings and pads numbers that lost their leading zeros', () => {
    expect(parseCode('19474', 5)).toEqual({ code: '19474', padded: false, invalid: false });
    expect(parseCode(2533, 5)).toEqual({ code: '02533', padded: true, invalid: false });
    expect(parseCode('2533', 5)).toEqual({ code: '02533', padded: true, invalid: false });
    expect(parseCode("'02533", 5)).toEqual({ code: '02533', padded: false, invalid: false });
    expect(parseCode('2533.0', 5)).toEqual({ code: '02533', padded: true, invalid: false });
    expect(parseCode(75, 3)).toEqual({ code: '075', padded: true, invalid: false });
    expect(parseCode('abc', 5)).toEqual({ code: null, padded: false, invalid: true });
    expect(parseCode('123456', 5)).toEqual({ code: null, padded: false, invalid: true });
    expect(parseCode('', 5)).toEqual({ code: null, padded: false, invalid: false });
  });
});
