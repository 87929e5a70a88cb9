import { describe, expect, test, vi } from 'vitest';
import type { TFunction } from 'i18next';
import { catalogue } from '../../../src/i18n/catalogue';
import { keepingTexts } from '../../../src/i18n/keeping-texts';

/** The catalogue's own `t` of a language, counting its calls. */
function counted(lng: 'vi' | 'en') {
  const fixed = catalogue.getFixedT(lng);
  const spy = vi.fn((...args: unknown[]) => (fixed as unknown as (...a: unknown[]) => unknown)(...args));
  return { spy, t: keepingTexts(spy as unknown as TFunction) };
}

describe('keepingTexts: the UI asks i18next for each text once', () => {
  test('the same call twice resolves once and gives the same text', () => {
    const { spy, t } = counted('vi');
    const first = t('legend.marks.title');
    expect(t('legend.marks.title')).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(first).toBe(catalogue.getFixedT('vi')('legend.marks.title'));
  });

  test('parameters are part of the call: each count and each type of value is its own text', () => {
    const { spy, t } = counted('en');
    const fixed = catalogue.getFixedT('en');
    for (const count of [1, 2, 1, 2]) expect(t('legend.marks.lagging.district', { count })).toBe(fixed('legend.marks.lagging.district', { count }));
    expect(spy).toHaveBeenCalledTimes(2);
    // the string '1' is not the number 1 (plural rules read numbers)
    t('legend.marks.lagging.district', { count: '1' } as never);
    expect(spy).toHaveBeenCalledTimes(3);
    // the name of a parameter counts too, not only its value
    t('legend.marks.noBoundary', { count: 3 });
    t('legend.marks.noBoundary', { other: 3 } as never);
    expect(spy).toHaveBeenCalledTimes(5);
  });

  test('a call with an object among its parameters, a key list or more arguments is never kept', () => {
    const { spy, t } = counted('vi');
    t('legend.marks.title', { values: { a: 1 } } as never);
    t('legend.marks.title', { values: { a: 1 } } as never);
    t(['legend.marks.title', 'legend.marks.selected'] as never);
    t(['legend.marks.title', 'legend.marks.selected'] as never);
    expect(spy).toHaveBeenCalledTimes(4);
  });
});
