import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ckmeans } from 'simple-statistics';
import { classify, jenksBreaks, noDataClass } from '../../../src/classify/classify';

/** Sum of squared deviations from class means: Jenks' objective. */
function sdcm(sorted: number[], breaks: number[]): number {
  let total = 0;
  const bounds = [-Infinity, ...breaks, Infinity];
  for (let c = 0; c < bounds.length - 1; c++) {
    const xs = sorted.filter((v) => v >= bounds[c] && v < bounds[c + 1]);
    const mean = xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
    total += xs.reduce((a, b) => a + (b - mean) ** 2, 0);
  }
  return total;
}

/** Exhaustive search over all ways to cut sorted data into k runs: the independent reference. */
function bruteForceBest(sorted: number[], k: number): number {
  let best = Infinity;
  const cut = (start: number, left: number, breaks: number[]) => {
    if (left === 1) {
      best = Math.min(best, sdcm(sorted, breaks));
      return;
    }
    for (let i = start + 1; i <= sorted.length - left + 1; i++) {
      if (sorted[i] === sorted[i - 1]) continue;
      cut(i, left - 1, [...breaks, sorted[i]]);
    }
  };
  cut(0, k, []);
  return best;
}

describe('natural breaks (Jenks)', () => {
  test('published example (jenkspy README): 12 values, 3 classes -> 1.2 | 2.3 | 5.0 | 7.8', () => {
    const values = [1.3, 7.1, 7.3, 2.3, 3.9, 4.1, 7.8, 1.2, 4.3, 7.3, 5.0, 4.3];
    const c = classify(values, 'jenks', 3);
    // jenkspy reports [min, upper bound of each class] = [1.2, 2.3, 5.0, 7.8].
    expect(c.ranges[0][0]).toBe(1.2);
    const classes = [0, 1, 2].map((k) => values.filter((_, i) => c.classOf[i] === k).sort((a, b) => a - b));
    expect(classes.map((xs) => xs[xs.length - 1])).toEqual([2.3, 5.0, 7.8]);
    expect(c.counts).toEqual([3, 5, 4]);
  });

  test('matches exhaustive search on random data', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 11 }), fc.integer({ min: 2, max: 4 }), (xs, k) => {
        const sorted = [...xs].sort((a, b) => a - b);
        if (new Set(sorted).size < k) return;
        const breaks = jenksBreaks(sorted, k);
        expect(sdcm(sorted, breaks)).toBeCloseTo(bruteForceBest(sorted, k), 6);
      }),
      { numRuns: 60 },
    );
  });

  test('many values over few distinct ones (criteria met, years): the same optimum as Ckmeans over every value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 19 }), { minLength: 30, maxLength: 400 }), fc.integer({ min: 2, max: 7 }), (xs, k) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const classes = Math.min(k, new Set(sorted).size);
        const viaCkmeans = ckmeans(sorted, classes).slice(1).map((c) => c[0]);
        expect(sdcm(sorted, jenksBreaks(sorted, k))).toBeCloseTo(sdcm(sorted, viaCkmeans), 6);
      }),
      { numRuns: 60 },
    );
  });

  test('10,000 years 2016-2025: breaks fall between distinct years and every class is used', () => {
    const years = Array.from({ length: 10_000 }, (_, i) => 2016 + ((i * 7919) % 10));
    const c = classify(years, 'jenks', 5);
    expect(c.breaks).toHaveLength(4);
    for (const b of c.breaks) expect(Number.isInteger(b)).toBe(true);
    expect(c.counts.every((n) => n > 0)).toBe(true);
  });
});

describe('other methods', () => {
  test('equal intervals split the range evenly', () => {
    const c = classify([0, 10, 20, 30, 40], 'equal', 4);
    expect(c.breaks).toEqual([10, 20, 30]);
    expect(c.counts).toEqual([1, 1, 1, 2]);
  });

  test('quantiles put the same number of values in each class', () => {
    const c = classify(Array.from({ length: 100 }, (_, i) => i), 'quantile', 4);
    expect(c.breaks).toEqual([25, 50, 75]);
    expect(c.counts).toEqual([25, 25, 25, 25]);
  });

  test('manual breaks are used as given (sorted), values on a break go up', () => {
    const c = classify([5, 12, 15, 19], 'manual', 0, [15, 12]);
    expect(c.breaks).toEqual([12, 15]);
    expect(Array.from(c.classOf)).toEqual([0, 1, 2, 2]);
  });

  test('NaN is its own no-data class, counted apart', () => {
    const c = classify([1, NaN, 3, NaN], 'equal', 2);
    expect(c.noData).toBe(2);
    expect(c.classOf[1]).toBe(noDataClass);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(2);
  });

  test('fewer distinct values than classes gives fewer classes, never empty ones', () => {
    const c = classify([7, 7, 7, 9], 'jenks', 5);
    expect(c.counts.every((n) => n > 0)).toBe(true);
  });
});
