// The map as a printable PDF: title, the captured map image with scale bar and north arrow, legend beside
// (landscape) or below (portrait) the map, the illustrative-data notice, and a footer with source and dates.
import type { PdfFonts } from './pdf-fonts';
import {
  createPdf,
  drawPanel,
  fitInto,
  footerBlock,
  legendBlock,
  noticeBlock,
  northArrowBlock,
  pageMargin,
  pageSize,
  pdfBytes,
  scaleBarBlock,
  titleBlock,
  typeScale,
  type LegendSpec,
  type Orientation,
  type Paper,
} from './pdf-layout';
import type { ExportLocale } from './wording';

export interface MapImage {
  /** data:image/png;base64,… (see blobToDataUrl in png-export.ts). */
  dataUrl: string;
  widthPx: number;
  heightPx: number;
  /** Ground metres per pixel of this image (not of the screen: divide by the capture's pixel ratio). */
  metresPerPixel: number;
}

export interface MapPdfInput {
  fonts: PdfFonts;
  mapImage: MapImage;
  title: string;
  subtitle?: string;
  legend: LegendSpec;
  source: string;
  dataDate: string;
  exportDate: Date;
  illustrative: boolean;
  paper: Paper;
  orientation: Orientation;
  locale: ExportLocale;
}

/** Draws the image with a hairline border and the scale bar / north arrow over its corners. */
export function drawMapImage(
  doc: ReturnType<typeof createPdf>,
  image: MapImage,
  box: { x: number; y: number; width: number; height: number },
  locale: ExportLocale,
  scale: number,
): void {
  doc.addImage(image.dataUrl, 'PNG', box.x, box.y, box.width, box.height, undefined, 'FAST');
  doc.setDrawColor(150, 150, 150);
  doc.setLineWidth(0.25);
  doc.rect(box.x, box.y, box.width, box.height, 'S');

  const pad = 1.8 * scale;
  const inset = 2.5 * scale;
  if (image.metresPerPixel > 0 && Number.isFinite(image.metresPerPixel)) {
    const bar = scaleBarBlock(doc, {
      metresPerPixel: image.metresPerPixel,
      imageWidthPx: image.widthPx,
      imageWidthMm: box.width,
      maxLengthMm: Math.min(40 * scale, box.width * 0.3),
      locale,
      scale,
    });
    // The "0" label is centred on the bar's start: leave half a label's room on the left.
    const left = box.x + inset;
    const top = box.y + box.height - inset - bar.height - 2 * pad;
    drawPanel(doc, left, top, bar.width + 2 * pad + 1.5 * scale, bar.height + 2 * pad);
    bar.draw(left + pad + 1.5 * scale, top + pad);
  }
  const arrow = northArrowBlock(doc, { size: Math.min(9 * scale, box.height * 0.12), locale });
  const aw = arrow.width + 2 * pad + 1.5 * scale;
  const ah = arrow.height + 2 * pad;
  const ax = box.x + box.width - inset - aw;
  const ay = box.y + inset;
  drawPanel(doc, ax, ay, aw, ah);
  arrow.draw(ax + (aw - arrow.width) / 2, ay + pad);
}

/** Builds the map PDF and returns its bytes. */
export function exportMapPdf(input: MapPdfInput): Uint8Array {
  const { paper, orientation, locale } = input;
  const doc = createPdf({ fonts: input.fonts, paper, orientation, title: input.title, subject: input.subtitle, locale });
  const page = pageSize(paper, orientation);
  const m = pageMargin(paper);
  const s = typeScale(paper);
  const inner = page.width - 2 * m;

  const title = titleBlock(doc, { title: input.title, subtitle: input.subtitle, width: inner, scale: s });
  const footer = footerBlock(doc, { source: input.source, dataDate: input.dataDate, exportDate: input.exportDate, locale }, inner, s);
  const notice = input.illustrative ? noticeBlock(doc, locale, inner, s) : null;
  const gap = 4 * s;

  const bodyTop = m + title.height + gap;
  const footerTop = page.height - m - footer.height;
  const noticeTop = notice ? footerTop - gap * 0.75 - notice.height : footerTop;
  const bodyBottom = noticeTop - gap;
  const bodyHeight = bodyBottom - bodyTop;

  const img = input.mapImage;
  if (orientation === 'landscape') {
    // Legend in a column at the right; the map takes the rest, and the pair is centred.
    const legendWidth = (paper === 'A3' ? 62 : 52) * s;
    // A long legend shrinks until it fits beside the map.
    let legend = legendBlock(doc, input.legend, { width: legendWidth, locale, scale: s });
    for (let k = 0.9; legend.height > bodyHeight && k >= 0.6; k -= 0.1) {
      legend = legendBlock(doc, input.legend, { width: legendWidth, locale, scale: s * k });
    }
    const mapBox = fitInto(img.widthPx, img.heightPx, inner - legendWidth - gap, bodyHeight);
    const groupWidth = mapBox.width + gap + legendWidth;
    const x = m + (inner - groupWidth) / 2;
    const y = bodyTop;
    drawMapImage(doc, img, { x, y, ...mapBox }, locale, s);
    legend.draw(x + mapBox.width + gap, y);
  } else {
    // Legend under the map in as many columns as fit.
    const legend = legendBlock(doc, input.legend, { width: inner, locale, scale: s, minColumnWidth: 58 * s });
    const mapBox = fitInto(img.widthPx, img.heightPx, inner, Math.max(bodyHeight * 0.4, bodyHeight - legend.height - gap));
    const y = bodyTop;
    drawMapImage(doc, img, { x: m + (inner - mapBox.width) / 2, y, ...mapBox }, locale, s);
    legend.draw(m, y + mapBox.height + gap);
  }

  title.draw(m, m);
  notice?.draw(m, noticeTop);
  footer.draw(m, footerTop);
  return pdfBytes(doc);
}
