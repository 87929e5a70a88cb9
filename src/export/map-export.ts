import { loadPdfFonts } from './pdf-fonts';
import { exportMapPdf, type MapPdfInput } from './map-pdf';
import { blobToDataUrl, type MapPng } from './png-export';
import { downloadBytes, exportFilename, MIME } from './download';
import { stampIllustrative } from './illustrative-stamp';

/** Renders the map at a scale (the app's capturePng). */
export type CaptureMap = (scale: 1 | 2 | 4) => Promise<MapPng>;

/**
 * The view being exported: its title, and whether a value it shows comes from an illustrative row (the legend's
 * answer for its indicator and year); `illustrativeLabel` is the badge text ("Dữ liệu minh họa").
 */
export interface ExportedView {
  title: string;
  illustrative: boolean;
  illustrativeLabel: string;
}

/**
 * The map as a PNG file. An illustrative view is marked twice: in the image (a stamp with the badge text) and in
 * the file name (the badge text as a suffix, "…-du-lieu-minh-hoa-…").
 */
export async function exportMapPngFile(capture: CaptureMap, scale: 1 | 2 | 4, view: ExportedView): Promise<MapPng> {
  const captured = await capture(scale);
  const png = view.illustrative ? { ...captured, blob: await stampIllustrative(captured.blob, view.illustrativeLabel, captured.pixelRatio) } : captured;
  const suffix = view.illustrative ? `-${view.illustrativeLabel}` : '';
  downloadBytes(png.blob, exportFilename(`${view.title}-${scale}x${suffix}`, 'png'), MIME.png);
  return png;
}

/** The current map as a print PDF: title, legend, scale bar, north arrow, source, data date, notice. */
export async function exportMapPdfFile(
  capture: CaptureMap,
  input: Omit<MapPdfInput, 'fonts' | 'mapImage' | 'exportDate'>,
): Promise<Uint8Array> {
  const [fonts, png] = await Promise.all([loadPdfFonts(), capture(2)]);
  const bytes = exportMapPdf({
    ...input,
    fonts,
    mapImage: { dataUrl: await blobToDataUrl(png.blob), widthPx: png.width, heightPx: png.height, metresPerPixel: png.metresPerPixel },
    exportDate: new Date(),
  });
  downloadBytes(bytes, exportFilename(input.title, 'pdf'), MIME.pdf);
  return bytes;
}
