// PNG helpers of the exports. The screen map's own capture lives with the map (src/map/capture-png.ts).
export { captureMapPng, metresPerPixel, type MapPng } from '../map/capture-png';

/** A Blob as a data: URL (jsPDF's addImage takes PNGs this way). */
export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the image'));
    reader.readAsDataURL(blob);
  });
}
