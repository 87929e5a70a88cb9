// Entry: npx tsx tests/unit/export/render-sample.ts
// Writes sample PDFs to scratch/ for looking at, e.g. `pdftoppm -png -r 60 scratch/sample-map.pdf scratch/sample-map`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportMapPdf } from '../../../src/export/map-pdf';
import { exportSponsorReportPdf } from '../../../src/export/sponsor-report';
import { fakeMapImage, loadTestFonts, mapInput, scratchDir, sponsorInput } from './fixtures';

const fonts = await loadTestFonts();
mkdirSync(scratchDir, { recursive: true });

const write = (name: string, bytes: Uint8Array) => {
  writeFileSync(join(scratchDir, name), bytes);
  console.log(`scratch/${name}: ${(bytes.byteLength / 1024).toFixed(1)} KiB`);
};

// A 1600×1000 "screen" capture at 2×, as the app would hand over.
const image = fakeMapImage(1600, 1000, 75);
write('sample-map.pdf', exportMapPdf(mapInput(fonts, { mapImage: image })));
write('sample-map-a4-portrait.pdf', exportMapPdf(mapInput(fonts, { mapImage: image, paper: 'A4', orientation: 'portrait' })));
write('sample-map-a4-landscape-en.pdf', exportMapPdf(mapInput(fonts, {
  mapImage: image,
  paper: 'A4',
  orientation: 'landscape',
  locale: 'en',
  illustrative: false,
  title: 'New Rural status in 2024 — Quảng Trị',
  subtitle: 'Communes meeting the national criteria 2021–2025',
  source: 'National Coordination Office for New Rural Development; General Statistics Office (2024)',
})));
const sponsorMap = fakeMapImage(1200, 700, 40);
write('sample-sponsor.pdf', exportSponsorReportPdf(sponsorInput(fonts, 4, { mapImage: sponsorMap })));
write('sample-sponsor-12.pdf', exportSponsorReportPdf(sponsorInput(fonts, 12, { mapImage: sponsorMap })));
write('sample-sponsor-20.pdf', exportSponsorReportPdf(sponsorInput(fonts, 20, { mapImage: sponsorMap })));
