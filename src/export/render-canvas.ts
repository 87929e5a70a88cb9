// Draws a composed layout into a 2D canvas (PNG exports, slides, and the PDF's raster fallback). Lengths come in
// mm and are multiplied by pxPerMm here; type sizes in points.
import { PT_MM, markColours, type ComposedLayout, type Measure, type TextBox } from './composer';
import type { PlacedLabel } from './label-placement';
import type { MapScene, PolygonLayer, RGB } from './map-scene';
import { fillGroups, outlineRings, type Ring } from './scene-paths';
import type { Box } from './projection';
import { checkCancelled, type TaskProgress } from './task';

export const FONT_FAMILY = "'Noto Sans', system-ui, sans-serif";
const css = (c: RGB, a = 1) => (a === 1 ? `rgb(${c[0]}, ${c[1]}, ${c[2]})` : `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${a})`);
const font = (px: number, bold: boolean) => `${bold ? 700 : 400} ${px}px ${FONT_FAMILY}`;

/** Text widths in mm from the canvas's own font metrics. */
export function canvasMeasure(ctx: CanvasRenderingContext2D): Measure {
  const cache = new Map<string, number>();
  return (text, pt, bold) => {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = font(100, bold);
      w = ctx.measureText(text.normalize('NFC')).width / 100;
      cache.set(key, w);
    }
    return w * pt * PT_MM;
  };
}

/** Waits until Noto Sans (regular and bold, with Vietnamese marks) can be measured and drawn. */
export async function fontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  await Promise.all([document.fonts.load(font(16, false), 'Aệ'), document.fonts.load(font(16, true), 'Aệ')]);
}

function ringsPath(rings: readonly Ring[], k: number): Path2D {
  const path = new Path2D();
  for (const r of rings) {
    path.moveTo(r[0] * k, r[1] * k);
    for (let i = 2; i < r.length; i += 2) path.lineTo(r[i] * k, r[i + 1] * k);
    path.closePath();
  }
  return path;
}

/** One layer: fills grouped by colour (with a hairline of the same colour, so no seams show), then its outline. */
export function drawLayer(ctx: CanvasRenderingContext2D, layer: PolygonLayer, layout: ComposedLayout, k: number): void {
  const tol = 0.35 / k;
  for (const { colour, rings } of fillGroups(layer, layout.projection, tol).values()) {
    const path = ringsPath(rings, k);
    ctx.fillStyle = css(colour);
    ctx.fill(path, 'evenodd');
    if (!layer.stroke) {
      ctx.strokeStyle = css(colour);
      ctx.lineWidth = 0.6;
      ctx.stroke(path);
    }
  }
  if (layer.stroke) {
    const st = layer.stroke;
    ctx.strokeStyle = css(st.colour);
    ctx.lineWidth = Math.max(0.5, st.widthPt * PT_MM * layout.typeScale * k);
    ctx.lineJoin = 'round';
    ctx.setLineDash(st.dash ? st.dash.map((d) => d * PT_MM * layout.typeScale * k) : []);
    ctx.stroke(ringsPath(outlineRings(layer, layout.projection, tol), k));
    ctx.setLineDash([]);
  }
}

function drawText(ctx: CanvasRenderingContext2D, t: TextBox, k: number): void {
  if (!t.lines.length) return;
  ctx.font = font(t.pt * PT_MM * k, t.bold);
  ctx.fillStyle = css(t.colour);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = t.align;
  const x = t.align === 'left' ? t.x : t.align === 'right' ? t.x + t.width : t.x + t.width / 2;
  const pitch = t.height / t.lines.length;
  t.lines.forEach((line, i) => ctx.fillText(line, x * k, (t.y + t.pt * PT_MM + i * pitch) * k));
}

function drawLabel(ctx: CanvasRenderingContext2D, l: PlacedLabel, k: number): void {
  ctx.font = font(l.pt * PT_MM * k, l.bold);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  const pitch = l.height / l.lines.length;
  l.lines.forEach((line, i) => {
    const x = (l.x + l.width / 2) * k;
    const y = (l.y + l.pt * PT_MM * 0.92 + i * pitch) * k;
    ctx.strokeStyle = css(l.halo, 0.9);
    ctx.lineWidth = Math.max(1.5, l.pt * PT_MM * 0.28 * k);
    ctx.strokeText(line, x, y);
    ctx.fillStyle = css(l.colour);
    ctx.fillText(line, x, y);
  });
}

function panel(ctx: CanvasRenderingContext2D, b: Box, k: number): void {
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.beginPath();
  ctx.roundRect(b.x * k, b.y * k, b.width * k, b.height * k, 1 * k);
  ctx.fill();
}

/** Everything outside the map's polygons: legend, scale bar, north arrow, title, mark, footer. */
export function drawFurniture(ctx: CanvasRenderingContext2D, layout: ComposedLayout, k: number): void {
  const s = layout.typeScale;
  const f = layout.frame;
  ctx.strokeStyle = 'rgb(150, 150, 150)';
  ctx.lineWidth = Math.max(1, 0.25 * k);
  ctx.strokeRect(f.x * k, f.y * k, f.width * k, f.height * k);

  const sb = layout.scaleBar;
  panel(ctx, sb, k);
  for (let i = 0; i < sb.segments; i++) {
    ctx.fillStyle = i % 2 === 0 ? 'rgb(30, 30, 30)' : '#fff';
    ctx.fillRect((sb.bar.x + (sb.bar.width * i) / sb.segments) * k, sb.bar.y * k, (sb.bar.width / sb.segments) * k, sb.bar.height * k);
  }
  ctx.strokeStyle = '#000';
  ctx.lineWidth = Math.max(1, 0.2 * k);
  ctx.strokeRect(sb.bar.x * k, sb.bar.y * k, sb.bar.width * k, sb.bar.height * k);
  ctx.fillStyle = 'rgb(33, 37, 41)';
  ctx.textAlign = 'center';
  for (const l of sb.labels) {
    ctx.font = font(l.pt * PT_MM * k, false);
    ctx.fillText(l.text, l.x * k, (l.y + l.pt * PT_MM) * k);
  }

  const na = layout.northArrow;
  panel(ctx, na, k);
  drawText(ctx, na.letter, k);
  const a = na.arrow;
  const cx = (a.x + a.width / 2) * k, tip = a.y * k, base = (a.y + a.height) * k, notch = (a.y + a.height * 0.72) * k;
  ctx.lineWidth = Math.max(1, 0.25 * k);
  ctx.strokeStyle = 'rgb(30, 30, 30)';
  for (const [side, fill] of [[a.x * k, 'rgb(30, 30, 30)'], [(a.x + a.width) * k, '#fff']] as const) {
    ctx.beginPath();
    ctx.moveTo(cx, tip);
    ctx.lineTo(side, base);
    ctx.lineTo(cx, notch);
    ctx.closePath();
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.stroke();
  }

  const lg = layout.legend;
  if (lg.title) drawText(ctx, lg.title, k);
  for (const row of lg.rows) {
    const sw = row.swatch;
    const c = row.entry.colour;
    if (row.entry.mark === 'fill') {
      ctx.fillStyle = css(c);
      ctx.fillRect(sw.x * k, sw.y * k, sw.width * k, sw.height * k);
      ctx.strokeStyle = 'rgb(120, 120, 120)';
      ctx.lineWidth = Math.max(1, 0.15 * k);
      ctx.strokeRect(sw.x * k, sw.y * k, sw.width * k, sw.height * k);
    } else {
      ctx.strokeStyle = css(c);
      ctx.lineWidth = Math.max(1.5, 0.6 * s * k);
      ctx.setLineDash(row.entry.mark === 'dashed' ? [1.4 * s * k, 0.8 * s * k] : []);
      ctx.beginPath();
      ctx.moveTo(sw.x * k, (sw.y + sw.height / 2) * k);
      ctx.lineTo((sw.x + sw.width) * k, (sw.y + sw.height / 2) * k);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    drawText(ctx, row.label, k);
    if (row.count) drawText(ctx, row.count, k);
  }

  drawText(ctx, layout.title, k);
  if (layout.subtitle) drawText(ctx, layout.subtitle, k);
  if (layout.illustrative) {
    const m = layout.illustrative;
    ctx.fillStyle = css(markColours.fill);
    ctx.fillRect(m.x * k, m.y * k, m.width * k, m.height * k);
    ctx.strokeStyle = css(markColours.border);
    ctx.lineWidth = Math.max(1.5, 0.5 * k);
    ctx.strokeRect(m.x * k, m.y * k, m.width * k, m.height * k);
    const pad = (m.height - m.pt * PT_MM * 1.3) / 2;
    drawText(ctx, { ...m, y: m.y + pad, height: m.height - 2 * pad }, k);
  }
  for (const t of [layout.source, layout.dataDate, layout.vintage, layout.exported]) drawText(ctx, t, k);
}

/** The map inside its frame: sea, polygon layers in order, labels. Yields between layers; cancellable. */
export async function drawMap(ctx: CanvasRenderingContext2D, scene: MapScene, layout: ComposedLayout, k: number, layers: readonly PolygonLayer[] = scene.layers, task?: TaskProgress): Promise<void> {
  const f = layout.frame;
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.x * k, f.y * k, f.width * k, f.height * k);
  ctx.clip();
  ctx.fillStyle = css(scene.sea);
  ctx.fillRect(f.x * k, f.y * k, f.width * k, f.height * k);
  for (const layer of layers) {
    await checkCancelled(task);
    drawLayer(ctx, layer, layout, k);
  }
  ctx.restore();
}

/** The whole page into a canvas of layout.page × pxPerMm. */
export async function drawPage(ctx: CanvasRenderingContext2D, scene: MapScene, layout: ComposedLayout, k: number, task?: TaskProgress): Promise<void> {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, layout.page.width * k, layout.page.height * k);
  await drawMap(ctx, scene, layout, k, scene.layers, task);
  ctx.save();
  const f = layout.frame;
  ctx.beginPath();
  ctx.rect(f.x * k, f.y * k, f.width * k, f.height * k);
  ctx.clip();
  for (const l of layout.labels) drawLabel(ctx, l, k);
  ctx.restore();
  drawFurniture(ctx, layout, k);
}
