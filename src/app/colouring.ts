import { classify, noDataClass, type ClassMethod, type LegendItem } from '../classify/classify';
import { noDataColour, schemeColours, type RGBA } from '../classify/palettes';
import { categoriesOf, indicators, type IndicatorId } from '../indicators/registry';
import { categoryColour } from '../map/status-colours';

export interface ClassOptions {
  method: ClassMethod;
  classes: number;
  manualBreaks: number[];
}

export interface Colouring {
  /** Colour index per unit (into `colours`); units outside the scope keep their class but are not counted. */
  unitClass: Uint8Array;
  colours: RGBA[];
  legend: LegendItem[];
  breaks: number[];
}

/**
 * Classes and colours for one indicator and year over the units in scope (the province, or the country).
 * Categorical indicators carry their class in the value; numeric ones are classified here.
 */
export function colourUnits(id: IndicatorId, values: Float64Array, inScope: (unit: number) => boolean, opts: ClassOptions): Colouring {
  const def = indicators[id];
  const unitClass = new Uint8Array(values.length);
  if (def.kind === 'categorical') {
    const cats = categoriesOf(id);
    const counts = new Array<number>(cats.length).fill(0);
    for (let u = 0; u < values.length; u++) {
      unitClass[u] = values[u];
      if (inScope(u)) counts[values[u]]++;
    }
    const colours = cats.map((c) => categoryColour(c));
    return {
      unitClass,
      colours,
      breaks: [],
      // polygons that belong to no unit are never counted as units: they get their own note, not a legend row
      legend: cats.flatMap((c, i) => (c === 'unattributed' ? [] : [{ category: c, colour: colours[i], count: counts[i] }])),
    };
  }
  const scoped: number[] = [];
  for (let u = 0; u < values.length; u++) if (inScope(u)) scoped.push(values[u]);
  const c = classify(scoped, opts.method, opts.classes || def.classes || 5, opts.manualBreaks);
  const colours = [...schemeColours(def.scheme ?? 'YlGn', c.ranges.length), noDataColour];
  const noData = colours.length - 1;
  for (let u = 0; u < values.length; u++) {
    const v = values[u];
    if (!Number.isFinite(v)) {
      unitClass[u] = noData;
      continue;
    }
    let k = 0;
    while (k < c.breaks.length && v >= c.breaks[k]) k++;
    unitClass[u] = k;
  }
  const legend: LegendItem[] = c.ranges.map((range, i) => ({ range, colour: colours[i], count: c.counts[i] }));
  legend.push({ noData: true, colour: noDataColour, count: c.noData });
  return { unitClass, colours, legend, breaks: c.breaks };
}

export { noDataClass };
