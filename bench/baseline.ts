/**
 * The conventional implementation the benchmark compares the atlas with (tests/bench/run.ts):
 * MapLibre with the full commune GeoJSON in a GeoJSON source, the programme rows fetched as JSON and joined to the
 * features in JS (Map lookups by code and year), recoloured through feature-state (?recolour=state, default) or one
 * `match` expression on fill-color (?recolour=match). Same classification code and colours as the app.
 * Data: /bench-data/communes.geojson, provinces.geojson and programme.json, written by the benchmark before the run.
 */
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource, type ExpressionSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { classify } from '../src/classify/classify';
import { noDataColour, schemeColours, type RGBA, type SchemeName } from '../src/classify/palettes';
import { categoryColour } from '../src/map/status-colours';

setWorkerUrl(workerUrl);

type Mode = 'state' | 'match';
type Indicator = 'status' | 'criteria' | 'poor_rate' | 'near_poor_rate' | 'ntm_year';

interface CommuneYearRow { commune_code: string; year: number; tier: string | null; criteria_met_count: number | null; ntm_year: number | null }
interface PovertyRow { unit_code: string; year: number; households: number | null; poor: number | null; near_poor: number | null }
interface Programme { commune_year: CommuneYearRow[]; poverty_year: PovertyRow[] }
interface Feature { properties: Record<string, string | null>; geometry: unknown }

const params = new URLSearchParams(location.search);
const mode: Mode = params.get('recolour') === 'match' ? 'match' : 'state';
const nationalBounds: [number, number, number, number] = [102.1, 7.9, 117.9, 23.5];
const empty = { type: 'FeatureCollection', features: [] } as GeoJSON.FeatureCollection;
const pending = '#d7d7d7';

const timings: Record<string, number> = {};
const map = new MapLibreMap({
  container: 'map',
  bounds: nationalBounds,
  fitBoundsOptions: { padding: 24 },
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  style: {
    version: 8,
    sources: {
      communes: { type: 'geojson', data: empty, promoteId: 'commune_code' },
      provinces: { type: 'geojson', data: empty },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#c6dbe9' } },
      {
        id: 'communes',
        type: 'fill',
        source: 'communes',
        paint: { 'fill-color': mode === 'state' ? ['to-color', ['coalesce', ['feature-state', 'colour'], pending]] : pending },
      },
      { id: 'province-lines', type: 'line', source: 'provinces', paint: { 'line-color': '#222222', 'line-width': 0.8 } },
    ],
  },
});
const mapLoaded = new Promise<void>((resolve) => map.once('load', () => resolve()));

/** Marks `name` at the first rendered frame where the commune source is loaded (after `after` resolved). */
function markFrame(name: string, after: Promise<unknown>) {
  void after.then(() => {
    const onRender = () => {
      if (!map.isSourceLoaded('communes')) return;
      timings[name] ??= performance.now();
      map.off('render', onRender);
    };
    map.on('render', onRender);
    map.triggerRepaint();
  });
}

let features: Feature[] = [];
let byCodeYear = new Map<string, CommuneYearRow>();
let povertyByCodeYear = new Map<string, PovertyRow>();
let years: number[] = [];
let year = 2024;
let indicator: Indicator = 'status';
let lastRecolourMs = 0;

const statusClasses = ['kieu_mau', 'nang_cao', 'dat_chuan', 'chua_dat', 'no_data', 'out_of_scope', 'unattributed'];
const schemeOf: Record<Exclude<Indicator, 'status'>, SchemeName> = { criteria: 'YlGn', poor_rate: 'OrRd', near_poor_rate: 'PuBu', ntm_year: 'YlGn' };
const css = (c: RGBA) => `rgb(${c[0]},${c[1]},${c[2]})`;

/** The JS join: one value per feature for the indicator and year. */
function featureValues(id: Indicator, y: number): Float64Array {
  const out = new Float64Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const p = features[i].properties;
    const code = p.commune_code;
    const cy = code ? byCodeYear.get(`${code}|${y}`) : undefined;
    const xa = p.commune_type === 'Xã';
    let v: number;
    if (id === 'status') {
      const tierIndex = cy?.tier ? statusClasses.indexOf(cy.tier) : -1;
      v = !code ? 6 : !xa ? 5 : tierIndex >= 0 ? tierIndex : 4;
    } else if (id === 'criteria') {
      v = xa && cy?.criteria_met_count != null ? cy.criteria_met_count : NaN;
    } else if (id === 'ntm_year') {
      v = cy?.tier && cy.tier !== 'chua_dat' && cy.ntm_year != null ? cy.ntm_year : NaN;
    } else {
      const pv = code ? povertyByCodeYear.get(`${code}|${y}`) : undefined;
      const n = id === 'poor_rate' ? pv?.poor : pv?.near_poor;
      v = pv && pv.households && n != null ? n / pv.households : NaN;
    }
    out[i] = v;
  }
  return out;
}

/** Colour per feature (CSS strings, as MapLibre takes them). */
function featureColours(id: Indicator, values: Float64Array): string[] {
  if (id === 'status') return Array.from(values, (v) => css(categoryColour(statusClasses[v])));
  const c = classify(values, 'jenks', 5);
  const colours = schemeColours(schemeOf[id], c.ranges.length).map(css);
  const none = css(noDataColour);
  return Array.from(c.classOf, (k) => (k === 255 ? none : colours[k]));
}

/** CPU side of a switch: join, classify, colour, hand to MapLibre (feature-state or a match expression). */
function recolour() {
  const t0 = performance.now();
  const colours = featureColours(indicator, featureValues(indicator, year));
  if (mode === 'state') {
    for (let i = 0; i < features.length; i++) {
      const code = features[i].properties.commune_code;
      if (code) map.setFeatureState({ source: 'communes', id: code }, { colour: colours[i] });
    }
  } else {
    const expr: unknown[] = ['match', ['get', 'commune_code']];
    const seen = new Set<string>();
    for (let i = 0; i < features.length; i++) {
      const code = features[i].properties.commune_code;
      if (!code || seen.has(code)) continue;
      seen.add(code);
      expr.push(code, colours[i]);
    }
    expr.push(pending);
    map.setPaintProperty('communes', 'fill-color', expr as ExpressionSpecification);
  }
  lastRecolourMs = performance.now() - t0;
}

const geometry = fetch('/bench-data/communes.geojson')
  .then((r) => r.json())
  .then(async (g: { features: Feature[] }) => {
    features = g.features;
    timings.geometryParsed = performance.now();
    await mapLoaded;
    (map.getSource('communes') as GeoJSONSource).setData(g as unknown as GeoJSON.FeatureCollection);
  });
void fetch('/bench-data/provinces.geojson')
  .then((r) => r.json())
  .then(async (g) => {
    await mapLoaded;
    (map.getSource('provinces') as GeoJSONSource).setData(g);
  });
const data = fetch('/bench-data/programme.json')
  .then((r) => r.json())
  .then((d: Programme) => {
    byCodeYear = new Map(d.commune_year.map((r) => [`${r.commune_code}|${r.year}`, r]));
    povertyByCodeYear = new Map(d.poverty_year.map((r) => [`${r.unit_code}|${r.year}`, r]));
    years = [...new Set(d.commune_year.map((r) => r.year))].sort((a, b) => a - b);
  });
markFrame('firstFrame', geometry);

const ready = Promise.all([geometry, data]).then(() => {
  timings.dataReady = performance.now();
  recolour();
  markFrame('firstColouredFrame', Promise.resolve());
});

(window as unknown as { benchBaseline: unknown }).benchBaseline = {
  map,
  mode,
  ready,
  timings: () => ({ ...timings }),
  years: () => years,
  features: () => features.length,
  setYear(y: number) {
    year = y;
    recolour();
    return lastRecolourMs;
  },
  setIndicator(id: Indicator) {
    indicator = id;
    recolour();
    return lastRecolourMs;
  },
  lastRecolourMs: () => lastRecolourMs,
};
