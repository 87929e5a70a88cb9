// The map exports: PNG and PDF of one composed layout (src/export/composer.ts) of a view's scene, fitted to a
// preset, whatever the screen shows. Both report their steps and can be cancelled.
import { composeLayout, type ComposedLayout } from './composer';
import { downloadBytes, exportFilename, MIME } from './download';
import type { MapScene, MapTexts } from './map-scene';
import { loadPdfFonts, type PdfFonts } from './pdf-fonts';
import { PX_PER_MM, type Preset } from './presets';
import { canvasMeasure, drawMap, drawPage, fontsReady } from './render-canvas';
import { drawPdfPage, newPdf, pdfMeasure, type Rasterise } from './render-pdf';
import { stepTo, type TaskProgress } from './task';

/** What one map export draws: the scene, the words around it, and the frame. */
export interface MapExportJob {
  scene: MapScene;
  texts: MapTexts;
  preset: Preset;
}

export interface RenderedPng {
  blob: Blob;
  width: number;
  height: number;
  /** Image pixels per layout millimetre. */
  pxPerMm: number;
  layout: ComposedLayout;
}

function canvasOf(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas for the export');
  return { canvas, ctx };
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be encoded'))), 'image/png'));
}

/** Lays the job out with a canvas's font metrics. */
export async function layoutForCanvas(job: MapExportJob): Promise<ComposedLayout> {
  await fontsReady();
  const { ctx } = canvasOf(1, 1);
  return composeLayout({ scene: job.scene, texts: job.texts, preset: job.preset, measure: canvasMeasure(ctx) });
}

/** The composed page as a PNG at 96 dpi × scale. */
export async function renderMapPng(job: MapExportJob, scale: 1 | 2 | 4, task?: TaskProgress): Promise<RenderedPng> {
  await stepTo(task, 'layout');
  const layout = await layoutForCanvas(job);
  const k = PX_PER_MM * scale;
  const { canvas, ctx } = canvasOf(Math.round(layout.page.width * k), Math.round(layout.page.height * k));
  await stepTo(task, 'draw');
  await drawPage(ctx, job.scene, layout, k, task);
  await stepTo(task, 'encode');
  const blob = await toBlob(canvas);
  return { blob, width: canvas.width, height: canvas.height, pxPerMm: k, layout };
}

/**
 * Downloads the PNG. An illustrative view is marked twice: in the image (the composer's mark) and in the file
 * name (the mark's text as a suffix, "…-du-lieu-minh-hoa-…").
 */
export async function exportMapPngFile(job: MapExportJob, scale: 1 | 2 | 4, task?: TaskProgress): Promise<RenderedPng> {
  const png = await renderMapPng(job, scale, task);
  const suffix = job.texts.illustrative ? `-${job.texts.illustrative}` : '';
  await stepTo(task, 'save');
  downloadBytes(png.blob, exportFilename(`${job.texts.title}-${job.preset.id}-${scale}x${suffix}`, 'png'), MIME.png);
  return png;
}

/** The PDF's raster fallback: the given layers drawn into an image of the frame. */
export const rasteriseOnCanvas: Rasterise = async (scene, layers, layout, pxPerMm) => {
  const f = layout.frame;
  const { canvas, ctx } = canvasOf(Math.round(f.width * pxPerMm), Math.round(f.height * pxPerMm));
  ctx.translate(-f.x * pxPerMm, -f.y * pxPerMm);
  await drawMap(ctx, scene, layout, pxPerMm, layers);
  // JPEG: jsPDF embeds it as it is (a PNG it decodes and deflates again, seconds for an A3 at 200 dpi)
  return canvas.toDataURL('image/jpeg', 0.92);
};

export interface RenderedPdf {
  bytes: Uint8Array;
  layout: ComposedLayout;
  /** Layers drawn as an image (the raster fallback); empty when the map is all vector. */
  rasterised: string[];
}

/** The composed page as a vector PDF (text and paths; the raster fallback above the polygon limit). */
export async function renderMapPdf(job: MapExportJob, task?: TaskProgress, fonts?: PdfFonts): Promise<RenderedPdf> {
  await stepTo(task, 'fonts');
  const f = fonts ?? (await loadPdfFonts());
  const doc = await newPdf({ page: { width: job.preset.width, height: job.preset.height } }, f, { title: job.texts.title, subject: job.texts.subtitle, locale: job.texts.locale, creator: 'NTM Atlas' });
  await stepTo(task, 'layout');
  const layout = composeLayout({ scene: job.scene, texts: job.texts, preset: job.preset, measure: pdfMeasure(doc) });
  await stepTo(task, 'draw');
  const { rasterised } = await drawPdfPage(doc, job.scene, layout, { rasterise: typeof document === 'undefined' ? undefined : rasteriseOnCanvas, task });
  await stepTo(task, 'encode');
  return { bytes: new Uint8Array(doc.output('arraybuffer')), layout, rasterised };
}

export async function exportMapPdfFile(job: MapExportJob, task?: TaskProgress): Promise<RenderedPdf> {
  const pdf = await renderMapPdf(job, task);
  await stepTo(task, 'save');
  downloadBytes(pdf.bytes, exportFilename(`${job.texts.title}-${job.preset.id}`, 'pdf'), MIME.pdf);
  return pdf;
}
