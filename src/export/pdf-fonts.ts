// The PDF exports draw all text in Noto Sans (regular + bold), subset to Latin + Vietnamese by
// geo/fonts/build-fonts.ts. jsPDF's built-in fonts are WinAnsi only and cannot show "ệ" or "ư".
import type { jsPDF } from 'jspdf';

export const PDF_FONT_FAMILY = 'NotoSans';

/** The subset TTF bytes; the browser fetches them (loadPdfFonts), tests read the files. */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Served from our own origin; built into public/generated/fonts/ by `npx tsx geo/fonts/build-fonts.ts`. */
export const PDF_FONT_PATHS = {
  regular: 'generated/fonts/NotoSans-Regular.subset.ttf',
  bold: 'generated/fonts/NotoSans-Bold.subset.ttf',
} as const;

// jsPDF's virtual file system wants "binary strings"; converting 70 KB each export is cheap but cache anyway.
const binaryCache = new WeakMap<Uint8Array, string>();

function toBinaryString(bytes: Uint8Array): string {
  let s = binaryCache.get(bytes);
  if (s === undefined) {
    const parts: string[] = [];
    for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
    s = parts.join('');
    binaryCache.set(bytes, s);
  }
  return s;
}

/** Registers regular and bold under the family "NotoSans" and makes regular the current font. */
export function registerPdfFonts(doc: jsPDF, fonts: PdfFonts): void {
  doc.addFileToVFS('NotoSans-Regular.ttf', toBinaryString(fonts.regular));
  doc.addFont('NotoSans-Regular.ttf', PDF_FONT_FAMILY, 'normal', undefined, 'Identity-H');
  doc.addFileToVFS('NotoSans-Bold.ttf', toBinaryString(fonts.bold));
  doc.addFont('NotoSans-Bold.ttf', PDF_FONT_FAMILY, 'bold', undefined, 'Identity-H');
  doc.setFont(PDF_FONT_FAMILY, 'normal');
}

let pending: Promise<PdfFonts> | null = null;

async function fetchFont(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, document.baseURI));
  // A static server answers a missing file with index.html: treat that as missing too.
  const html = (response.headers.get('content-type') ?? '').includes('text/html');
  if (!response.ok || html) {
    throw new Error(`${path}: ${html ? 'not found' : `HTTP ${response.status}`} — run "npx tsx geo/fonts/build-fonts.ts" to build the PDF fonts`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Browser only: fetches both subset fonts once per page load (a failed fetch is retried next call). */
export function loadPdfFonts(): Promise<PdfFonts> {
  if (!pending) {
    pending = Promise.all([fetchFont(PDF_FONT_PATHS.regular), fetchFont(PDF_FONT_PATHS.bold)]).then(
      ([regular, bold]) => ({ regular, bold }),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    );
  }
  return pending;
}
