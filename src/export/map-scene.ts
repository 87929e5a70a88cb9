// What an exported map draws, handed over by the app (src/app/export-scene.ts) and drawn by the composer's
// renderers (canvas for PNG and slides, jsPDF paths for the PDF). Nothing here knows the screen map.
import type { DecodedGeometry } from '../common/geometry-format';
import type { Bounds } from './projection';

export type RGB = readonly [number, number, number];

/** Polygons of one geometry, filled per feature and/or outlined. */
export interface PolygonLayer {
  id: string;
  geometry: DecodedGeometry;
  /** Features drawn (default: all). */
  include?: (feature: number) => boolean;
  /** Fill per feature (null: not filled). */
  fill?: (feature: number) => RGB | null;
  /** Outline: colour, width in points at type scale 1, dash pattern in points. */
  stroke?: { colour: RGB; widthPt: number; dash?: readonly number[] };
}

export type LabelKind = 'country' | 'sea' | 'province' | 'district' | 'commune';

export interface SceneLabel {
  text: string;
  lon: number;
  lat: number;
  kind: LabelKind;
  /** Placed before every label without it, whatever it collides with (a sponsored commune is always named). */
  required?: boolean;
  /** The labelled feature's extent: a commune label is left out where it is much wider than its commune. */
  extent?: Bounds;
}

/** One line of the legend: a class swatch, an outline, a dashed outline. */
export interface LegendEntry {
  mark: 'fill' | 'line' | 'dashed';
  colour: RGB;
  label: string;
  count?: number;
}

export interface MapScene {
  /** The place the map is about: fitted to the frame, whatever the screen shows. */
  subject: {
    bounds: Bounds;
    /** Its polygons: the map furniture is kept clear of them. */
    geometry?: DecodedGeometry;
    include?: (feature: number) => boolean;
    /** Room left around it, as a share of the frame's shorter side (default 0.035): neighbours for context. */
    padding?: number;
  };
  /** Drawn in order, over the sea colour. */
  layers: PolygonLayer[];
  labels: SceneLabel[];
  legend: { title: string; entries: LegendEntry[] };
  sea: RGB;
}

/** The words around the map. */
export interface MapTexts {
  title: string;
  subtitle?: string;
  /** "Nguồn: …", as one line (wrapped by the composer). */
  source: string;
  /** "Số liệu năm 2024". */
  dataDate: string;
  /** The administrative vintage of the units shown. */
  vintage: string;
  /** "Ngày xuất: 24/11/2025". */
  exported: string;
  /** The illustrative mark's text; null when nothing shown is illustrative. */
  illustrative: string | null;
  /** The north arrow's letter (B / N). */
  north: string;
  locale: 'vi' | 'en';
}

/** Polygons in the scene, for the vector-or-raster decision. */
export function polygonCount(layer: PolygonLayer): number {
  const g = layer.geometry;
  if (!layer.include) return g.polygonFeature.length;
  let n = 0;
  for (let p = 0; p < g.polygonFeature.length; p++) if (layer.include(g.polygonFeature[p])) n++;
  return n;
}
