// Page geometry and the blocks the PDF exports share: title, footer, illustrative-data notice, legend,
// scale bar, north arrow. All lengths are millimetres, font sizes points. A block is measured when it is
// made (its height depends on wrapping at a given width) and drawn later at any position.
import { GState, jsPDF } from 'jspdf';
import { PDF_FONT_FAMILY, registerPdfFonts, type PdfFonts } from './pdf-fonts';
import { formatDate, formatNumber, nfc, sourceLine, translator, type ExportLocale } from './wording';

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';
export type RGB = readonly [number, number, number];

const PAPER_MM: Record<Paper, readonly [number, number]> = { A4: [210, 297], A3: [297, 420] };

/** Width × height in mm of the paper in that orientation. */
export function pageSize(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const [short, long] = PAPER_MM[paper];
  return orientation === 'portrait' ? { width: short, height: long } : { width: long, height: short };
}

/** Margin on all four sides. */
export function pageMargin(paper: Paper): number {
  return paper === 'A3' ? 16 : 12;
}

/** Type scale: A3 text is larger so the page reads the same from a wall. */
export function typeScale(paper: Paper): number {
  return paper === 'A3' ? 1.3 : 1;
}

export const PT_MM = 25.4 / 72;
/** Line pitch relative to the font size: room for Vietnamese stacked marks (Ấ, Ổ) above capitals. */
export const LINE_FACTOR = 1.32;

export const colours = {
  text: [33, 37, 41] as RGB,
  muted: [95, 102, 110] as RGB,
  rule: [190, 195, 200] as RGB,
  headerFill: [37, 82, 60] as RGB,
  zebra: [240, 243, 241] as RGB,
  noticeFill: [255, 244, 214] as RGB,
  noticeBorder: [214, 158, 46] as RGB,
  white: [255, 255, 255] as RGB,
};

export function lineHeight(pt: number, factor = LINE_FACTOR): number {
  return pt * PT_MM * factor;
}

/** A new document with the Noto Sans fonts, metadata and language set. */
export function createPdf(opts: {
  fonts: PdfFonts;
  paper: Paper;
  orientation: Orientation;
  title: string;
  subject?: string;
  locale: ExportLocale;
}): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: opts.paper.toLowerCase(), orientation: opts.orientation, compress: true });
  registerPdfFonts(doc, opts.fonts);
  doc.setProperties({ title: nfc(opts.title), subject: nfc(opts.subject ?? ''), creator: translator(opts.locale)('app.title'), author: translator(opts.locale)('app.title') });
  doc.setLanguage(opts.locale === 'vi' ? 'vi' : 'en-GB');
  doc.setLineHeightFactor(LINE_FACTOR);
  return doc;
}

export interface TextStyle {
  pt: number;
  bold?: boolean;
  colour?: RGB;
}

export function setTextStyle(doc: jsPDF, style: TextStyle): void {
  doc.setFont(PDF_FONT_FAMILY, style.bold ? 'bold' : 'normal');
  doc.setFontSize(style.pt);
  doc.setTextColor(...(style.colour ?? colours.text));
}

/** Splits text (NFC) into lines no wider than width at that style; explicit newlines are kept. */
export function wrap(doc: jsPDF, text: string, width: number, style: TextStyle): string[] {
  setTextStyle(doc, style);
  return (doc.splitTextToSize(nfc(text), width) as string[]).map((l) => l.trimEnd());
}

export function textWidth(doc: jsPDF, text: string, style: TextStyle): number {
  setTextStyle(doc, style);
  return doc.getTextWidth(nfc(text));
}

/** Draws lines whose first line box starts at top; returns the height used. */
export function drawLines(
  doc: jsPDF,
  lines: readonly string[],
  x: number,
  top: number,
  style: TextStyle,
  align: 'left' | 'right' | 'center' = 'left',
): number {
  setTextStyle(doc, style);
  const pitch = lineHeight(style.pt);
  // Baseline sits one em below the top of the line box: room above for marks, below for descenders.
  const ascent = style.pt * PT_MM * 1.0;
  lines.forEach((line, i) => doc.text(line, x, top + ascent + i * pitch, { align, baseline: 'alphabetic' }));
  return lines.length * pitch;
}

/** Something measured at a fixed width, to be drawn at (x, top). */
export interface Block {
  width: number;
  height: number;
  draw(x: number, top: number): void;
}

/** A paragraph wrapped to width. */
export function textBlock(doc: jsPDF, text: string, width: number, style: TextStyle, align: 'left' | 'center' = 'left'): Block {
  const lines = wrap(doc, text, width, style);
  return {
    width,
    height: lines.length * lineHeight(style.pt),
    draw: (x, top) => drawLines(doc, lines, align === 'center' ? x + width / 2 : x, top, style, align),
  };
}

/** Stacks blocks with gaps between them. */
export function stack(blocks: readonly (Block | null)[], gap: number): Block {
  const present = blocks.filter((b): b is Block => b !== null && b.height > 0);
  const height = present.reduce((h, b) => h + b.height, 0) + gap * Math.max(0, present.length - 1);
  return {
    width: Math.max(0, ...present.map((b) => b.width)),
    height,
    draw: (x, top) => {
      let y = top;
      for (const b of present) {
        b.draw(x, y);
        y += b.height + gap;
      }
    },
  };
}

/** Title in bold with an optional subtitle under it. */
export function titleBlock(doc: jsPDF, opts: { title: string; subtitle?: string; width: number; scale?: number }): Block {
  const s = opts.scale ?? 1;
  return stack(
    [
      textBlock(doc, opts.title, opts.width, { pt: 17 * s, bold: true }),
      opts.subtitle ? textBlock(doc, opts.subtitle, opts.width, { pt: 10.5 * s, colour: colours.muted }) : null,
    ],
    1.2 * s,
  );
}

/** The amber box that says the commune figures are illustrative (`prefix`: the mark it explains, "* "). */
export function noticeBlock(doc: jsPDF, locale: ExportLocale, width: number, scale = 1, prefix = ''): Block {
  const pad = 2.2 * scale;
  const barW = 1.4 * scale;
  const style: TextStyle = { pt: 8.5 * scale, bold: true, colour: [110, 72, 0] };
  const text = textBlock(doc, prefix + translator(locale)('export.doc.illustrativeNotice'), width - 2 * pad - barW, style);
  return {
    width,
    height: text.height + 2 * pad,
    draw: (x, top) => {
      doc.setDrawColor(...colours.noticeBorder);
      doc.setFillColor(...colours.noticeFill);
      doc.setLineWidth(0.3);
      doc.rect(x, top, width, text.height + 2 * pad, 'FD');
      doc.setFillColor(...colours.noticeBorder);
      doc.rect(x, top, barW, text.height + 2 * pad, 'F');
      text.draw(x + barW + pad, top + pad);
    },
  };
}

export interface FooterInfo {
  /** Omitted when the page lists its sources elsewhere (the sponsor report). */
  source?: string;
  dataDate?: string;
  exportDate: Date;
  locale: ExportLocale;
}

/**
 * Footer: a rule, the source (wrapped), then "data as of · exported" on the left and "NTM Atlas · page" on
 * the right. The page numbers are filled in by drawFooters once the page count is known.
 */
export function footerBlock(doc: jsPDF, info: FooterInfo, width: number, scale = 1): Block & { drawPage(x: number, top: number, page: number, pages: number): void } {
  const t = translator(info.locale);
  const style: TextStyle = { pt: 7.5 * scale, colour: colours.muted };
  const source = info.source ? wrap(doc, sourceLine(info.source, info.locale), width, style) : [];
  const parts = [info.dataDate ? `${t('export.doc.dataDate')}: ${info.dataDate}` : null, `${t('export.doc.exportDate')}: ${formatDate(info.exportDate, info.locale)}`];
  const dates = nfc(parts.filter(Boolean).join(' · '));
  const pitch = lineHeight(style.pt);
  const ruleGap = 1.5 * scale;
  const height = ruleGap + (source.length + 1) * pitch;
  const drawPage = (x: number, top: number, page: number, pages: number) => {
    doc.setDrawColor(...colours.rule);
    doc.setLineWidth(0.25);
    doc.line(x, top, x + width, top);
    const y = top + ruleGap;
    drawLines(doc, source, x, y, style);
    drawLines(doc, [dates], x, y + source.length * pitch, style);
    const right = pages > 1 ? `${t('app.title')} · ${t('export.doc.page', { page, pages })}` : t('app.title');
    drawLines(doc, [right], x + width, y + source.length * pitch, style, 'right');
  };
  return { width, height, draw: (x, top) => drawPage(x, top, 1, 1), drawPage };
}

export interface LegendItem {
  colour: RGB | readonly number[];
  label: string;
  count?: number;
}

export interface LegendSpec {
  title: string;
  items: readonly LegendItem[];
}

/**
 * Legend: bold title, then a swatch, the label (wrapped) and the count right-aligned, in as many columns as
 * fit (minColumnWidth each), filled top to bottom.
 */
export function legendBlock(
  doc: jsPDF,
  legend: LegendSpec,
  opts: { width: number; locale: ExportLocale; scale?: number; minColumnWidth?: number },
): Block {
  const s = opts.scale ?? 1;
  const itemStyle: TextStyle = { pt: 8.5 * s };
  const countStyle: TextStyle = { pt: 8 * s, colour: colours.muted };
  const swatch = 3.6 * s;
  const gapX = 2 * s;
  const colGap = 6 * s;
  const rowGap = 1.1 * s;
  const columns = Math.max(1, Math.min(legend.items.length, Math.floor((opts.width + colGap) / ((opts.minColumnWidth ?? opts.width) + colGap))));
  const colWidth = (opts.width - colGap * (columns - 1)) / columns;
  const counts = legend.items.map((i) => (i.count === undefined ? '' : formatNumber(i.count, opts.locale)));
  const countWidth = Math.max(0, ...counts.map((c) => (c ? textWidth(doc, c, countStyle) : 0)));
  const labelWidth = colWidth - swatch - gapX - (countWidth > 0 ? countWidth + gapX : 0);
  const rows = legend.items.map((item, i) => {
    const lines = wrap(doc, item.label, Math.max(10, labelWidth), itemStyle);
    return { item, count: counts[i], lines, height: Math.max(swatch, lines.length * lineHeight(itemStyle.pt)) };
  });
  const perColumn = Math.ceil(rows.length / columns);
  const cols = Array.from({ length: columns }, (_, c) => rows.slice(c * perColumn, (c + 1) * perColumn));
  const colHeights = cols.map((col) => col.reduce((h, r) => h + r.height + rowGap, 0) - (col.length ? rowGap : 0));
  const title = legend.title ? textBlock(doc, legend.title, opts.width, { pt: 9.5 * s, bold: true }) : null;
  const titleGap = title ? 1.8 * s : 0;
  const height = (title?.height ?? 0) + titleGap + Math.max(0, ...colHeights);
  return {
    width: opts.width,
    height,
    draw: (x, top) => {
      title?.draw(x, top);
      const y0 = top + (title?.height ?? 0) + titleGap;
      cols.forEach((col, c) => {
        const cx = x + c * (colWidth + colGap);
        let y = y0;
        for (const r of col) {
          const [red, green, blue] = r.item.colour;
          const textH = lineHeight(itemStyle.pt);
          const sy = y + (textH - swatch) / 2;
          doc.setFillColor(red, green, blue);
          doc.setDrawColor(120, 120, 120);
          doc.setLineWidth(0.15);
          doc.rect(cx, Math.max(y, sy), swatch, swatch, 'FD');
          drawLines(doc, r.lines, cx + swatch + gapX, y, itemStyle);
          if (r.count) drawLines(doc, [r.count], cx + colWidth, y, countStyle, 'right');
          y += r.height + rowGap;
        }
      });
    },
  };
}

/** The longest round length (1, 2 or 5 × 10ⁿ metres, 1 m and up) not longer than maxMetres. */
export function roundScaleLength(maxMetres: number): number {
  if (!(maxMetres >= 1)) return 1;
  const exp = Math.floor(Math.log10(maxMetres));
  let best = 1;
  for (let e = Math.max(0, exp - 1); e <= exp; e++) {
    for (const m of [1, 2, 5]) {
      const len = m * 10 ** e;
      if (len <= maxMetres * (1 + 1e-9) && len > best) best = len;
    }
  }
  return best;
}

function formatDistance(metres: number, unitKm: boolean, locale: ExportLocale): string {
  const value = unitKm ? metres / 1000 : metres;
  const digits = Number.isInteger(value) ? 0 : value * 10 === Math.round(value * 10) ? 1 : 2;
  return formatNumber(value, locale, digits);
}

/**
 * Scale bar for a map image: metresPerPixel of the image, its width in pixels and as printed (mm). Picks a
 * round length no longer than maxLengthMm and draws alternating black and white segments with labels at
 * 0, the middle and the end ("10 km").
 */
export function scaleBarBlock(
  doc: jsPDF,
  opts: { metresPerPixel: number; imageWidthPx: number; imageWidthMm: number; maxLengthMm: number; locale: ExportLocale; scale?: number },
): Block & { metres: number; barMm: number } {
  const s = opts.scale ?? 1;
  const metresPerMm = (opts.metresPerPixel * opts.imageWidthPx) / opts.imageWidthMm;
  const metres = roundScaleLength(opts.maxLengthMm * metresPerMm);
  const barMm = metres / metresPerMm;
  const unitKm = metres >= 1000;
  const leading = Math.round(metres / 10 ** Math.floor(Math.log10(metres)));
  const segments = leading === 5 ? 5 : 4;
  const style: TextStyle = { pt: 7 * s, colour: colours.text };
  const labelH = lineHeight(style.pt);
  const barH = 1.6 * s;
  const endLabel = `${formatDistance(metres, unitKm, opts.locale)} ${unitKm ? 'km' : 'm'}`;
  const endLabelW = textWidth(doc, endLabel, style);
  const width = barMm + endLabelW / 2 + 1.5 * s;
  return {
    metres,
    barMm,
    width,
    height: labelH + 0.6 * s + barH,
    draw: (x, top) => {
      const barTop = top + labelH + 0.6 * s;
      doc.setLineWidth(0.2);
      doc.setDrawColor(0, 0, 0);
      for (let i = 0; i < segments; i++) {
        const c = i % 2 === 0 ? 30 : 255;
        doc.setFillColor(c, c, c);
        doc.rect(x + (barMm * i) / segments, barTop, barMm / segments, barH, 'FD');
      }
      drawLines(doc, ['0'], x, top, style, 'center');
      if (segments % 2 === 0) drawLines(doc, [formatDistance(metres / 2, unitKm, opts.locale)], x + barMm / 2, top, style, 'center');
      drawLines(doc, [endLabel], x + barMm, top, style, 'center');
    },
  };
}

/** North arrow: a split arrowhead (dark left half, white right half) under the letter B (Bắc) or N. */
export function northArrowBlock(doc: jsPDF, opts: { size: number; locale: ExportLocale }): Block {
  const h = opts.size;
  const w = h * 0.55;
  const style: TextStyle = { pt: h * 1.05, bold: true };
  const labelH = lineHeight(style.pt, 1.05);
  return {
    width: w,
    height: labelH + h,
    draw: (x, top) => {
      drawLines(doc, [translator(opts.locale)('export.doc.north')], x + w / 2, top - style.pt * PT_MM * 0.12, style, 'center');
      const tipY = top + labelH;
      const cx = x + w / 2;
      const baseY = tipY + h;
      const notchY = tipY + h * 0.72;
      doc.setLineWidth(0.25);
      doc.setDrawColor(30, 30, 30);
      doc.setFillColor(30, 30, 30);
      doc.triangle(cx, tipY, x, baseY, cx, notchY, 'FD');
      doc.setFillColor(255, 255, 255);
      doc.triangle(cx, tipY, x + w, baseY, cx, notchY, 'FD');
    },
  };
}

/** A white, slightly transparent panel behind overlays on the map image. */
export function drawPanel(doc: jsPDF, x: number, y: number, w: number, h: number, opacity = 0.9): void {
  doc.saveGraphicsState();
  doc.setGState(new GState({ opacity }));
  doc.setFillColor(255, 255, 255);
  doc.roundedRect(x, y, w, h, 1, 1, 'F');
  doc.restoreGraphicsState();
}

/** Fits w×h into the box, keeping the aspect ratio. */
export function fitInto(w: number, h: number, boxW: number, boxH: number): { width: number; height: number } {
  const k = Math.min(boxW / w, boxH / h);
  return { width: w * k, height: h * k };
}

/** The PDF as bytes. */
export function pdfBytes(doc: jsPDF): Uint8Array {
  return new Uint8Array(doc.output('arraybuffer'));
}
