// A composed layout as a vector PDF: polygons and outlines as PDF paths, every word (labels included) as text in
// the embedded Noto Sans, so a print is sharp at any size and its names can be searched and copied. Above
// VECTOR_POLYGON_LIMIT polygons in one layer (the national commune map) the layers up to that one are drawn as
// one image at RASTER_DPI instead; the outlines above them and every label stay vector.
// jsPDF is loaded with the first PDF (newPdf), not with the app: ~400 KB less to parse before the first map.
import type { jsPDF, GState } from 'jspdf';
import { PT_MM, markColours, type ComposedLayout, type Measure, type TextBox } from './composer';
import type { PlacedLabel } from './label-placement';
import { polygonCount, type MapScene, type MapTexts, type PolygonLayer, type RGB } from './map-scene';
import { PDF_FONT_FAMILY, registerPdfFonts, type PdfFonts } from './pdf-fonts';
import { fillGroups, outlineRings, type Ring } from './scene-paths';
import { checkCancelled, stepTo, type TaskProgress } from './task';

/** More polygons than this in one layer and the fills below it are one image (the PDF would grow past ~20 MB). */
export const VECTOR_POLYGON_LIMIT = 5000;
/** Resolution of the raster fallback. */
export const RASTER_DPI = 200;
/** Vertices closer than this on paper are merged: a tenth of a millimetre, below what the eye separates in print. */
const TOLERANCE_MM = 0.1;

/** Draws some of a scene's layers into an image data URL (PNG or JPEG) covering the layout's frame at pxPerMm (the browser's canvas). */
export type Rasterise = (scene: MapScene, layers: readonly PolygonLayer[], layout: ComposedLayout, pxPerMm: number) => Promise<string>;

/** A new document of the preset's size with the Noto Sans fonts, metadata and language. */
export async function newPdf(layout: Pick<ComposedLayout, 'page'>, fonts: PdfFonts, meta: { title: string; subject?: string; locale: 'vi' | 'en'; creator: string }): Promise<jsPDF> {
  const { jsPDF } = await import('jspdf');
  const { width, height } = layout.page;
  // 0.01 pt is far below a printer's dot; the default 16 digits per coordinate makes paths 3x larger and slower
  const doc = new jsPDF({ unit: 'mm', format: [Math.min(width, height), Math.max(width, height)], orientation: width > height ? 'landscape' : 'portrait', compress: true, floatPrecision: 2 });
  registerPdfFonts(doc, fonts);
  doc.setProperties({ title: meta.title.normalize('NFC'), subject: (meta.subject ?? '').normalize('NFC'), creator: meta.creator, author: meta.creator });
  doc.setLanguage(meta.locale === 'vi' ? 'vi' : 'en-GB');
  return doc;
}

/** Text widths from jsPDF's metrics of the embedded fonts. */
export function pdfMeasure(doc: jsPDF): Measure {
  return (text, pt, bold) => {
    doc.setFont(PDF_FONT_FAMILY, bold ? 'bold' : 'normal');
    doc.setFontSize(pt);
    return doc.getTextWidth(text.normalize('NFC'));
  };
}

function path(doc: jsPDF, rings: readonly Ring[]): void {
  for (const r of rings) {
    doc.moveTo(r[0], r[1]);
    for (let i = 2; i < r.length; i += 2) doc.lineTo(r[i], r[i + 1]);
    doc.close();
  }
}

function vectorLayer(doc: jsPDF, layer: PolygonLayer, layout: ComposedLayout): void {
  for (const { colour, rings } of fillGroups(layer, layout.projection, TOLERANCE_MM).values()) {
    doc.setFillColor(colour[0], colour[1], colour[2]);
    path(doc, rings);
    doc.fillEvenOdd();
  }
  if (layer.stroke) {
    const st = layer.stroke;
    doc.setDrawColor(st.colour[0], st.colour[1], st.colour[2]);
    doc.setLineWidth(st.widthPt * PT_MM * layout.typeScale);
    doc.setLineJoin('round');
    doc.setLineDashPattern(st.dash ? st.dash.map((d) => d * PT_MM * layout.typeScale) : [], 0);
    const rings = outlineRings(layer, layout.projection, TOLERANCE_MM);
    if (rings.length) {
      path(doc, rings);
      doc.stroke();
    }
    doc.setLineDashPattern([], 0);
  }
}

function text(doc: jsPDF, t: TextBox): void {
  if (!t.lines.length) return;
  doc.setFont(PDF_FONT_FAMILY, t.bold ? 'bold' : 'normal');
  doc.setFontSize(t.pt);
  doc.setTextColor(t.colour[0], t.colour[1], t.colour[2]);
  const x = t.align === 'left' ? t.x : t.align === 'right' ? t.x + t.width : t.x + t.width / 2;
  const pitch = t.height / t.lines.length;
  t.lines.forEach((line, i) => doc.text(line.normalize('NFC'), x, t.y + t.pt * PT_MM + i * pitch, { align: t.align, baseline: 'alphabetic' }));
}

function label(doc: jsPDF, l: PlacedLabel): void {
  doc.setFont(PDF_FONT_FAMILY, l.bold ? 'bold' : 'normal');
  doc.setFontSize(l.pt);
  const pitch = l.height / l.lines.length;
  const x = l.x + l.width / 2;
  l.lines.forEach((line, i) => {
    const y = l.y + l.pt * PT_MM * 0.92 + i * pitch;
    // the halo: the same words stroked wide in the background colour, under the filled words
    doc.setDrawColor(l.halo[0], l.halo[1], l.halo[2]);
    doc.setLineWidth(l.pt * PT_MM * 0.22);
    doc.setLineJoin('round');
    doc.text(line.normalize('NFC'), x, y, { align: 'center', baseline: 'alphabetic', renderingMode: 'stroke' });
    doc.setTextColor(l.colour[0], l.colour[1], l.colour[2]);
    doc.text(line.normalize('NFC'), x, y, { align: 'center', baseline: 'alphabetic', renderingMode: 'fill' });
  });
}

const rgb = (doc: jsPDF, c: RGB, what: 'fill' | 'draw') => (what === 'fill' ? doc.setFillColor(c[0], c[1], c[2]) : doc.setDrawColor(c[0], c[1], c[2]));

function panel(doc: jsPDF, b: { x: number; y: number; width: number; height: number }): void {
  doc.saveGraphicsState();
  // the document's own GState constructor: the module itself is not imported statically (newPdf)
  const DocGState = doc.GState as unknown as new (parameters: GState) => GState;
  doc.setGState(new DocGState({ opacity: 0.9 }));
  doc.setFillColor(255, 255, 255);
  doc.roundedRect(b.x, b.y, b.width, b.height, 1, 1, 'F');
  doc.restoreGraphicsState();
}

/** Legend, scale bar, north arrow, title, mark, footer. */
export function drawPdfFurniture(doc: jsPDF, layout: ComposedLayout): void {
  const s = layout.typeScale;
  const f = layout.frame;
  doc.setDrawColor(150, 150, 150);
  doc.setLineWidth(0.25);
  doc.rect(f.x, f.y, f.width, f.height, 'S');

  const sb = layout.scaleBar;
  panel(doc, sb);
  doc.setLineWidth(0.2);
  doc.setDrawColor(0, 0, 0);
  for (let i = 0; i < sb.segments; i++) {
    const c = i % 2 === 0 ? 30 : 255;
    doc.setFillColor(c, c, c);
    doc.rect(sb.bar.x + (sb.bar.width * i) / sb.segments, sb.bar.y, sb.bar.width / sb.segments, sb.bar.height, 'FD');
  }
  doc.setTextColor(33, 37, 41);
  doc.setFont(PDF_FONT_FAMILY, 'normal');
  for (const l of sb.labels) {
    doc.setFontSize(l.pt);
    doc.text(l.text, l.x, l.y + l.pt * PT_MM, { align: 'center', baseline: 'alphabetic' });
  }

  const na = layout.northArrow;
  panel(doc, na);
  text(doc, na.letter);
  const a = na.arrow;
  const cx = a.x + a.width / 2, notch = a.y + a.height * 0.72;
  doc.setLineWidth(0.25);
  doc.setDrawColor(30, 30, 30);
  doc.setFillColor(30, 30, 30);
  doc.triangle(cx, a.y, a.x, a.y + a.height, cx, notch, 'FD');
  doc.setFillColor(255, 255, 255);
  doc.triangle(cx, a.y, a.x + a.width, a.y + a.height, cx, notch, 'FD');

  const lg = layout.legend;
  if (lg.title) text(doc, lg.title);
  for (const row of lg.rows) {
    const sw = row.swatch;
    if (row.entry.mark === 'fill') {
      rgb(doc, row.entry.colour, 'fill');
      doc.setDrawColor(120, 120, 120);
      doc.setLineWidth(0.15);
      doc.rect(sw.x, sw.y, sw.width, sw.height, 'FD');
    } else {
      rgb(doc, row.entry.colour, 'draw');
      doc.setLineWidth(0.6 * s);
      doc.setLineDashPattern(row.entry.mark === 'dashed' ? [1.4 * s, 0.8 * s] : [], 0);
      doc.line(sw.x, sw.y + sw.height / 2, sw.x + sw.width, sw.y + sw.height / 2);
      doc.setLineDashPattern([], 0);
    }
    text(doc, row.label);
    if (row.count) text(doc, row.count);
  }

  text(doc, layout.title);
  if (layout.subtitle) text(doc, layout.subtitle);
  if (layout.illustrative) {
    const m = layout.illustrative;
    rgb(doc, markColours.fill, 'fill');
    rgb(doc, markColours.border, 'draw');
    doc.setLineWidth(0.4);
    doc.rect(m.x, m.y, m.width, m.height, 'FD');
    const pad = (m.height - m.pt * PT_MM * 1.3) / 2;
    text(doc, { ...m, y: m.y + pad, height: m.height - 2 * pad });
  }
  for (const t of [layout.source, layout.dataDate, layout.vintage, layout.exported]) text(doc, t);
}

export interface PdfMapResult {
  /** Layers drawn as an image (empty: all vector). */
  rasterised: string[];
}

/** The map inside its frame (clipped): sea, layers (vector, or raster up to the last layer over the limit), labels. */
export async function drawPdfMap(doc: jsPDF, scene: MapScene, layout: ComposedLayout, opts: { rasterise?: Rasterise; task?: TaskProgress } = {}): Promise<PdfMapResult> {
  const f = layout.frame;
  doc.saveGraphicsState();
  doc.rect(f.x, f.y, f.width, f.height, null);
  doc.clip();
  doc.discardPath();
  rgb(doc, scene.sea, 'fill');
  doc.rect(f.x, f.y, f.width, f.height, 'F');
  const lastBig = opts.rasterise ? scene.layers.findLastIndex((l) => polygonCount(l) > VECTOR_POLYGON_LIMIT) : -1;
  const rasterised = scene.layers.slice(0, lastBig + 1);
  if (rasterised.length) {
    await stepTo(opts.task, 'raster');
    const png = await opts.rasterise!(scene, rasterised, layout, RASTER_DPI / 25.4);
    doc.addImage(png, png.startsWith('data:image/jpeg') ? 'JPEG' : 'PNG', f.x, f.y, f.width, f.height, undefined, 'FAST');
  }
  const vector = scene.layers.slice(lastBig + 1);
  for (const [i, layer] of vector.entries()) {
    opts.task?.step?.('draw', i / vector.length);
    await checkCancelled(opts.task);
    vectorLayer(doc, layer, layout);
  }
  for (const l of layout.labels) label(doc, l);
  doc.restoreGraphicsState();
  return { rasterised: rasterised.map((l) => l.id) };
}

/** One page: the map and its furniture. */
export async function drawPdfPage(doc: jsPDF, scene: MapScene, layout: ComposedLayout, opts: { rasterise?: Rasterise; task?: TaskProgress } = {}): Promise<PdfMapResult> {
  const result = await drawPdfMap(doc, scene, layout, opts);
  drawPdfFurniture(doc, layout);
  return result;
}

export type { MapTexts };
