import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseDelimited, xlsxValue } from '../../../src/import/parse.ts';

describe('parseDelimited', () => {
  it.each([
    [',', 'a,b,c\n1,"2,5",3\n'],
    [';', 'a;b;c\n1;2,5;3\n'],
    ['\t', 'a\tb\tc\n1\t2,5\t3\n'],
  ])('guesses the delimiter %j', (d, text) => {
    expect(guessDelimiter(text)).toBe(d);
    expect(parseDelimited(text).rows[1].cells).toEqual(['1', '2,5', '3']);
  });

  it('ignores title lines when guessing', () => {
    expect(guessDelimiter('BIỂU TỔNG HỢP, NĂM 2023\nMã xã;Tên xã;Số TC\n1;Xã A;19\n2;Xã B;18\n')).toBe(';');
  });

  it('honours an Excel "sep=" line', () => {
    const g = parseDelimited('sep=;\na;b\n1;2\n');
    expect(g.delimiter).toBe(';');
    expect(g.rows.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('numbers rows as Excel shows them: a quoted line break stays in one row', () => {
    const g = parseDelimited('a,b\n"x\ny",1\n\nz,2\n');
    expect(g.rows.map((r) => [r.rowNumber, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', '1']],
      [3, [null]],
      [4, ['z', '2']],
    ]);
  });

  it('keeps formula-like and HTML text as plain strings', () => {
    const g = parseDelimited('name,n\n=cmd|\' /C calc\'!A0,1\n<script>alert(1)</script>,2\n');
    expect(g.rows[1].cells[0]).toBe("=cmd|' /C calc'!A0");
    expect(g.rows[2].cells[0]).toBe('<script>alert(1)</script>');
  });

  it('reports an unclosed quote', () => {
    const g = parseDelimited('a,b\n"x,1\n');
    expect(g.problems.length).toBeGreaterThan(0);
    expect(g.problems[0].row).toBe(2);
  });
});

describe('xlsxValue', () => {
  it('reads what Excel shows', () => {
    expect(xlsxValue(12.5)).toBe(12.5);
    expect(xlsxValue(0.0771, '0.00%')).toBe(7.71);
    expect(xlsxValue(0.5, '"%"0.0')).toBe(0.5); // a literal % in quotes is not a percent format
    expect(xlsxValue('Xã Húc')).toBe('Xã Húc');
    expect(xlsxValue('')).toBeNull();
    expect(xlsxValue({ richText: [{ text: 'Xã ' }, { text: 'Hướng Lộc' }] })).toBe('Xã Hướng Lộc');
    expect(xlsxValue({ formula: 'E5/D5*100', result: 45.2 })).toBe(45.2);
    expect(xlsxValue({ formula: 'E5/D5', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(xlsxValue({ formula: 'A1' })).toBeNull();
    expect(xlsxValue({ sharedFormula: 'A1', result: 3 })).toBe(3);
    expect(xlsxValue({ text: 'link', hyperlink: 'http://x' })).toBe('link');
    expect(xlsxValue(new Date(Date.UTC(2023, 11, 31)))).toBe('2023-12-31');
    expect(xlsxValue(true)).toBe('TRUE');
  });
});
