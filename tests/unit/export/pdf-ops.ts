// What a PDF page draws, from pdfjs's operator list: path operations (vector), images (raster), text runs.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PageOps {
  /** constructPath operations: each is one or more path segments painted as a whole. */
  paths: number;
  /** Images painted. */
  images: number;
  /** Text shown (showText operations). */
  texts: number;
  /** The page's words (getTextContent), NFC. */
  words: string;
  /** Page size in points. */
  size: [number, number];
}

export async function pageOps(bytes: Uint8Array, pageNumber = 1): Promise<PageOps> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const list = await page.getOperatorList();
    const count = (...ops: number[]) => list.fnArray.filter((f) => ops.includes(f)).length;
    const content = await page.getTextContent();
    const [x0, y0, x1, y1] = page.view;
    return {
      paths: count(OPS.constructPath),
      images: count(OPS.paintImageXObject, OPS.paintInlineImageXObject),
      texts: count(OPS.showText),
      words: content.items.map((i) => ('str' in i ? i.str : '')).join(' ').normalize('NFC'),
      size: [x1 - x0, y1 - y0],
    };
  } finally {
    await doc.destroy();
  }
}
