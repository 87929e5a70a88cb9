import type { TFunction } from 'i18next';
import type { AppState } from '../state/app-state';
import { criteriaBandsOf } from '../indicators/registry';
import { formatRange } from '../indicators/format';

/**
 * A class of the legend in words: the criteria map's official bands and floor split by their names ("15-18 tiêu
 * chí", "dưới 12 tiêu chí"), any other class by its range.
 */
export function classLabel(s: Pick<AppState, 'indicator' | 'classMethod' | 'manualBreaks' | 'floor' | 'locale'>, range: [number, number], index: number, t: TFunction): string {
  const bands = s.indicator === 'criteria' && s.classMethod === 'manual' ? criteriaBandsOf(s.manualBreaks, s.floor) : null;
  if (bands === 'official') return t(`legend.bands.official.${index}`);
  if (bands === 'floor') return t(`legend.bands.floor.${index === 0 ? 'below' : 'above'}`, { floor: s.floor });
  return formatRange(s.indicator, range, s.locale);
}
