// The output frames the export composer lays a map out in: paper in both orientations, a 16:9 projector slide and
// the sponsor report's map. Lengths in millimetres; a PNG renders them at 96 dpi times its scale.

export type PresetId = 'a4-landscape' | 'a4-portrait' | 'a3-landscape' | 'a3-portrait' | 'projector' | 'sponsor';

export interface Preset {
  id: PresetId;
  width: number;
  height: number;
  margin: number;
  /** Multiplies every type size and line width: A3 reads from a wall, a projector from the back of a room. */
  typeScale: number;
  /** Where the legend goes: a column beside the map, or a band under it. */
  legend: 'right' | 'bottom';
  /** Paper for the PDF ('a4'/'a3' in jsPDF terms); a projector slide is a custom page. */
  paper: 'a4' | 'a3' | null;
}

const A4: readonly [number, number] = [210, 297];
const A3: readonly [number, number] = [297, 420];
/** 1280 × 720 px at 96 dpi. */
const SLIDE: readonly [number, number] = [338.667, 190.5];

export const presets: Readonly<Record<PresetId, Preset>> = {
  'a4-landscape': { id: 'a4-landscape', width: A4[1], height: A4[0], margin: 10, typeScale: 1, legend: 'right', paper: 'a4' },
  'a4-portrait': { id: 'a4-portrait', width: A4[0], height: A4[1], margin: 10, typeScale: 1, legend: 'bottom', paper: 'a4' },
  'a3-landscape': { id: 'a3-landscape', width: A3[1], height: A3[0], margin: 14, typeScale: 1.3, legend: 'right', paper: 'a3' },
  'a3-portrait': { id: 'a3-portrait', width: A3[0], height: A3[1], margin: 14, typeScale: 1.3, legend: 'bottom', paper: 'a3' },
  projector: { id: 'projector', width: SLIDE[0], height: SLIDE[1], margin: 6, typeScale: 1.45, legend: 'right', paper: null },
  // the sponsor report's map: the width of an A4 page inside its margins, a band above the table
  sponsor: { id: 'sponsor', width: 186, height: 104, margin: 0, typeScale: 0.9, legend: 'right', paper: null },
};

export const presetIds = Object.keys(presets) as PresetId[];

/** Pixels per millimetre of a PNG at scale 1 (96 dpi, a CSS pixel). */
export const PX_PER_MM = 96 / 25.4;

/** A preset by paper and orientation (the PDF controls). */
export function paperPreset(paper: 'A4' | 'A3', orientation: 'portrait' | 'landscape'): Preset {
  return presets[`${paper.toLowerCase() as 'a4' | 'a3'}-${orientation}`];
}
