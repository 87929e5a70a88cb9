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

export interface PathBox {
  /** The painting operator: 'fill', 'eoFill', 'stroke', 'endPath' (a clip), … */
  paint: string;
  fill: [number, number, number];
  stroke: [number, number, number];
  /** Extent in PDF points, y up: [x0, y0, x1, y1]. */
  box: [number, number, number, number];
  /** The path came right after a clip operator (the map frame's clip rectangle). */
  clip: boolean;
}

const rgbOf = (v: unknown): [number, number, number] => {
  if (typeof v === 'string' && v.startsWith('#')) return [parseInt(v.slice(1, 3), 16), parseInt(v.slice(3, 5), 16), parseInt(v.slice(5, 7), 16)];
  const a = v as number[];
  return [a[0], a[1], a[2]];
};

/** Every path of a page with its colours and extent (pdfjs gives each constructPath its min/max). */
export async function pathBoxes(bytes: Uint8Array, pageNumber = 1): Promise<PathBox[]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const list = await (await doc.getPage(pageNumber)).getOperatorList();
    const names = new Map(Object.entries(OPS).map(([k, v]) => [v as number, k]));
    let fill: [number, number, number] = [0, 0, 0], stroke: [number, number, number] = [0, 0, 0];
    let clip = false;
    const out: PathBox[] = [];
    list.fnArray.forEach((f, i) => {
      const args = list.argsArray[i] as unknown[];
      if (f === OPS.setFillRGBColor) fill = rgbOf(args.length === 1 ? args[0] : args);
      else if (f === OPS.setStrokeRGBColor) stroke = rgbOf(args.length === 1 ? args[0] : args);
      else if (f === OPS.clip || f === OPS.eoClip) clip = true;
      else if (f === OPS.constructPath) {
        const mm = args[2] as ArrayLike<number>;
        out.push({ paint: names.get(args[0] as number) ?? String(args[0]), fill, stroke, box: [mm[0], mm[1], mm[2], mm[3]], clip });
        clip = false;
      }
    });
    return out;
  } finally {
    await doc.destroy();
  }
}

export const near = (a: readonly number[], b: readonly number[], tolerance = 3) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

/** The page's text runs with where each starts (PDF points, y up). */
export async function textRuns(bytes: Uint8Array, pageNumber = 1): Promise<{ str: string; x: number; y: number }[]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const content = await (await doc.getPage(pageNumber)).getTextContent();
    return content.items.flatMap((i) => ('str' in i && i.str ? [{ str: i.str.normalize('NFC'), x: i.transform[4], y: i.transform[5] }] : []));
  } finally {
    await doc.destroy();
  }
}
