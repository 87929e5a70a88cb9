// Map labels for an exported map: every label a box; a label is placed only where it fits inside the frame without
// touching a placed label or the furniture over the map. Required labels (a sponsor's communes) come first and
// try a few positions around their point; a commune label much wider than its commune is left out.
import type { LabelKind, SceneLabel, RGB } from './map-scene';
import { boxesOverlap, boxInside, insetBox, type Box, type FrameProjection } from './projection';

export interface PlacedLabel extends Box {
  text: string;
  kind: LabelKind;
  pt: number;
  bold: boolean;
  colour: RGB;
  halo: RGB;
  /** Lines of a label written over two lines ("Quần đảo Hoàng Sa\n(Việt Nam)"). */
  lines: string[];
}

type Measure = (text: string, pt: number, bold: boolean) => number;

/** Type size, weight and colours per kind of label, at type scale 1. */
export const labelStyles: Record<LabelKind, { pt: number; bold: boolean; colour: RGB; halo: RGB; order: number }> = {
  sea: { pt: 8.5, bold: false, colour: [61, 106, 138], halo: [198, 219, 233], order: 0 },
  country: { pt: 7.5, bold: false, colour: [111, 106, 95], halo: [222, 218, 209], order: 1 },
  province: { pt: 7.5, bold: true, colour: [40, 40, 40], halo: [255, 255, 255], order: 2 },
  district: { pt: 8.5, bold: true, colour: [29, 29, 29], halo: [255, 255, 255], order: 3 },
  commune: { pt: 6.5, bold: false, colour: [29, 29, 29], halo: [255, 255, 255], order: 4 },
};

const LINE = 1.18;
/** A commune label may be this much wider than its commune. */
const OVERHANG = 1.35;

export function placeLabels(opts: {
  labels: readonly SceneLabel[];
  projection: FrameProjection;
  frame: Box;
  avoid: readonly Box[];
  measure: Measure;
  typeScale: number;
}): PlacedLabel[] {
  const { projection: p, measure, typeScale: s } = opts;
  const area = insetBox(opts.frame, 0.8 * s);
  const gap = 0.6 * s;
  const placed: PlacedLabel[] = [];
  const extentWidth = (l: SceneLabel) => (l.extent ? Math.abs(p.x(l.extent[2]) - p.x(l.extent[0])) : Infinity);
  const extentArea = (l: SceneLabel) => (l.extent ? extentWidth(l) * Math.abs(p.y(l.extent[1]) - p.y(l.extent[3])) : 0);
  const ordered = [...opts.labels].sort(
    (a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)) || labelStyles[a.kind].order - labelStyles[b.kind].order || extentArea(b) - extentArea(a),
  );
  const free = (b: Box) => boxInside(b, area) && !opts.avoid.some((a) => boxesOverlap(a, b, gap)) && !placed.some((q) => boxesOverlap(q, b, gap));
  for (const l of ordered) {
    const cx = p.x(l.lon), cy = p.y(l.lat);
    if (!l.required && !(cx >= area.x && cx <= area.x + area.width && cy >= area.y && cy <= area.y + area.height)) continue;
    const style = labelStyles[l.kind];
    const pt = style.pt * s;
    const lines = (l.kind === 'country' ? l.text.toLocaleUpperCase() : l.text).split('\n');
    const width = Math.max(...lines.map((t) => measure(t, pt, style.bold)));
    const height = lines.length * pt * (25.4 / 72) * LINE;
    if (l.kind === 'commune' && !l.required && width > extentWidth(l) * OVERHANG) continue;
    const at = (dx: number, dy: number): Box => ({ x: cx - width / 2 + dx, y: cy - height / 2 + dy, width, height });
    const tries = l.required
      ? [at(0, 0), at(0, -height * 0.9), at(0, height * 0.9), at(width * 0.6, 0), at(-width * 0.6, 0), at(0, -height * 1.8), at(0, height * 1.8)]
      : [at(0, 0)];
    let box = tries.find(free);
    // a required label is written even where it must touch another (clamped into the frame)
    if (!box && l.required) {
      const b = tries[0];
      box = { ...b, x: Math.min(Math.max(b.x, area.x), area.x + area.width - b.width), y: Math.min(Math.max(b.y, area.y), area.y + area.height - b.height) };
    }
    if (!box) continue;
    placed.push({ ...box, text: lines.join(' '), lines, kind: l.kind, pt, bold: style.bold, colour: style.colour, halo: style.halo });
  }
  return placed;
}
