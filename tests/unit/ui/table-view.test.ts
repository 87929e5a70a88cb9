// The planner's cells as the district table and a slide's table show them (one formatter, src/ui/planner/table-view.ts).
import { describe, expect, test } from 'vitest';
import type { TFunction } from 'i18next';
import { formatCell } from '../../../src/ui/planner/table-view';

const t = ((key: string, o?: { n?: string }) => (o?.n ? `${key} ${o.n}` : key)) as unknown as TFunction;

describe('planner cells', () => {
  test('a change in points is signed both ways, with the typographic minus (U+2212), and unsigned at zero', () => {
    expect(formatCell(0.041, 'pts', 'vi', t)).toBe('+4,1');
    expect(formatCell(-0.032, 'pts', 'vi', t)).toBe('\u22123,2');
    expect(formatCell(-0.032, 'pts', 'en', t)).toBe('\u22123.2');
    expect(formatCell(0, 'pts', 'vi', t)).toBe('0,0');
  });

  test('the gap to a target is said in words; an empty or non-finite value is a dash', () => {
    expect(formatCell(0.041, 'gap', 'vi', t)).toBe('planner.gap.short 4,1');
    expect(formatCell(-0.25, 'gap', 'vi', t)).toBe('planner.gap.beyond 25,0');
    expect(formatCell(null, 'share', 'vi', t)).toBe('–');
    expect(formatCell(NaN, 'int', 'vi', t)).toBe('–');
  });
});
