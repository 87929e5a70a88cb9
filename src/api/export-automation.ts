// window.ntmAtlas's export entries: the composed PNG and PDF of the current view (as the Slides panel makes them,
// without the download), with their layout's boxes, for the browser tests and the benchmark.
import { i18n } from '../i18n';
import type { AtlasFacade } from '../app/facade';
import { renderMapPdf, renderMapPng, type MapExportJob } from '../export/map-export';
import { presets, type PresetId } from '../export/presets';
import { mapTexts } from '../export/view-text';
import type { ComposedLayout } from '../export/composer';
import type { Box } from '../export/projection';

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** The layout's boxes, in output units (px for a PNG: mm × pxPerMm; mm for a PDF). */
function boxes(l: ComposedLayout, k: number) {
  const b = (x: Box) => ({ x: x.x * k, y: x.y * k, width: x.width * k, height: x.height * k });
  const p = l.projection;
  return {
    page: { width: l.page.width * k, height: l.page.height * k },
    frame: b(l.frame),
    title: b(l.title),
    subtitle: l.subtitle && b(l.subtitle),
    illustrative: l.illustrative && b(l.illustrative),
    legend: b(l.legend),
    legendRows: l.legend.rows.map((r) => ({ label: r.label.lines.join(' '), swatch: b(r.swatch), colour: r.entry.colour, mark: r.entry.mark })),
    scaleBar: b(l.scaleBar),
    northArrow: b(l.northArrow),
    source: b(l.source),
    dataDate: b(l.dataDate),
    vintage: b(l.vintage),
    exported: b(l.exported),
    labels: l.labels.map((x) => ({ text: x.text, kind: x.kind, ...b(x) })),
    /** lon/lat of the frame's corners, to project features into the image */
    projection: { scale: p.scale * k, cx: p.cx, cy: p.cy, frame: b(p.frame) },
  };
}

export function exportAutomation(atlas: AtlasFacade) {
  const job = async (preset: PresetId): Promise<MapExportJob> => {
    await atlas.settled();
    const scene = await atlas.exportScene();
    if (!scene) throw new Error('no map yet');
    return { scene, texts: mapTexts(atlas.state.get(), i18n.t), preset: presets[preset] };
  };
  return {
    /** The composed PNG of the current view: base64 bytes, size, the layout's boxes in pixels, time taken. */
    async exportMapPng(preset: PresetId = 'a4-landscape', scale: 1 | 2 | 4 = 1) {
      const t0 = performance.now();
      const png = await renderMapPng(await job(preset), scale);
      const ms = performance.now() - t0;
      return { base64: toBase64(new Uint8Array(await png.blob.arrayBuffer())), width: png.width, height: png.height, ms, layout: boxes(png.layout, png.pxPerMm) };
    },
    /** The composed PDF of the current view: base64 bytes, the layout's boxes in mm, the rasterised layers, time taken. */
    async exportMapPdf(preset: PresetId = 'a3-landscape') {
      const t0 = performance.now();
      const pdf = await renderMapPdf(await job(preset));
      const ms = performance.now() - t0;
      return { base64: toBase64(pdf.bytes), ms, rasterised: pdf.rasterised, layout: boxes(pdf.layout, 1) };
    },
  };
}
