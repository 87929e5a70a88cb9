// Entry: npx tsx tests/unit/export/render-sample.ts [outDir]
// Writes sample PDFs of real scenes (the built geometry) for looking at, e.g.
// `pdftoppm -png -r 60 scratch/map-a3-landscape.pdf scratch/map-a3-landscape`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMapPdf } from '../../../src/export/map-export';
import { presets, type PresetId } from '../../../src/export/presets';
import { exportSponsorReportPdf } from '../../../src/export/sponsor-report';
import { loadTestFonts, scratchDir, sponsorInput } from './fixtures';
import { scene, sponsors, texts } from './scene-fixture';

const out = process.argv[2] ?? scratchDir;
const fonts = await loadTestFonts();
mkdirSync(out, { recursive: true });

const write = (name: string, bytes: Uint8Array, ms: number) => {
  writeFileSync(join(out, name), bytes);
  console.log(`${name}: ${(bytes.byteLength / 1024).toFixed(0)} KiB, ${ms.toFixed(0)} ms`);
};

const qt = scene({ province: '45', flagged: ['464'] });
for (const id of ['a3-landscape', 'a3-portrait', 'a4-landscape', 'a4-portrait', 'projector'] as PresetId[]) {
  const t0 = performance.now();
  const { bytes } = await renderMapPdf({ scene: qt, texts: texts(), preset: presets[id] }, undefined, fonts);
  write(`map-${id}.pdf`, bytes, performance.now() - t0);
}
for (const [id, codes] of Object.entries(sponsors)) {
  const t0 = performance.now();
  const bytes = await exportSponsorReportPdf(sponsorInput(fonts, codes.length, { map: { scene: scene({ province: '45', sponsorCodes: codes }), texts: texts() } }));
  write(`sponsor-${id}.pdf`, bytes, performance.now() - t0);
}
