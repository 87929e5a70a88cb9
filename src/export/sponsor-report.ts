// "Báo cáo xã được đỡ đầu": one A4 portrait page per sponsoring organisation with its communes' status,
// criteria met, poverty rate and what is still missing. Up to about a dozen communes fit on one page (the
// type shrinks down to 7 pt if needed); longer lists continue on further pages with the table header repeated.
import type { jsPDF } from 'jspdf';
import type { PdfFonts } from './pdf-fonts';
import { composeLayout } from './composer';
import type { MapScene, MapTexts } from './map-scene';
import { presets } from './presets';
import { drawPdfFurniture, drawPdfMap, pdfMeasure, type Rasterise } from './render-pdf';
import type { TaskProgress } from './task';
import {
  colours,
  createPdf,
  drawLines,
  footerBlock,
  lineHeight,
  noticeBlock,
  pageMargin,
  pageSize,
  pdfBytes,
  stack,
  textBlock,
  textWidth,
  wrap,
  type Block,
  type TextStyle,
} from './pdf-layout';
import { msg } from '../i18n/message';
import type { Translate } from '../i18n/catalogue';
import { formatDate, formatNumber, formatPoints, nfc, translator, type ExportLocale } from './wording';

export interface SponsoredCommune {
  name: string;
  districtName: string;
  /** Already translated, e.g. "Đạt chuẩn NTM". */
  status: string;
  criteriaMet: number | null;
  /** Criteria in the set the commune was assessed with that year (19, or 10 under QĐ 51/2025); null if unknown. */
  criteriaTotal: number | null;
  /** Names of the criteria not yet met, as they should be printed. */
  missing: readonly string[];
  /** Share of poor households, 0–1. */
  poorRate: number | null;
  /** The poor rate rests on a split former commune's apportioned households (printed "≈"). */
  approximate?: boolean;
  /** Change in the poor-household share since sinceYear, as a fraction (−0.021 = −2.1 points). */
  poorRateChange: number | null;
  /** The change split at a change of the poverty standard, one span per standard (printed instead of poorRateChange). */
  povertySpans?: readonly PovertySpan[] | null;
  sinceYear: number;
  /** Values from illustrative rows, marked "*" in their cells: status, criteria and missing (ntm), rate, change. */
  illustrative?: { ntm: boolean; poverty: boolean; change: boolean };
}

/** A span of years of one poverty standard and the change of the poor rate over it (a fraction, as poorRateChange). */
export interface PovertySpan {
  from: number;
  to: number;
  change: number | null;
  illustrative: boolean;
}

export interface SponsorReportInput {
  fonts: PdfFonts;
  locale: ExportLocale;
  sponsor: { name: string; shortName: string; basis: string };
  exportDate: Date;
  dataYear: number;
  /** The administrative vintage of the units named. */
  vintage?: string;
  /** The sponsor's communes with their neighbours, composed like every exported map (legend, scale, north arrow). */
  map?: { scene: MapScene; texts: MapTexts; rasterise?: Rasterise };
  communes: readonly SponsoredCommune[];
  /** The district column names each row's former commune instead (the post-reform units have no districts). */
  formerColumn?: boolean;
  /** The first year of a new poverty standard within some assignment: the spans' note. */
  standardChangedIn?: number | null;
  /** `former`: on the post-reform units before any own recognition, the former communes assigned and how many were NTM. */
  summary: { communes: number; reachedSinceAssignment: number; ntmNow: number; former?: { count: number; ntm: number; year: number } | null };
  sources: readonly string[];
  illustrative: boolean;
}

/** The approximate mark as printed: Noto Sans, the PDF's font, has no ≈. */
const APPROX = '~';

/** "In total: 4 sponsored communes; 1 reached …; 3 meet the standard now." (each count with its plural). */
function summaryText(s: SponsorReportInput['summary'], t: Translate, year: number): string {
  if (s.former) return t('sponsor.summaryFormer', { year, count: s.former.count, ntm: s.former.ntm, last: s.former.year });
  return t('export.doc.summary', {
    communes: msg('export.doc.summaryCommunes', { count: s.communes }),
    reached: msg('export.doc.summaryReached', { count: s.reachedSinceAssignment }),
    now: msg('export.doc.summaryNow', { count: s.ntmNow }),
  });
}

function formatPoorRate(rate: number | null, locale: ExportLocale): string {
  return rate === null || !Number.isFinite(rate) ? translator(locale)('export.doc.notAvailable') : `${formatNumber(rate * 100, locale, 1)}%`;
}

/** Signed points as the view writes them (the catalogue's formatPoints); null where there is no change. */
function formatPointsOrNull(change: number | null, locale: ExportLocale): string | null {
  return change === null || !Number.isFinite(change) ? null : formatPoints(change, locale);
}

/** The change since the start, or one change per span of one poverty standard ("2020–2021: −1,0; 2022–2025: −4,5"), as the view shows it. */
function formatChange(c: SponsoredCommune, locale: ExportLocale): string {
  const t = translator(locale);
  const na = t('export.doc.notAvailable');
  if (c.povertySpans) return c.povertySpans.map((s) => `${s.from}–${s.to}: ${formatPointsOrNull(s.change, locale) ?? na}${mark(s.illustrative)}`).join('; ');
  const points = formatPointsOrNull(c.poorRateChange, locale);
  return points === null ? na : `${points} (${t('sponsor.since', { year: c.sinceYear })})${mark(c.illustrative?.change)}`;
}

function formatCriteria(c: SponsoredCommune, locale: ExportLocale): string {
  const met = c.criteriaMet === null ? translator(locale)('export.doc.notAvailable') : formatNumber(c.criteriaMet, locale);
  return c.criteriaTotal === null ? met : `${met}/${formatNumber(c.criteriaTotal, locale)}`;
}

/** The mark after a cell whose value comes from an illustrative row (the notice block explains it). */
const mark = (marked: boolean | undefined) => (marked ? ' *' : '');

interface Column {
  header: string;
  align: 'left' | 'right';
  /** a cell kept on one line (a name, a figure); the others wrap at spaces */
  whole?: boolean;
  cell: (c: SponsoredCommune) => string;
}

function columns(locale: ExportLocale, formerColumn: boolean): Column[] {
  const t = translator(locale);
  return [
    { header: t('export.doc.col.commune'), align: 'left', whole: true, cell: (c) => c.name },
    { header: t(formerColumn ? 'export.doc.col.formerly' : 'export.doc.col.district'), align: 'left', cell: (c) => c.districtName },
    { header: t('export.doc.col.status'), align: 'left', cell: (c) => c.status + mark(c.illustrative?.ntm) },
    { header: t('export.doc.col.criteria'), align: 'right', whole: true, cell: (c) => formatCriteria(c, locale) + mark(c.illustrative?.ntm) },
    { header: t('export.doc.col.poorRate'), align: 'right', whole: true, cell: (c) => (c.approximate ? `${APPROX} ` : '') + formatPoorRate(c.poorRate, locale) + mark(c.illustrative?.poverty) },
    { header: t('export.doc.col.change'), align: 'right', cell: (c) => formatChange(c, locale) },
  ];
}

/**
 * Column widths from their content, as a browser lays out an automatic table: each column at least its longest word
 * (a whole cell's full text; half its header), the room left shared in proportion to how much wider each would be on one line. Fixed
 * shares left a post-reform row's former commune (a long text) 7-8 lines in a narrow column beside a wide one of "–".
 */
function columnWidths(doc: jsPDF, cols: readonly Column[], texts: readonly (readonly string[])[], width: number, styles: { header: TextStyle; cell: (i: number) => TextStyle; padX: number }): number[] {
  // a little over the measured width: a cell exactly as wide as its text is broken by splitTextToSize's rounding
  const width1 = (text: string, style: TextStyle) => textWidth(doc, text, style) + 0.5;
  const longestWord = (text: string, style: TextStyle) => Math.max(0, ...text.split(/\s+/).map((w) => width1(w, style)));
  const least = cols.map((col, i) =>
    // a header on at most about two lines
    2 * styles.padX + Math.max(longestWord(col.header, styles.header), width1(col.header, styles.header) / 2, ...texts[i].map((text) => (col.whole ? width1(text, styles.cell(i)) : longestWord(text, styles.cell(i))))),
  );
  const most = cols.map((_, i) => Math.max(least[i], 2 * styles.padX + Math.max(0, ...texts[i].map((text) => width1(text, styles.cell(i))))));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  // too little room even for the longest words: each in proportion to its least (a word may then break)
  if (sum(least) >= width) return least.map((w) => (w * width) / sum(least));
  // room for every cell on one line: the rest in proportion to the widths
  if (sum(most) <= width) return most.map((w) => w + ((width - sum(most)) * w) / sum(most));
  const extra = most.map((w, i) => w - least[i]);
  return least.map((w, i) => w + ((width - sum(least)) * extra[i]) / sum(extra));
}

interface TableLayout {
  header: Block;
  rows: Block[];
}

/** The table at a given body size: a shaded header row, then per commune a data row and its missing criteria. */
function tableLayout(doc: jsPDF, communes: readonly SponsoredCommune[], locale: ExportLocale, width: number, pt: number, formerColumn = false): TableLayout {
  const t = translator(locale);
  const cols = columns(locale, formerColumn);
  const padX = 1.4;
  const padY = pt * 0.12;
  const headerStyle: TextStyle = { pt: pt - 0.5, bold: true, colour: colours.white };
  const cellStyle: TextStyle = { pt };
  const nameStyle: TextStyle = { pt, bold: true };
  // each cell's text once: the widths and the rows both read it
  const texts = cols.map((col) => communes.map((c) => col.cell(c)));
  const colW = columnWidths(doc, cols, texts, width, { header: headerStyle, cell: (i) => (i === 0 ? nameStyle : cellStyle), padX });
  const colX = colW.map((_, i) => colW.slice(0, i).reduce((a, b) => a + b, 0));
  const missStyle: TextStyle = { pt: pt - 0.8, colour: colours.muted };
  const missLabelStyle: TextStyle = { pt: pt - 0.8, bold: true, colour: colours.muted };

  const headerLines = cols.map((c, i) => wrap(doc, c.header, colW[i] - 2 * padX, headerStyle));
  const headerH = Math.max(...headerLines.map((l) => l.length)) * lineHeight(headerStyle.pt) + 2 * padY + 0.6;
  const header: Block = {
    width,
    height: headerH,
    draw: (x, top) => {
      doc.setFillColor(...colours.headerFill);
      doc.rect(x, top, width, headerH, 'F');
      // Bottom-aligned, as table headings usually are when some wrap to two lines.
      const rowsH = headerH - 2 * padY - 0.6;
      cols.forEach((c, i) => {
        const tx = c.align === 'right' ? x + colX[i] + colW[i] - padX : x + colX[i] + padX;
        const h = headerLines[i].length * lineHeight(headerStyle.pt);
        drawLines(doc, headerLines[i], tx, top + padY + 0.3 + rowsH - h, headerStyle, c.align);
      });
    },
  };

  const missLabel = `${t('export.doc.missing')}:`;
  const missIndent = padX + 3;
  doc.setFont('NotoSans', 'bold');
  doc.setFontSize(missStyle.pt);
  const labelW = doc.getTextWidth(nfc(missLabel)) + 1.5;
  const rows = communes.map((c, index): Block => {
    const cells = cols.map((_, i) => wrap(doc, texts[i][index], colW[i] - 2 * padX, i === 0 ? nameStyle : cellStyle));
    const mainH = Math.max(...cells.map((l) => l.length)) * lineHeight(pt);
    const missingText =
      (c.criteriaMet === null && c.missing.length === 0 ? t('export.doc.missingUnknown') : c.missing.length === 0 ? t('export.doc.missingNone') : c.missing.join('; ')) +
      mark(c.illustrative?.ntm);
    const missLines = wrap(doc, missingText, width - missIndent - labelW - padX, missStyle);
    const missH = missLines.length * lineHeight(missStyle.pt);
    const height = padY + mainH + 0.4 + missH + padY + 0.6;
    return {
      width,
      height,
      draw: (x, top) => {
        if (index % 2 === 1) {
          doc.setFillColor(...colours.zebra);
          doc.rect(x, top, width, height, 'F');
        }
        cols.forEach((col, i) => {
          const tx = col.align === 'right' ? x + colX[i] + colW[i] - padX : x + colX[i] + padX;
          drawLines(doc, cells[i], tx, top + padY, i === 0 ? nameStyle : cellStyle, col.align);
        });
        const my = top + padY + mainH + 0.4;
        drawLines(doc, [missLabel], x + missIndent, my, missLabelStyle);
        drawLines(doc, missLines, x + missIndent + labelW, my, missStyle);
        doc.setDrawColor(...colours.rule);
        doc.setLineWidth(0.15);
        doc.line(x, top + height, x + width, top + height);
      },
    };
  });
  return { header, rows };
}

/** Builds the sponsor report and returns its bytes. */
export async function exportSponsorReportPdf(input: SponsorReportInput, task?: TaskProgress): Promise<Uint8Array> {
  const { locale } = input;
  const t = translator(locale);
  const doc = await createPdf({ fonts: input.fonts, paper: 'A4', orientation: 'portrait', title: `${t('export.doc.sponsorTitle')} — ${input.sponsor.name}`, locale });
  const page = pageSize('A4', 'portrait');
  const m = pageMargin('A4');
  const inner = page.width - 2 * m;
  const gap = 3.5;

  const heading = stack(
    [
      textBlock(doc, t('export.doc.sponsorTitle'), inner, { pt: 16, bold: true }),
      textBlock(doc, input.sponsor.name, inner, { pt: 12, bold: true, colour: colours.headerFill }),
      textBlock(
        doc,
        [input.sponsor.shortName && input.sponsor.shortName !== input.sponsor.name ? input.sponsor.shortName : null, input.sponsor.basis ? `${t('export.doc.sponsorBasis')}: ${input.sponsor.basis}` : null]
          .filter(Boolean)
          .join(' · '),
        inner,
        { pt: 8.5, colour: colours.muted },
      ),
      textBlock(
        doc,
        [`${t('export.doc.dataYear')}: ${input.dataYear}`, input.vintage, `${t('export.doc.exportDate')}: ${formatDate(input.exportDate, locale)}`].filter(Boolean).join(' · '),
        inner,
        { pt: 8.5, colour: colours.muted },
      ),
    ],
    0.8,
  );
  const continuedHeading = textBlock(doc, `${t('export.doc.sponsorTitle')} — ${input.sponsor.shortName || input.sponsor.name} ${t('export.doc.continued')}`, inner, { pt: 10, bold: true });
  const marked = input.communes.some((c) => c.illustrative && Object.values(c.illustrative).some(Boolean));
  const notice = input.illustrative ? noticeBlock(doc, locale, inner, 1, marked ? '* ' : '') : null;
  const footer = footerBlock(doc, { exportDate: input.exportDate, dataDate: String(input.dataYear), locale }, inner);
  const contentBottom = page.height - m - footer.height - gap;
  const available = contentBottom - m;

  const tail = (pt: number) =>
    stack(
      [
        textBlock(doc, summaryText(input.summary, t, input.dataYear), inner, { pt: pt + 0.5, bold: true }),
        // the view's notes under its table: changes per poverty standard, apportioned households
        input.standardChangedIn ? textBlock(doc, t('sponsor.standardChanged', { year: input.standardChangedIn }), inner, { pt: Math.max(7, pt - 1) }) : null,
        input.communes.some((c) => c.approximate) ? textBlock(doc, t('vintage.approximate').replace('≈', APPROX), inner, { pt: Math.max(7, pt - 1) }) : null,
        input.sources.length
          ? textBlock(doc, `${t('legend.source')}: ${input.sources.join('; ')}`, inner, { pt: Math.max(7, pt - 1), colour: colours.muted })
          : null,
      ],
      1.5,
    );

  // Pick the largest body size (and map height) at which everything fits on one page; else paginate at 8.5 pt.
  const mapData = input.map;
  const mapBoxAt = (maxH: number) => (mapData ? { width: inner, height: maxH } : null);
  const fixedHeight = heading.height + gap + (notice ? notice.height + gap : 0);
  let chosen: { pt: number; map: ReturnType<typeof mapBoxAt>; table: TableLayout; tail: Block } | null = null;
  for (const pt of [9, 8.5, 8, 7.5, 7]) {
    for (const mapH of mapData ? [92, 80, 68, 58] : [0]) {
      const table = tableLayout(doc, input.communes, locale, inner, pt, input.formerColumn);
      const end = tail(pt);
      const map = mapBoxAt(mapH);
      const total =
        fixedHeight + (map ? map.height + gap : 0) + table.header.height + table.rows.reduce((h, r) => h + r.height, 0) + gap + end.height;
      if (total <= available) {
        chosen = { pt, map, table, tail: end };
        break;
      }
    }
    if (chosen) break;
  }
  if (!chosen) chosen = { pt: 8.5, map: mapBoxAt(85), table: tableLayout(doc, input.communes, locale, inner, 8.5, input.formerColumn), tail: tail(8.5) };

  // Flow: page 1 has the heading, notice and map; the table continues on later pages under a short heading.
  let y = m;
  const newPage = () => {
    doc.addPage('a4', 'portrait');
    y = m;
    continuedHeading.draw(m, y);
    y += continuedHeading.height + gap;
  };
  heading.draw(m, y);
  y += heading.height + gap;
  if (notice) {
    notice.draw(m, y);
    y += notice.height + gap;
  }
  if (mapData && chosen.map) {
    const preset = { ...presets.sponsor, width: chosen.map.width, height: chosen.map.height };
    const layout = composeLayout({ scene: mapData.scene, texts: mapData.texts, preset, measure: pdfMeasure(doc), parts: 'map', at: { x: m, y } });
    await drawPdfMap(doc, mapData.scene, layout, { rasterise: mapData.rasterise, task });
    drawPdfFurniture(doc, layout);
    y += chosen.map.height + gap;
  }
  const { header, rows } = chosen.table;
  rows.forEach((row, i) => {
    const needsHeader = i === 0 || y + row.height > contentBottom;
    if (needsHeader) {
      if (y + header.height + row.height > contentBottom) newPage();
      header.draw(m, y);
      y += header.height;
    }
    row.draw(m, y);
    y += row.height;
  });
  y += gap;
  if (y + chosen.tail.height > contentBottom) newPage();
  chosen.tail.draw(m, y);

  const pages = doc.getNumberOfPages();
  for (let p = 1; p <= pages; p++) {
    doc.setPage(p);
    footer.drawPage(m, page.height - m - footer.height, p, pages);
  }
  return pdfBytes(doc);
}
