// Export times in the app (issue 14): the sponsor report from the button to the download, and the composed A3 PDF
// of a province (vector) and of the country (commune layer as the raster fallback), and a 2x PNG.
import { launch } from './browser';
import { summary, type Summary } from './stats';
import { medP95, type Row } from './report';

export interface ExportTimes {
  sponsorReportMs: Summary;
  a3ProvincePdfMs: Summary;
  a3NationalPdfMs: Summary;
  a4Png2xMs: Summary;
  errors: string[];
}

const ready = `(async () => { await window.ntmAtlas.ready; await window.ntmAtlas.settled(); })()`;

export async function exportsSession(baseUrl: string, runs: number, log: (m: string) => void): Promise<ExportTimes> {
  const b = await launch({ width: 1440, height: 900 });
  const errors: string[] = [];
  b.page.on('pageerror', (e) => errors.push(String(e)));
  const t = { sponsor: [] as number[], a3: [] as number[], national: [] as number[], png: [] as number[] };
  try {
    await b.page.goto(new URL('#/sponsor/qt-lmhtx', baseUrl).href);
    await b.page.waitForFunction(() => (window as any).ntmAtlas !== undefined, null, { timeout: 120_000 });
    await b.page.evaluate(ready);
    for (let i = 0; i < runs; i++) {
      log(`exports: sponsor report ${i + 1}/${runs}`);
      const t0 = Date.now();
      await Promise.all([b.page.waitForEvent('download', { timeout: 120_000 }), b.page.getByTestId('sponsor-report').click()]);
      t.sponsor.push(Date.now() - t0);
    }
    await b.page.evaluate(`window.ntmAtlas.setSponsor(null)`);
    await b.page.evaluate(ready);
    for (let i = 0; i < runs; i++) {
      log(`exports: A3 PDF and 2x PNG of Quảng Trị ${i + 1}/${runs}`);
      t.a3.push(await b.page.evaluate(`window.ntmAtlas.exportMapPdf('a3-landscape').then((r) => r.ms)`));
      t.png.push(await b.page.evaluate(`window.ntmAtlas.exportMapPng('a4-landscape', 2).then((r) => r.ms)`));
    }
    await b.page.evaluate(`window.ntmAtlas.setProvince(null)`);
    await b.page.evaluate(ready);
    for (let i = 0; i < runs; i++) {
      log(`exports: A3 PDF of the country ${i + 1}/${runs}`);
      t.national.push(await b.page.evaluate(`window.ntmAtlas.exportMapPdf('a3-landscape').then((r) => r.ms)`));
    }
  } finally {
    await b.close();
  }
  return { sponsorReportMs: summary(t.sponsor), a3ProvincePdfMs: summary(t.a3), a3NationalPdfMs: summary(t.national), a4Png2xMs: summary(t.png), errors };
}

export function exportRows(e: ExportTimes | undefined): Row[] {
  if (!e) return [];
  const row = (metric: string, s: Summary, target = '', met?: boolean): Row => ({ metric, ours: medP95(s), baseline: '', ratio: '', target, met: met === undefined ? '' : met ? 'yes' : 'NO' });
  return [
    row('sponsor report PDF (qt-lmhtx), click to download ms', e.sponsorReportMs, '< 5000', e.sponsorReportMs.median < 5000),
    row('A3 landscape PDF, Quảng Trị (vector) ms', e.a3ProvincePdfMs),
    row('A3 landscape PDF, national (communes as raster) ms', e.a3NationalPdfMs),
    row('A4 landscape PNG 2x, Quảng Trị ms', e.a4Png2xMs),
  ];
}
