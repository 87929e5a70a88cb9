// Text of a PDF as a reader would copy it (pdfjs-dist in Node), NFC-normalised.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; size: [number, number] }> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
  }
  const first = await doc.getPage(1);
  const [x0, y0, x1, y1] = first.view;
  return { pages: doc.numPages, text: text.normalize('NFC'), size: [x1 - x0, y1 - y0] };
}
