import { describe, expect, it } from 'vitest';
import { formatRange } from '../../../src/indicators/format';

describe('a legend class in words', () => {
  it('reads a range as its two bounds', () => {
    expect(formatRange('former_ntm', [0.6667, 1], 'vi')).toBe('66,67% – 100,00%');
    expect(formatRange('criteria', [12, 17.5], 'en')).toBe('12 – 17.5');
  });

  it('reads a class holding one value as that value', () => {
    expect(formatRange('former_ntm', [1, 1], 'vi')).toBe('100%');
    expect(formatRange('poor_rate', [0.12345, 0.12345], 'en')).toBe('12.35%');
    expect(formatRange('criteria', [19, 19], 'vi')).toBe('19');
  });
});
