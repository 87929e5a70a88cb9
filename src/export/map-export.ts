import type { TFunction } from 'i18next';
import type { Atlas } from '../app/atlas';
import { loadPdfFonts } from './pdf-fonts';
import { exportMapPdf } from './map-pdf';
import { blobToDataUrl } from './png-export';
import { downloadBytes, exportFilename } from './download';
import type { Orientation, Paper } from './pdf-layout';
import { legendLabels, viewTitle } from '../ui/present/legend-labels';

export async function exportMapPngFile(atlas: Atlas, scale: 1 | 2 | 4, t: TFunction) {
  const png = await atlas.capturePng(scale);
  downloadBytes(png.blob, exportFilename(`${viewTitle(atlas.state.get(), t)}-${scale}x`, 'png'), 'image/png');
  return png;
}

/** The current map as a print PDF: title, legend, scale bar, north arrow, source, data date, notice. */
export async function exportMapPdfFile(atlas: Atlas, paper: Paper, orientation: Orientation, title: string, t: TFunction): Promise<Uint8Array> {
  const s = atlas.state.get();
  const [fonts, png] = await Promise.all([loadPdfFonts(), atlas.capturePng(2)]);
  const bytes = exportMapPdf({
    fonts,
    mapImage: { dataUrl: await blobToDataUrl(png.blob), widthPx: png.width, heightPx: png.height, metresPerPixel: png.metresPerPixel },
    title: title || viewTitle(s, t),
    subtitle: t('present.subtitleDefault'),
    legend: { title: t(`indicator.${s.indicator}`, { n: s.criterion }), items: legendLabels(s, t) },
    source: `${t('present.sourceData')} · ${t('map.attribution')}`,
    dataDate: t('present.dataDate', { year: s.year }),
    exportDate: new Date(),
    illustrative: s.illustrative,
    paper,
    orientation,
    locale: s.locale,
  });
  downloadBytes(bytes, exportFilename(title || viewTitle(s, t), 'pdf'), 'application/pdf');
  return bytes;
}
