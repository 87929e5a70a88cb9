// From the data a view draws to a MapScene: the subject (a province, a district, a sponsor's communes, or the
// whole country), the layers in the order the screen draws them, the labels and the legend with every mark the
// map carries. Pure: the app hands over decoded geometry and the commune colours it painted (src/app/export-scene.ts).
import type { DecodedGeometry } from '../common/geometry-format';
import { shortDistrictName, shortProvinceName, stripUnitPrefix } from '../common/vn-name';
import type { BasemapLand } from '../geo/basemap-land';
import { palette } from '../map/palette';
import type { Bounds } from './projection';
import type { LegendEntry, MapScene, PolygonLayer, RGB, SceneLabel } from './map-scene';

/** A boundary layer with the attributes a scene needs. */
export interface SceneUnits {
  geometry: DecodedGeometry;
  code: readonly (string | null)[];
  name: readonly (string | null)[];
  provinceCode: readonly (string | null)[];
  labelLon: Float64Array;
  labelLat: Float64Array;
}

/** The words a scene writes on the map and in the legend, in the export's language. */
export interface SceneWords {
  locale: 'vi' | 'en';
  sea: string;
  hoangSa: string;
  truongSa: string;
  ofVietnam: string;
  legendTitle: string;
  marks: {
    provinceLine: string;
    districtLine: string;
    flagged: string;
    sponsored: string;
    muted: string;
    selected: string;
    neighbours: string;
  };
}

export interface SceneInput {
  basemap: BasemapLand;
  provinces: SceneUnits;
  districts: SceneUnits;
  /** The commune layer drawn, at its finest geometry. */
  communes: SceneUnits;
  /** RGBA per commune feature as painted for the screen (alpha 0: not drawn). */
  colours: Uint8Array;
  province: string | null;
  district: string | null;
  selectedCode: string | null;
  /** The open sponsor's communes (null: no sponsor view). */
  sponsorCodes: ReadonlySet<string> | null;
  /** Groups behind their target trajectory: districts in a province view, provinces nationally. */
  flagged: readonly string[];
  /** The indicator's classes, as the side legend lists them. */
  classes: readonly LegendEntry[];
  /** Whether the units shown have districts (the post-reform ones have none: no district lines or labels). */
  districtsShown?: boolean;
  /** The whole country with its islands (the national subject). */
  nationalBounds: Bounds;
  words: SceneWords;
}

/** District codes of the archipelagos (the data pack's island districts). */
export const archipelagoCodes = { hoangSa: '498', truongSa: '576' } as const;
const isArchipelago = (code: string | null) => code === archipelagoCodes.hoangSa || code === archipelagoCodes.truongSa;

export const hex = (c: string): RGB => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];

export const sceneColours = {
  sea: hex(palette.sea),
  land: hex(palette.land),
  landOther: hex(palette.landOther),
  foreign: hex(palette.foreignLand),
  foreignBorder: hex(palette.foreignBorder),
  island: hex(palette.island),
  communeLine: hex(palette.communeLine),
  districtLine: hex(palette.districtLine),
  provinceLine: hex(palette.provinceLine),
  flagged: hex(palette.flagged),
  sponsored: hex(palette.sponsored),
  selected: hex(palette.selected),
  white: [255, 255, 255] as RGB,
  muted: [236, 236, 236] as RGB,
};

/** Per-feature extents of a geometry. */
export function featureExtents(g: DecodedGeometry): Float64Array {
  const out = new Float64Array(g.nFeatures * 4).fill(NaN);
  for (let p = 0; p < g.polygonFeature.length; p++) {
    const f = g.polygonFeature[p] * 4;
    for (let v = g.polygonStarts[p]; v < g.polygonStarts[p + 1]; v++) {
      const x = g.positions[2 * v], y = g.positions[2 * v + 1];
      if (!(out[f] <= x)) out[f] = x;
      if (!(out[f + 1] <= y)) out[f + 1] = y;
      if (!(out[f + 2] >= x)) out[f + 2] = x;
      if (!(out[f + 3] >= y)) out[f + 3] = y;
    }
  }
  return out;
}

function boundsOf(extents: Float64Array, include: (f: number) => boolean, n: number): Bounds | null {
  let w = Infinity, s = Infinity, e = -Infinity, no = -Infinity;
  for (let f = 0; f < n; f++) {
    if (!include(f) || Number.isNaN(extents[4 * f])) continue;
    w = Math.min(w, extents[4 * f]);
    s = Math.min(s, extents[4 * f + 1]);
    e = Math.max(e, extents[4 * f + 2]);
    no = Math.max(no, extents[4 * f + 3]);
  }
  return Number.isFinite(w) ? [w, s, e, no] : null;
}

/** Where the archipelagos and the sea are labelled (the island districts' label points, a little south). */
export function seaLabelPoints(districts: Pick<SceneUnits, 'code' | 'labelLon' | 'labelLat'>): { sea: [number, number]; hoangSa: [number, number]; truongSa: [number, number] } {
  const at = (code: string, fallback: [number, number]): [number, number] => {
    const i = districts.code.indexOf(code);
    return i >= 0 && Number.isFinite(districts.labelLon[i]) ? [districts.labelLon[i], districts.labelLat[i] - 0.45] : fallback;
  };
  return { sea: [113.6, 13.4], hoangSa: at(archipelagoCodes.hoangSa, [111.9, 16.0]), truongSa: at(archipelagoCodes.truongSa, [114.2, 9.4]) };
}

/** A commune's name on the map: without its prefix ("Hướng Lộc"), unless that leaves a number ("Phường 1"). */
export function communeLabel(name: string): string {
  const short = stripUnitPrefix(name);
  return /^\d/.test(short) ? name.normalize('NFC') : short;
}

export function buildScene(input: SceneInput): MapScene {
  const { basemap, provinces, districts, communes, colours, province, district, sponsorCodes, words, districtsShown = true } = input;
  const c = sceneColours;
  const communeExtents = featureExtents(communes.geometry);
  const inProvince = (f: number) => province !== null && communes.provinceCode[f] === province;
  const sponsored = (f: number) => sponsorCodes !== null && sponsorCodes.has(communes.code[f] ?? '');

  // the subject: a sponsor's communes, a district, a province, or the country
  let subject: MapScene['subject'];
  if (sponsorCodes && sponsorCodes.size > 0) {
    // a few communes: more of their neighbours around them
    subject = { bounds: boundsOf(communeExtents, sponsored, communes.geometry.nFeatures) ?? input.nationalBounds, geometry: communes.geometry, include: sponsored, padding: 0.1 };
  } else if (district) {
    const ext = featureExtents(districts.geometry);
    const inDistrict = (f: number) => districts.code[f] === district;
    subject = { bounds: boundsOf(ext, inDistrict, districts.geometry.nFeatures) ?? input.nationalBounds, geometry: districts.geometry, include: inDistrict };
  } else if (province) {
    const ext = featureExtents(provinces.geometry);
    const inIt = (f: number) => provinces.code[f] === province;
    subject = { bounds: boundsOf(ext, inIt, provinces.geometry.nFeatures) ?? input.nationalBounds, geometry: provinces.geometry, include: inIt };
  } else {
    subject = { bounds: input.nationalBounds };
  }

  const communeFill = (f: number): RGB | null => (colours[4 * f + 3] === 0 ? null : [colours[4 * f], colours[4 * f + 1], colours[4 * f + 2]]);
  const flagged = new Set(input.flagged);
  const flagLayer = province === null ? provinces : districts;
  const layers: PolygonLayer[] = [
    { id: 'basemap-land', geometry: basemap.geometry, fill: (f) => (basemap.vietnam[f] ? c.landOther : c.foreign) },
    { id: 'basemap-borders', geometry: basemap.geometry, include: (f) => !basemap.vietnam[f], stroke: { colour: c.foreignBorder, widthPt: 0.4 } },
    { id: 'land', geometry: provinces.geometry, fill: (f) => (province === null || provinces.code[f] === province ? c.land : c.landOther) },
    { id: 'islands', geometry: districts.geometry, include: (f) => isArchipelago(districts.code[f]), fill: () => c.land },
    { id: 'communes', geometry: communes.geometry, fill: communeFill },
    // the islands are specks at national scale: an outline over whatever covers them keeps each one visible
    { id: 'islands-outline', geometry: districts.geometry, include: (f) => isArchipelago(districts.code[f]), stroke: { colour: c.island, widthPt: 0.9 } },
  ];
  if (province !== null) {
    layers.push({ id: 'commune-lines', geometry: communes.geometry, include: inProvince, stroke: { colour: c.communeLine, widthPt: 0.35 } });
    if (districtsShown) layers.push({ id: 'district-lines', geometry: districts.geometry, stroke: { colour: c.districtLine, widthPt: 0.6 } });
  }
  layers.push({ id: 'province-lines', geometry: provinces.geometry, stroke: { colour: c.provinceLine, widthPt: province === null ? 0.45 : 1 } });
  if (flagged.size) layers.push({ id: 'flagged', geometry: flagLayer.geometry, include: (f) => flagged.has(flagLayer.code[f] ?? ''), stroke: { colour: c.flagged, widthPt: 1.6, dash: [3, 1.6] } });
  if (sponsorCodes) layers.push({ id: 'sponsored', geometry: communes.geometry, include: sponsored, stroke: { colour: c.sponsored, widthPt: 1.5 } });
  if (input.selectedCode) {
    // outlined, never filled over: the selected commune keeps its colour (white casing, dark line, as on screen)
    const isSelected = (f: number) => communes.code[f] === input.selectedCode;
    layers.push({ id: 'selected-casing', geometry: communes.geometry, include: isSelected, stroke: { colour: c.white, widthPt: 2.6 } });
    layers.push({ id: 'selected', geometry: communes.geometry, include: isSelected, stroke: { colour: c.selected, widthPt: 1.3 } });
  }

  // labels
  const labels: SceneLabel[] = [];
  const points = seaLabelPoints(districts);
  labels.push({ text: words.sea, lon: points.sea[0], lat: points.sea[1], kind: 'sea' });
  labels.push({ text: `${words.hoangSa}\n${words.ofVietnam}`, lon: points.hoangSa[0], lat: points.hoangSa[1], kind: 'sea' });
  labels.push({ text: `${words.truongSa}\n${words.ofVietnam}`, lon: points.truongSa[0], lat: points.truongSa[1], kind: 'sea' });
  for (const l of basemap.labels) labels.push({ text: words.locale === 'vi' ? l.vi : l.en, lon: l.lon, lat: l.lat, kind: 'country' });
  const provinceOf = new Map<string, number>();
  for (let f = 0; f < provinces.geometry.nFeatures; f++) {
    const code = provinces.code[f];
    if (code !== null && !provinceOf.has(code)) provinceOf.set(code, f);
  }
  for (const f of provinceOf.values()) {
    if (provinces.code[f] === province || !Number.isFinite(provinces.labelLon[f])) continue;
    labels.push({ text: shortProvinceName(provinces.name[f] ?? ''), lon: provinces.labelLon[f], lat: provinces.labelLat[f], kind: 'province' });
  }
  if (province !== null) {
    const districtExtents = featureExtents(districts.geometry);
    for (let f = 0; f < districts.geometry.nFeatures; f++) {
      if (!districtsShown || districts.provinceCode[f] !== province || isArchipelago(districts.code[f]) || !Number.isFinite(districts.labelLon[f])) continue;
      labels.push({
        text: shortDistrictName(districts.name[f] ?? ''),
        lon: districts.labelLon[f],
        lat: districts.labelLat[f],
        kind: 'district',
        extent: [districtExtents[4 * f], districtExtents[4 * f + 1], districtExtents[4 * f + 2], districtExtents[4 * f + 3]],
      });
    }
    for (let f = 0; f < communes.geometry.nFeatures; f++) {
      if (!inProvince(f) || !Number.isFinite(communes.labelLon[f]) || !communes.name[f]) continue;
      labels.push({
        text: communeLabel(communes.name[f] ?? ''),
        lon: communes.labelLon[f],
        lat: communes.labelLat[f],
        kind: 'commune',
        required: sponsored(f),
        extent: [communeExtents[4 * f], communeExtents[4 * f + 1], communeExtents[4 * f + 2], communeExtents[4 * f + 3]],
      });
    }
  }

  // the legend: the classes, then every other mark the map carries
  const entries: LegendEntry[] = [...input.classes];
  if (input.selectedCode) entries.push({ mark: 'line', colour: c.selected, label: words.marks.selected });
  if (sponsorCodes) {
    entries.push({ mark: 'line', colour: c.sponsored, label: words.marks.sponsored, count: sponsorCodes.size });
    entries.push({ mark: 'fill', colour: c.muted, label: words.marks.muted });
  }
  if (flagged.size) entries.push({ mark: 'dashed', colour: c.flagged, label: words.marks.flagged, count: flagged.size });
  entries.push({ mark: 'line', colour: c.provinceLine, label: words.marks.provinceLine });
  if (province !== null && districtsShown) entries.push({ mark: 'line', colour: c.districtLine, label: words.marks.districtLine });
  entries.push({ mark: 'fill', colour: c.foreign, label: words.marks.neighbours });

  return { subject, layers, labels, legend: { title: words.legendTitle, entries }, sea: c.sea };
}
