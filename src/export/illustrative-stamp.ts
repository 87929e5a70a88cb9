// The mark drawn into an exported map image whose values are illustrative: an amber box with the badge text in
// the top-left corner, so the image stays marked wherever it is pasted (the PDF carries its own notice block).

/** The stamp's colours, as the app's badge and the PDF notice: amber fill, darker border, brown text. */
export const stampColours = { fill: [255, 244, 214], border: [214, 158, 46], text: [107, 78, 0] } as const;

const css = (c: readonly number[]) => `rgb(${c.join(', ')})`;

/** Draws the stamp into a PNG (pixelRatio: image pixels per CSS pixel, to size it as on screen) and re-encodes it. */
export async function stampIllustrative(png: Blob, text: string, pixelRatio: number): Promise<Blob> {
  const image = await createImageBitmap(png);
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('The map image could not be marked as illustrative');
  ctx.drawImage(image, 0, 0);
  image.close();
  const k = Math.max(1, pixelRatio);
  const size = 15 * k;
  const pad = 7 * k;
  const margin = 10 * k;
  ctx.font = `700 ${size}px 'Noto Sans', system-ui, sans-serif`;
  const width = ctx.measureText(text).width + 2 * pad;
  const height = size + 2 * pad;
  ctx.fillStyle = css(stampColours.fill);
  ctx.fillRect(margin, margin, width, height);
  ctx.lineWidth = 2 * k;
  ctx.strokeStyle = css(stampColours.border);
  ctx.strokeRect(margin, margin, width, height);
  ctx.fillStyle = css(stampColours.text);
  ctx.textBaseline = 'middle';
  ctx.fillText(text, margin + pad, margin + height / 2);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The marked map image could not be encoded'))), 'image/png'),
  );
}
