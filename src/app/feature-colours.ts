import type { IndicatorId } from '../indicators/registry';
import { sameElements } from '../common/same-elements';
import { unattributedColour } from '../map/status-colours';
import type { AppState } from '../state/app-state';
import type { DrawableLayer } from './base-layers';
import { colourUnits, type Colouring } from './colouring';
import { yearSlice } from './matrices';
import { featureUnits, type UnitList } from '../db/unit-list';

/** The view fields the classes depend on (a snapshot of the state, taken once per refresh). */
export type ColourView = Readonly<Pick<AppState, 'indicator' | 'province' | 'classMethod' | 'classCount' | 'manualBreaks' | 'years' | 'year'>>;

/**
 * What colouring needs of the units: their order (the matrices') and provinces. The unit list read from DuckDB has
 * it, and so has the precomputed first map before the engine is up.
 */
export type UnitKeys = Pick<UnitList, 'length' | 'code' | 'provinceCode' | 'indexOf'>;

/** What the painter needs besides the classes: what is hidden, muted and highlighted. */
export interface PaintView {
  province: string | null;
  selectedCode: string | null;
  /** Communes of the open sponsor view; all others are muted (null = none muted). */
  sponsorCodes: ReadonlySet<string> | null;
}

/** The colour buffer of the drawn layer as handed to the map, with the units drawn. */
export interface PaintedColours {
  colours: Uint8Array;
  /** Bumped on each paint: the map uploads the buffer again. */
  version: number;
  drawn: number;
}

/**
 * The colours of the drawn communes: classifies an indicator's year (classes cached per matrix, view and year)
 * and paints one RGBA per feature into the buffer deck.gl uploads as a per-vertex attribute.
 */
export class FeatureColours {
  /** Classes per matrix (weakly held: a stale matrix takes its classes with it) and view and year. */
  private colourings = new WeakMap<Float64Array, Map<string, Colouring>>();
  /** What the map shows: a matrix, its year slice and the classes of that year under the view. */
  private shown: { matrix: Float64Array; viewKey: string; yearIndex: number; province: string | null; values: Float64Array; colouring: Colouring } | null = null;
  private units: UnitKeys | null = null;
  private layer: DrawableLayer | null = null;
  private featureUnit: Int32Array | null = null;
  private buffer: Uint8Array | null = null;
  /** A copy of the colours last handed over (null: none yet on this layer). */
  private painted: Uint8Array | null = null;
  private version = 0;
  /** Idle loops running (whileIdle), and who waits for them to end. */
  private idleLoops = 0;
  private idleWaiters: (() => void)[] = [];

  /** The layer drawn (null before its geometry is in). */
  get drawn(): DrawableLayer | null {
    return this.layer;
  }

  /** The layer drawn (its features are painted from now on). */
  setLayer(layer: DrawableLayer): void {
    if (this.layer === layer) return;
    this.layer = layer;
    this.featureUnit = this.units ? featureUnits(layer.code, this.units) : null;
    this.buffer = new Uint8Array(layer.geometry.nFeatures * 4);
    this.painted = null;
  }

  /** The units, once known: features are matched to units (before, they are painted as pending). */
  setUnits(units: UnitKeys): void {
    // the classes shown are of the previous units (another vintage's, or the first map's): painted as pending until
    // the next colouring, unless these units are laid out the same way
    if (this.units && this.units.length !== units.length) this.shown = null;
    this.units = units;
    if (this.layer) this.featureUnit = featureUnits(this.layer.code, units);
  }

  /** Unit index of a drawn feature, -1 when the feature is no unit. */
  unitOf(feature: number): number {
    return this.featureUnit?.[feature] ?? -1;
  }

  /** The shown indicator's value for a unit in the shown year (NaN = no data). */
  valueOf(unit: number): number {
    return this.shown?.values[unit] ?? NaN;
  }

  /** The classes the map shows (null before the first colouring). */
  get colouring(): Colouring | null {
    return this.shown?.colouring ?? null;
  }

  /** Shows one year of a matrix under the view: slices, classifies (or takes the cached classes). */
  show(m: Float64Array, view: ColourView): Colouring {
    const units = this.units!;
    const yi = view.years.indexOf(view.year);
    const values = yearSlice(m, units.length, view.years.length, yi);
    const colouring = this.colouringOf(m, yi, view, values);
    this.shown = { matrix: m, viewKey: viewKey(view), yearIndex: yi, province: view.province, values, colouring };
    return colouring;
  }

  /**
   * Classifies the other years of the shown matrix while the browser is idle (whileIdle), so the
   * slider and the play button find every year ready (natural breaks take about 10 ms for all communes). Stops
   * when the map shows another matrix or view.
   */
  classifyOtherYears(view: ColourView): void {
    const m = this.shown?.matrix;
    if (!m) return;
    const key = viewKey(view);
    this.whileIdle(() => {
      if (this.shown?.matrix !== m || this.shown.viewKey !== key) return false;
      const done = this.colourings.get(m);
      const todo = Array.from({ length: view.years.length }, (_, y) => y).find((y) => !done?.has(`${key}|${y}`));
      if (todo === undefined) return false;
      this.colouringOf(m, todo, view);
      return true;
    });
  }

  /**
   * Classifies the shown year of other indicators' matrices under the view while the browser is idle (whileIdle), so
   * that a first switch to one of them finds its classes ready and only paints (as a year switch does). Stops when
   * the map shows another year or province.
   */
  prepare(matrices: readonly { id: IndicatorId; m: Float64Array }[], view: ColourView): void {
    const yi = view.years.indexOf(view.year);
    if (yi < 0) return;
    const todo = [...matrices];
    this.whileIdle(() => {
      // the map went on to another year or province (the slider playing): a later prepare() covers that one
      if (this.shown && (this.shown.yearIndex !== yi || this.shown.province !== view.province)) return false;
      const t = todo.shift();
      if (!t || !this.units || t.m.length !== this.units.length * view.years.length) return false;
      // a switch of indicator starts with no manual breaks (Atlas.setIndicator)
      this.colouringOf(t.m, yi, { ...view, indicator: t.id, manualBreaks: [] });
      return true;
    });
  }

  /** Resolves once the classes being computed while idle are all in (Atlas.settled). */
  idleWorkDone(): Promise<void> {
    return this.idleLoops === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Runs `step` while the browser is idle (as many steps as an idle period leaves room for) until it says it is done. */
  private whileIdle(step: () => boolean): void {
    this.idleLoops++;
    const next = (deadline?: IdleDeadline) => {
      // a step takes ~1-10 ms: one only when that much of the idle period is left. Idle periods also come in the few
      // ms between a switch and its frame, and a step begun there delays the frame that shows the switch
      if (deadline && !deadline.didTimeout && deadline.timeRemaining() <= IDLE_STEP_MS) return whenIdle(next);
      let more = step();
      while (more && deadline && deadline.timeRemaining() > IDLE_STEP_MS) more = step();
      if (more) return whenIdle(next);
      if (--this.idleLoops === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    };
    whenIdle(next);
  }

  /** Writes the colour of every drawn feature; null while no layer is drawn. */
  paint(view: PaintView): PaintedColours | null {
    if (!this.layer || !this.buffer) return null;
    const drawn = this.write(this.colouring, this.buffer, view);
    // colours the map already has keep their version: it draws no frame for them (the engine taking over from
    // the precomputed first map, a refresh that changed no colour), each one rasterised on the CPU without a GPU
    if (!this.painted || !sameElements(this.painted, this.buffer)) {
      (this.painted ??= new Uint8Array(this.buffer.length)).set(this.buffer);
      this.version++;
    }
    return { colours: this.buffer, version: this.version, drawn };
  }

  /**
   * Colours for the second map of a side-by-side comparison: the same layer for another year or indicator of
   * `m`. With the indicator of the main map its classes are reused, so one legend serves both maps.
   */
  comparison(m: Float64Array, indicator: IndicatorId, year: number, view: ColourView & PaintView): { colours: Uint8Array; colouring: Colouring; sharedLegend: boolean } | null {
    const shown = this.colouring;
    if (!this.units || !this.layer || !shown) return null;
    const values = yearSlice(m, this.units.length, view.years.length, view.years.indexOf(year));
    const sharedLegend = indicator === view.indicator;
    const opts = sharedLegend && shown.breaks.length > 0
      ? { method: 'manual' as const, classes: shown.breaks.length + 1, manualBreaks: shown.breaks }
      : { method: view.classMethod, classes: view.classCount, manualBreaks: [] };
    const colouring = colourUnits(indicator, values, this.inScope(view.province), opts);
    const colours = new Uint8Array(this.layer.geometry.nFeatures * 4);
    this.write(colouring, colours, view);
    return { colours, colouring, sharedLegend };
  }

  /** Classes of one year of a matrix under a view, cached. */
  private colouringOf(m: Float64Array, yearIndex: number, view: ColourView, values?: Float64Array): Colouring {
    let byView = this.colourings.get(m);
    if (!byView) this.colourings.set(m, (byView = new Map()));
    const key = `${viewKey(view)}|${yearIndex}`;
    let c = byView.get(key);
    if (!c) {
      const v = values ?? yearSlice(m, this.units!.length, view.years.length, yearIndex);
      c = colourUnits(view.indicator, v, this.inScope(view.province), { method: view.classMethod, classes: view.classCount, manualBreaks: view.manualBreaks });
      byView.set(key, c);
    }
    return c;
  }

  private inScope(province: string | null): (unit: number) => boolean {
    const units = this.units!;
    return province === null ? () => true : (u) => units.provinceCode[u] === province;
  }

  /** RGBA per drawn feature: class colour, other provinces hidden, sponsor view muting. Returns units drawn. */
  private write(c: Colouring | null, out: Uint8Array, view: PaintView): number {
    const d = this.layer!;
    // the selected commune keeps its colour: it is outlined on the map (selection-outline.ts), not filled
    const { province, sponsorCodes } = view;
    const fu = this.featureUnit;
    let drawn = 0;
    for (let f = 0; f < d.geometry.nFeatures; f++) {
      const o = f * 4;
      if (province !== null && d.provinceCode[f] !== province) {
        out[o + 3] = 0;
        continue;
      }
      const u = fu ? fu[f] : -1;
      if (d.kind[f] === 'unit') drawn++;
      const rgba = u < 0 ? (fu ? unattributedColour : pendingColour) : c ? c.colours[c.unitClass[u]] : pendingColour;
      out[o] = rgba[0];
      out[o + 1] = rgba[1];
      out[o + 2] = rgba[2];
      out[o + 3] = 255;
      if (sponsorCodes && !sponsorCodes.has(d.code[f] ?? '')) {
        // muted: faded towards white, still readable as context
        out[o] = 255 - ((255 - rgba[0]) >> 2);
        out[o + 1] = 255 - ((255 - rgba[1]) >> 2);
        out[o + 2] = 255 - ((255 - rgba[2]) >> 2);
      }
    }
    return drawn;
  }
}

/** The view fields the classes of a matrix's year depend on, as a cache key. */
function viewKey(v: ColourView): string {
  return [v.indicator, v.province, v.classMethod, v.classCount, v.manualBreaks.join(',')].join('|');
}

/** What one step of idle work (the classes of a matrix's year) may take, at most, here. */
const IDLE_STEP_MS = 12;

/** Runs fn when the browser is idle (or soon, where there is no requestIdleCallback). */
function whenIdle(fn: (deadline?: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 50);
}

const pendingColour = [215, 215, 215, 255] as const;
