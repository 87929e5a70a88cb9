// Page geometry and the blocks the report and table PDFs share: text, footer, illustrative-data notice (the map
// PDFs are laid out by the export composer, composer.ts). All lengths are millimetres, font sizes points. A block is measured when it is
// made (its height depends on wrapping at a given width) and drawn later at any position.
// jsPDF is loaded with the first PDF (createPdf), not with the app: ~400 KB less to parse before the first map.
import type { jsPDF } from 'jspdf';
import { PDF_FONT_FAMILY, registerPdfFonts, type PdfFonts } from './pdf-fonts';
import { formatDate, nfc, sourceLine, translator, type ExportLocale } from './wording';

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
export async function createPdf(opts: {
  fonts: PdfFonts;
  paper: Paper;
  orientation: Orientation;
  title: string;
  subject?: string;
  locale: ExportLocale;
}): Promise<jsPDF> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: opts.paper.toLowerCase(), orientation: opts.orientation, compress: true, floatPrecision: 2 });
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

/** The PDF as bytes. */
export function pdfBytes(doc: jsPDF): Uint8Array {
  return new Uint8Array(doc.output('arraybuffer'));
}
