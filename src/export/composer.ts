// The export composer: one layout model for every exported map (PNG, PDF, the sponsor report, slides). The subject
// is fitted to the frame of a preset, independently of the screen; title, subtitle, illustrative mark, legend (every
// mark drawn), scale bar, north arrow, source, data date, vintage and export date get boxes that never cover the
// subject; labels are placed where they fit without overlap. All lengths in mm, type in points. Text is measured by
// the renderer's own font metrics (`Measure`), so canvas and PDF lay out the same words in the same boxes.
import { placeLabels, type PlacedLabel } from './label-placement';
import type { LegendEntry, MapScene, MapTexts, RGB } from './map-scene';
import type { Preset } from './presets';
import { fitBounds, insetBox, mercX, mercY, type Box, type FrameProjection } from './projection';

/** Width in mm of a text at a size in points. */
export type Measure = (text: string, pt: number, bold: boolean) => number;

export const PT_MM = 25.4 / 72;
/** Line pitch relative to the type size: room for stacked Vietnamese marks. */
export const LINE = 1.3;

export interface TextBox extends Box {
  lines: string[];
  pt: number;
  bold: boolean;
  colour: RGB;
  align: 'left' | 'right' | 'center';
}

export interface LegendRow {
  entry: LegendEntry;
  /** Swatch box. */
  swatch: Box;
  label: TextBox;
  count: TextBox | null;
}

export interface LegendLayout extends Box {
  title: TextBox | null;
  rows: LegendRow[];
}

export interface ScaleBarLayout extends Box {
  /** The bar itself (inside the box). */
  bar: Box;
  metres: number;
  segments: number;
  labels: { text: string; x: number; y: number; pt: number }[];
}

export interface NorthArrowLayout extends Box {
  letter: TextBox;
  /** The arrow: tip at the top, base at the bottom. */
  arrow: Box;
}

export interface ComposedLayout {
  preset: Preset;
  page: { width: number; height: number };
  typeScale: number;
  frame: Box;
  projection: FrameProjection;
  title: TextBox;
  subtitle: TextBox | null;
  /** The amber illustrative mark (null when nothing shown is illustrative). */
  illustrative: TextBox | null;
  legend: LegendLayout;
  scaleBar: ScaleBarLayout;
  northArrow: NorthArrowLayout;
  source: TextBox;
  dataDate: TextBox;
  vintage: TextBox;
  exported: TextBox;
  labels: PlacedLabel[];
}

export const textColours = { text: [33, 37, 41] as RGB, muted: [95, 102, 110] as RGB, mark: [107, 78, 0] as RGB };
export const markColours = { fill: [255, 244, 214] as RGB, border: [214, 158, 46] as RGB };

export const lineHeight = (pt: number) => pt * PT_MM * LINE;

/** Greedy word wrap at a width (explicit newlines kept); a word longer than the width gets a line of its own. */
export function wrapText(measure: Measure, text: string, width: number, pt: number, bold: boolean): string[] {
  const out: string[] = [];
  for (const paragraph of text.normalize('NFC').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && measure(next, pt, bold) > width) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

function textBox(measure: Measure, text: string, x: number, y: number, width: number, pt: number, bold: boolean, colour: RGB, align: TextBox['align'] = 'left'): TextBox {
  const lines = wrapText(measure, text, width, pt, bold);
  const used = align === 'left' ? Math.min(width, Math.max(0, ...lines.map((l) => measure(l, pt, bold)))) : width;
  return { x, y, width: used, height: lines.length * lineHeight(pt), lines, pt, bold, colour, align };
}

/** Lays a legend out at a width from (x, y); `k` shrinks its type. */
function legendLayout(measure: Measure, legend: MapScene['legend'], x: number, y: number, width: number, s: number, columns: number, locale: 'vi' | 'en'): LegendLayout {
  const itemPt = 8.5 * s;
  const swatchW = 5.2 * s, swatchH = 3.4 * s;
  const gap = 1.8 * s, colGap = 5 * s, rowGap = 1.1 * s;
  const title = legend.title ? textBox(measure, legend.title, x, y, width, 9.5 * s, true, textColours.text) : null;
  const top = y + (title ? title.height + 1.6 * s : 0);
  const colW = (width - colGap * (columns - 1)) / columns;
  const counts = legend.entries.map((e) => (e.count === undefined ? '' : e.count.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')));
  const countW = Math.max(0, ...counts.map((c) => (c ? measure(c, 8 * s, false) : 0)));
  const perColumn = Math.ceil(legend.entries.length / columns);
  const rows: LegendRow[] = [];
  let bottom = top;
  for (let c = 0; c < columns; c++) {
    let ry = top;
    const cx = x + c * (colW + colGap);
    for (const [i, entry] of legend.entries.entries()) {
      if (Math.floor(i / perColumn) !== c) continue;
      const labelX = cx + swatchW + gap;
      const labelW = Math.max(8 * s, colW - swatchW - gap - (countW ? countW + gap : 0));
      const label = textBox(measure, entry.label, labelX, ry, labelW, itemPt, false, textColours.text);
      const h = Math.max(swatchH, label.height);
      const count = counts[i] ? { ...textBox(measure, counts[i], cx + colW - countW, ry, countW, 8 * s, false, textColours.muted, 'right') } : null;
      rows.push({ entry, swatch: { x: cx, y: ry + (lineHeight(itemPt) - swatchH) / 2, width: swatchW, height: swatchH }, label, count });
      ry += h + rowGap;
    }
    bottom = Math.max(bottom, ry - rowGap);
  }
  return { x, y, width, height: bottom - y, title, rows };
}

/** The longest round length (1, 2 or 5 × 10ⁿ metres) not longer than maxMetres. */
export function roundLength(maxMetres: number): number {
  if (!(maxMetres >= 1)) return 1;
  const e = 10 ** Math.floor(Math.log10(maxMetres));
  return [5, 2, 1].map((m) => m * e).find((l) => l <= maxMetres * (1 + 1e-9)) ?? e;
}

function formatDistance(metres: number, locale: 'vi' | 'en'): string {
  const km = metres >= 1000;
  const v = km ? metres / 1000 : metres;
  return `${v.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}${km ? ' km' : ' m'}`;
}

function scaleBarLayout(measure: Measure, p: FrameProjection, maxMm: number, s: number, locale: 'vi' | 'en'): ScaleBarLayout {
  const metres = roundLength(maxMm * p.metresPerMm);
  const lengthMm = metres / p.metresPerMm;
  const leading = Math.round(metres / 10 ** Math.floor(Math.log10(metres)));
  const segments = leading === 5 ? 5 : 4;
  const pt = 7 * s;
  const pad = 1.6 * s;
  const end = formatDistance(metres, locale);
  const endW = measure(end, pt, false);
  const labelH = lineHeight(pt);
  const width = pad + measure('0', pt, false) / 2 + lengthMm + endW / 2 + pad;
  const height = pad + labelH + 0.6 * s + 1.6 * s + pad;
  const box = { x: 0, y: 0, width, height };
  const barX = pad + measure('0', pt, false) / 2;
  const bar = { x: barX, y: pad + labelH + 0.6 * s, width: lengthMm, height: 1.6 * s };
  const labels = [
    { text: '0', x: barX, y: pad, pt },
    ...(segments % 2 === 0 ? [{ text: formatDistance(metres / 2, locale).replace(/ k?m$/, ''), x: barX + lengthMm / 2, y: pad, pt }] : []),
    { text: end, x: barX + lengthMm, y: pad, pt },
  ];
  return { ...box, bar, metres, segments, labels };
}

function northArrowLayout(measure: Measure, letter: string, s: number): NorthArrowLayout {
  const pad = 1.6 * s;
  const pt = 9 * s;
  const arrowH = 7 * s, arrowW = 4 * s;
  const lw = Math.max(arrowW, measure(letter, pt, true));
  const width = lw + 2 * pad;
  const lh = lineHeight(pt);
  return {
    x: 0,
    y: 0,
    width,
    height: pad + lh + arrowH + pad,
    letter: { x: pad, y: pad, width: lw, height: lh, lines: [letter], pt, bold: true, colour: textColours.text, align: 'center' },
    arrow: { x: pad + (lw - arrowW) / 2, y: pad + lh, width: arrowW, height: arrowH },
  };
}

const move = <T extends Box>(b: T, dx: number, dy: number): T => ({ ...b, x: b.x + dx, y: b.y + dy });

function moveScaleBar(b: ScaleBarLayout, x: number, y: number): ScaleBarLayout {
  const dx = x - b.x, dy = y - b.y;
  return { ...b, x, y, bar: move(b.bar, dx, dy), labels: b.labels.map((l) => ({ ...l, x: l.x + dx, y: l.y + dy })) };
}

function moveNorthArrow(b: NorthArrowLayout, x: number, y: number): NorthArrowLayout {
  const dx = x - b.x, dy = y - b.y;
  return { ...b, x, y, letter: move(b.letter, dx, dy), arrow: move(b.arrow, dx, dy) };
}

type Corner = 'tl' | 'tr' | 'bl' | 'br';
function cornerBox(frame: Box, w: number, h: number, corner: Corner, inset: number): Box {
  const x = corner[1] === 'l' ? frame.x + inset : frame.x + frame.width - inset - w;
  const y = corner[0] === 't' ? frame.y + inset : frame.y + frame.height - inset - h;
  return { x, y, width: w, height: h };
}

/** The subject's vertices in Mercator world units (sampled to at most ~60,000). */
function subjectPoints(scene: MapScene): Float64Array {
  const g = scene.subject.geometry;
  if (!g) {
    const [w, s, e, n] = scene.subject.bounds;
    return Float64Array.from([mercX(w), mercY(n), mercX(e), mercY(n), mercX(w), mercY(s), mercX(e), mercY(s)]);
  }
  const include = scene.subject.include ?? (() => true);
  const nVertices = g.positions.length / 2;
  const step = Math.max(1, Math.floor(nVertices / 60_000));
  const out: number[] = [];
  for (let p = 0; p < g.polygonFeature.length; p++) {
    if (!include(g.polygonFeature[p])) continue;
    for (let v = g.polygonStarts[p]; v < g.polygonStarts[p + 1]; v += step) out.push(mercX(g.positions[2 * v]), mercY(g.positions[2 * v + 1]));
  }
  return Float64Array.from(out);
}

function pointsIn(points: Float64Array, p: FrameProjection, box: Box): number {
  const ox = p.frame.x + p.frame.width / 2 - p.cx * p.scale;
  const oy = p.frame.y + p.frame.height / 2 - p.cy * p.scale;
  let n = 0;
  for (let i = 0; i < points.length; i += 2) {
    const x = ox + points[i] * p.scale, y = oy + points[i + 1] * p.scale;
    if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) n++;
  }
  return n;
}

/**
 * Fits the subject, then puts the north arrow and the scale bar in the corners that hold none of it; where every
 * corner would cover some, the subject is drawn a little smaller, until none is covered.
 */
function fitWithFurniture(scene: MapScene, frame: Box, arrow: NorthArrowLayout, bar: (p: FrameProjection) => ScaleBarLayout, s: number) {
  const points = subjectPoints(scene);
  const inset = 2 * s;
  const pad = Math.max(2.5 * s, Math.min(frame.width, frame.height) * (scene.subject.padding ?? 0.035));
  let best: { p: FrameProjection; arrow: Box; bar: ScaleBarLayout; covered: number } | null = null;
  for (let shrink = 1; shrink >= 0.62; shrink -= 0.06) {
    const inner = insetBox(frame, pad + (Math.min(frame.width, frame.height) * (1 - shrink)) / 2);
    const p = fitBounds(scene.subject.bounds, frame, inner);
    const b = bar(p);
    const arrowCorner = (['tr', 'tl', 'br', 'bl'] as Corner[])
      .map((c) => ({ c, box: cornerBox(frame, arrow.width, arrow.height, c, inset) }))
      .map((o) => ({ ...o, n: pointsIn(points, p, o.box) }))
      .reduce((a, o) => (o.n < a.n ? o : a));
    const barCorner = (['bl', 'br', 'tl', 'tr'] as Corner[])
      .filter((c) => c !== arrowCorner.c)
      .map((c) => ({ c, box: cornerBox(frame, b.width, b.height, c, inset) }))
      .map((o) => ({ ...o, n: pointsIn(points, p, o.box) }))
      .reduce((a, o) => (o.n < a.n ? o : a));
    const covered = arrowCorner.n + barCorner.n;
    if (!best || covered < best.covered) best = { p, arrow: arrowCorner.box, bar: moveScaleBar(b, barCorner.box.x, barCorner.box.y), covered };
    if (covered === 0) break;
  }
  return best!;
}

export interface ComposeInput {
  scene: MapScene;
  texts: MapTexts;
  preset: Preset;
  measure: Measure;
  /**
   * 'page': the whole page's furniture; 'map': the map, legend, scale bar and north arrow only, for a page that
   * carries the title, source, dates, vintage and illustrative notice itself (the sponsor report).
   */
  parts?: 'page' | 'map';
  /** Where the preset's top-left corner lies on the page (a map band inside a report page); default 0, 0. */
  at?: { x: number; y: number };
}

const none = (x: number, y: number, pt: number): TextBox => ({ x, y, width: 0, height: 0, lines: [], pt, bold: false, colour: textColours.muted, align: 'left' });

/** The layout of one exported map. */
export function composeLayout({ scene, texts, preset, measure, parts = 'page', at = { x: 0, y: 0 } }: ComposeInput): ComposedLayout {
  const s = preset.typeScale;
  const m = preset.margin;
  const page = { width: preset.width, height: preset.height };
  const inner = { x: at.x + m, y: at.y + m, width: page.width - 2 * m, height: page.height - 2 * m };
  const gap = 3 * s;

  const page_ = parts === 'page';
  // header: title and subtitle at the left, the illustrative mark at the right
  const markPt = 9 * s;
  const markPad = 1.8 * s;
  const markW = page_ && texts.illustrative ? measure(texts.illustrative, markPt, true) + 2 * markPad : 0;
  const titleW = inner.width - (markW ? markW + gap : 0);
  const title = page_ ? textBox(measure, texts.title, inner.x, inner.y, titleW, 16 * s, true, textColours.text) : none(inner.x, inner.y, 16 * s);
  const subtitle = page_ && texts.subtitle ? textBox(measure, texts.subtitle, inner.x, title.y + title.height + 0.6 * s, titleW, 10 * s, false, textColours.muted) : null;
  const illustrative: TextBox | null = markW
    ? { x: inner.x + inner.width - markW, y: inner.y, width: markW, height: lineHeight(markPt) + 2 * markPad, lines: [texts.illustrative!], pt: markPt, bold: true, colour: textColours.mark, align: 'center' }
    : null;
  const headerBottom = page_ ? Math.max(subtitle ? subtitle.y + subtitle.height : title.y + title.height, illustrative ? illustrative.y + illustrative.height : 0) + gap : inner.y;

  // footer: the source (wrapped), then data date, vintage and export date on one line where they fit
  const footPt = 7.5 * s;
  const footH = lineHeight(footPt);
  const items = [texts.dataDate, texts.vintage, texts.exported];
  const widths = items.map((t) => measure(t, footPt, false));
  const sep = 4 * s;
  const oneRow = widths.reduce((a, b) => a + b, 0) + 2 * sep <= inner.width;
  const datesH = oneRow ? footH : 3 * footH;
  const sourceLines = page_ ? wrapText(measure, texts.source, inner.width, footPt, false) : [];
  const footerTop = page_ ? inner.y + inner.height - datesH - sourceLines.length * footH : inner.y + inner.height;
  const source: TextBox = { x: inner.x, y: footerTop, width: inner.width, height: sourceLines.length * footH, lines: sourceLines, pt: footPt, bold: false, colour: textColours.muted, align: 'left' };
  const dateY = footerTop + source.height;
  const dated = (i: number, x: number, y: number, align: TextBox['align'] = 'left'): TextBox =>
    page_ ? { x, y, width: widths[i], height: footH, lines: [items[i]], pt: footPt, bold: false, colour: textColours.muted, align } : none(x, y, footPt);
  const dataDate = dated(0, inner.x, dateY);
  const vintage = oneRow ? dated(1, inner.x + widths[0] + sep, dateY) : dated(1, inner.x, dateY + footH);
  const exported = oneRow ? dated(2, inner.x + inner.width - widths[2], dateY, 'right') : dated(2, inner.x, dateY + 2 * footH);

  // body: the map frame and the legend beside or under it
  const bodyTop = headerBottom;
  const bodyBottom = page_ ? footerTop - gap * 0.8 : footerTop;
  const bodyH = bodyBottom - bodyTop;
  let legend: LegendLayout;
  let frame: Box;
  if (preset.legend === 'right') {
    const legendW = Math.min(Math.max(42 * s, inner.width * 0.2), inner.width * 0.32);
    const x = inner.x + inner.width - legendW;
    legend = legendLayout(measure, scene.legend, x, bodyTop, legendW, s, 1, texts.locale);
    for (let k = 0.92; legend.height > bodyH && k > 0.55; k -= 0.08) legend = legendLayout(measure, scene.legend, x, bodyTop, legendW, s * k, 1, texts.locale);
    if (legend.height > bodyH) legend = legendLayout(measure, scene.legend, x, bodyTop, legendW, s * 0.6, 2, texts.locale);
    frame = { x: inner.x, y: bodyTop, width: inner.width - legendW - gap, height: bodyH };
  } else {
    const columns = Math.max(1, Math.min(3, Math.floor(inner.width / (60 * s))));
    const probe = legendLayout(measure, scene.legend, inner.x, 0, inner.width, s, columns, texts.locale);
    const legendTop = bodyBottom - probe.height;
    legend = legendLayout(measure, scene.legend, inner.x, legendTop, inner.width, s, columns, texts.locale);
    frame = { x: inner.x, y: bodyTop, width: inner.width, height: legendTop - gap - bodyTop };
  }

  const arrow = northArrowLayout(measure, texts.north, s);
  const fitted = fitWithFurniture(scene, frame, arrow, (p) => scaleBarLayout(measure, p, Math.min(30 * s, frame.width * 0.25), s, texts.locale), s);
  const northArrow = moveNorthArrow(arrow, fitted.arrow.x, fitted.arrow.y);
  const scaleBar = fitted.bar;

  const labels = placeLabels({
    labels: scene.labels,
    projection: fitted.p,
    frame,
    avoid: [northArrow, scaleBar],
    measure,
    typeScale: s,
  });

  return { preset, page, typeScale: s, frame, projection: fitted.p, title, subtitle, illustrative, legend, scaleBar, northArrow, source, dataDate, vintage, exported, labels };
}

