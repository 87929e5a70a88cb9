// The five honesty cases of issue 11: generated (illustrative) figures stay marked wherever they are shown or
// exported, per series and per value, once a user's own real rows sit beside them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Session } from './harness';
import { api, settle, sql, startSession } from './session';
import { decodePng, pixelAt } from './pixels';
import { pdfText } from './pdf-text';

let s: Session;
beforeAll(async () => {
  s = await startSession('?province=45&year=2024&indicator=status');
});
afterAll(async () => {
  await s?.close();
});

/** Imports a CSV through the app's own path (worker, DuckDB, IndexedDB, recolour), as the data panel does. */
async function importCsv(name: string, lines: string[]) {
  const result = await s.page.evaluate(
    async ([n, text]) => (window as any).ntmAtlas.importBytes(n, new TextEncoder().encode(text), 'beside'),
    [name, lines.join('\r\n')] as const,
  );
  await settle(s);
  return result as { ok: boolean; rowsLoaded: number; error: string | null };
}

const csvField = (v: string) => `"${v.replaceAll('"', '""')}"`;
const badge = () => s.page.getByTestId('illustrative-badge');
const tab = (name: string) => s.page.getByTestId(`tab-${name}`).click();

async function view(indicator: string, year = 2024) {
  await api(s, 'setYear', year);
  await api(s, 'setIndicator', indicator);
  await settle(s);
}

async function download(testId: string) {
  const [file] = await Promise.all([s.page.waitForEvent('download', { timeout: 90_000 }), s.page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Rows of a CSV export (BOM, optional notice line, header, rows, source line) as objects keyed by the header. */
function csvRows(text: string, firstHeader: string): Record<string, string>[] {
  const parse = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        out.push(cur);
        cur = '';
      } else cur += c;
    }
    return [...out, cur];
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const h = lines.findIndex((l) => l.startsWith(firstHeader));
  const header = parse(lines[h]);
  return lines.slice(h + 1).map(parse).filter((f) => f.length === header.length).map((f) => Object.fromEntries(header.map((k, i) => [k, f[i]])));
}

/** The amber of the illustrative mark in the header of an exported PNG (markColours, src/export/composer.ts). */
const stampFill = [255, 244, 214];
const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 6);

describe('illustrative figures stay marked beside real imported ones', () => {
  test('case 3: the PNG of an illustrative view carries the mark in the image and in the file name', async () => {
    await view('status');
    await tab('slides');
    const png = await download('export-png-1');
    expect(png.name).toMatch(/minh-hoa/);
    const image = decodePng(png.bytes);
    // the mark's amber box at the right of the page's header, above the map
    let amber = 0;
    for (let y = 0; y < 80; y++) for (let x = image.width - 240; x < image.width; x++) if (near(pixelAt(image, x, y), stampFill)) amber++;
    expect(amber).toBeGreaterThan(1000);
  });

  test('case 1: real NTM status for every Xã of Quảng Trị in 2024 clears the NTM badge only; poverty stays marked', async () => {
    const xa = await sql<{ commune_code: string; commune_name: string }>(
      s,
      "SELECT commune_code, commune_name FROM unit_commune WHERE province_code = '45' AND commune_type = 'Xã' ORDER BY commune_code",
    );
    const result = await importCsv('qt_ntm_2024.csv', ['Mã xã,Tên xã,Năm,Số tiêu chí đạt', ...xa.map((r) => `${r.commune_code},${csvField(r.commune_name)},2024,15`)]);
    expect(result).toMatchObject({ ok: true, rowsLoaded: xa.length });
    const left = await sql<{ n: number }>(
      s,
      "SELECT count(*)::INTEGER AS n FROM commune_year y JOIN unit_commune u USING (commune_code) WHERE u.province_code = '45' AND y.year = 2024 AND y.provenance <> 'imported'",
    );
    expect(left[0].n).toBe(0);

    await tab('legend');
    await view('status');
    expect(await badge().count()).toBe(0); // every NTM value of 2024 shown is real
    await view('poor_rate');
    await expect.poll(() => badge().count()).toBe(1); // the poverty map is still generated
    expect(await s.page.getByTestId('legend').textContent()).toContain('minh họa');

    // planner: the poverty columns are marked, the NTM columns of the year are not
    await tab('districts');
    const header = (label: RegExp) =>
      s.page.locator('[data-testid="district-table"] thead th', { has: s.page.locator('button', { hasText: label }) }).first();
    await expect.poll(() => header(/^Hộ nghèo$/).textContent()).toContain('*');
    expect(await header(/^% NTM$/).textContent()).not.toContain('*');

    // the PDF of the poverty map carries the notice
    await tab('slides');
    const pdf = await pdfText(new Uint8Array((await download('export-pdf')).bytes));
    expect(pdf.text).toContain('minh họa');
  });

  test('case 4: the tooltip and the profile mark each value by its own row', async () => {
    await tab('legend');
    await view('poor_rate');
    const p = await api<{ x: number; y: number }>(s, 'screenPointOf', '19474');
    const box = (await s.page.getByTestId('map').boundingBox())!;
    await s.page.mouse.move(box.x + p.x, box.y + p.y);
    const tooltip = s.page.getByTestId('tooltip');
    await expect.poll(() => tooltip.textContent(), { timeout: 10_000 }).toContain('Xã Hướng Lộc');
    expect(await tooltip.getByTestId('indicator-value').textContent()).toContain('minh họa'); // generated poverty row
    const criteriaLine = tooltip.locator('div', { hasText: 'Số tiêu chí đạt' }).last();
    expect(await criteriaLine.textContent()).not.toContain('minh họa'); // imported NTM row
    await s.page.mouse.move(box.x + 2, box.y + 2);

    await api(s, 'select', '19474');
    await tab('profile');
    const row = (year: number) =>
      s.page.locator('[data-testid="profile"] table.history tbody tr', { has: s.page.locator('td:first-child', { hasText: new RegExp(`^${year}$`) }) });
    await expect.poll(() => row(2023).count()).toBe(1);
    const cells = async (year: number) => (await row(year).locator('td').allTextContents()).map((t) => t.trim());
    const [, status2024, , poverty2024] = await cells(2024);
    const [, status2023, , poverty2023] = await cells(2023);
    expect(status2024).not.toContain('*');
    expect(poverty2024).toContain('*');
    expect(status2023).toContain('*'); // the history before the import is generated
    expect(poverty2023).toContain('*');
    expect(await s.page.getByTestId('profile').textContent()).toContain('minh họa');
  });

  test('case 2: the model export labels each series by its own rows', async () => {
    await tab('data');
    const csv = csvRows((await download('export-model')).bytes.toString('utf8'), 'province_code');
    const row = csv.find((r) => r.commune_code === '19474' && r.year === '2024');
    expect(row).toBeDefined();
    expect(row!.ntm_provenance).toBe('imported');
    expect(row!.poverty_provenance).toBe('illustrative'); // generated households, poor and near-poor
    expect(Number(row!.households)).toBeGreaterThan(0);
    expect(csv.find((r) => r.commune_code === '19474' && r.year === '2023')!.ntm_provenance).toBe('illustrative');
  });

  test('case 3: the PNG of a view that shows only real values is not marked', async () => {
    await view('status');
    await tab('slides');
    expect((await download('export-png-1')).name).not.toMatch(/minh-hoa/);
  });

  test('case 5: criteria are counted out of the set of the row’s year (QĐ 51/2025: 10), not out of 19', async () => {
    // 2026 figures are of the post-reform communes (src/common/vintage.ts): those the sponsored communes went to
    const communes = await sql<{ commune_code: string; commune_name: string }>(
      s,
      `SELECT DISTINCT c.new_commune_code AS commune_code, n.commune_name FROM sponsorship s
       JOIN crosswalk_2024_2025 c ON c.old_commune_code = s.commune_code JOIN unit_commune_2025 n ON n.commune_code = c.new_commune_code
       WHERE s.sponsor_id = 'qt-lmhtx' ORDER BY 1`,
    );
    await api(s, 'setVintage', '2025-07');
    await settle(s);
    const result = await importCsv('qt_ntm_2026.csv', ['Mã xã,Tên xã,Năm,Số tiêu chí đạt', ...communes.map((r) => `${r.commune_code},${csvField(r.commune_name)},2026,8`)]);
    expect(result).toMatchObject({ ok: true, rowsLoaded: communes.length });
    await api(s, 'setYear', 2026);
    await api(s, 'setIndicator', 'criteria');
    await settle(s);
    await api(s, 'select', communes[0].commune_code);
    await tab('legend');
    await expect.poll(() => s.page.getByTestId('selection').textContent()).toContain('8/10');
    await tab('profile');
    await expect.poll(() => s.page.locator('[data-testid="profile"] tr[data-year="2026"]').textContent()).toContain('8/10');
  });
});
