import type { TFunction } from 'i18next';
import type { Atlas } from '../app/atlas';
import { exportSponsorReportPdf } from './sponsor-report';
import { loadPdfFonts } from './pdf-fonts';
import { blobToDataUrl } from './png-export';
import { downloadBytes, exportFilename } from './download';
import { progressSummary, type SponsorCommune, type SponsorInfo } from '../ui/sponsor/sponsor-data';

/** Builds the one-page sponsor report from what the sponsor view shows, and downloads it. */
export async function exportSponsorReport(atlas: Atlas, sponsor: SponsorInfo, communes: SponsorCommune[], t: TFunction): Promise<Uint8Array> {
  const s = atlas.state.get();
  const [fonts, png] = await Promise.all([loadPdfFonts(), atlas.capturePng(2)]);
  const bytes = exportSponsorReportPdf({
    fonts,
    locale: s.locale,
    sponsor: { name: sponsor.sponsor_org, shortName: sponsor.sponsor_short, basis: sponsor.basis },
    exportDate: new Date(),
    dataYear: s.year,
    mapImage: { dataUrl: await blobToDataUrl(png.blob), widthPx: png.width, heightPx: png.height, metresPerPixel: png.metresPerPixel },
    communes: communes.map((c) => ({
      name: c.commune_name,
      districtName: c.district_name,
      status: c.tier ? t(`status.${c.tier}`) : t('status.no_data'),
      criteriaMet: c.criteria_met,
      criteriaTotal: 19,
      missing: c.missing.map((m) => t('criteria.numbered', { n: m.number, name: s.locale === 'vi' ? m.name_vi : m.name_en })),
      poorRate: c.poor_rate,
      poorRateChange: c.poor_rate_change,
      sinceYear: c.from_year,
    })),
    summary: progressSummary(communes),
    sources: [sponsor.basis, sponsor.source, t('map.attribution')],
    illustrative: s.illustrative,
  });
  downloadBytes(bytes, exportFilename(`bao-cao-do-dau-${sponsor.sponsor_short}`, 'pdf'), 'application/pdf');
  return bytes;
}
