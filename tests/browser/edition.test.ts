// A province edition, end to end: the fixture files (a Quảng Trị criteria table, a poverty report with two header
// rows, a file with a row waiting for a choice, a targets table of the post-reform Quảng Trị for 2030) are made here; the choice is made in the app's fix-up list and saved
// as a resolutions file; `vite build` builds the edition into a private folder; a fresh profile then shows the
// edition's values on the map, in the planner table, in the sponsor view and its PDF, unmarked for the series and
// years it covers and marked as illustrative elsewhere, and the edition's 2030 target in new Quảng Trị's scorecard.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { openApp, openBrowser, type Session } from './harness';
import { api, baseUrl, settle, startSession } from './session';
import { pdfText } from './pdf-text';
import {
  DATA_DATE, EDITION_NAME, expected, makeEditionFolder, OFFICE, quangTriUnits, TARGET_2030, TARGETS_FILE, WAITING_CHOICE, WAITING_FILE, WAITING_ROW,
  waitingFileBytes,
} from '../fixtures/edition/make-edition';

const repo = resolve(import.meta.dirname, '../..');
let dir: string;
let server: PreviewServer;
let editionUrl: string;
let s: Session | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ntm-edition-browser-'));
  await makeEditionFolder(join(dir, 'files'), { waiting: true, targets: true });

  // the waiting row is settled in the app's fix-up list, and the choices saved from it
  const app = await startSession('?province=45&year=2024&panel=data');
  try {
    await app.page.getByTestId('import-file').setInputFiles({ name: WAITING_FILE, mimeType: 'text/csv', buffer: Buffer.from(waitingFileBytes()) });
    await app.page.getByRole('combobox', { name: `Chọn đơn vị cho dòng ${WAITING_ROW}` }).selectOption(WAITING_CHOICE);
    const save = app.page.getByTestId('save-resolutions');
    await save.waitFor({ state: 'visible', timeout: 20_000 });
    const [file] = await Promise.all([app.page.waitForEvent('download'), save.click()]);
    expect(file.suggestedFilename()).toBe('qt_phuong_2024.resolutions.json');
    copyFileSync((await file.path())!, join(dir, 'files', file.suggestedFilename()));
  } finally {
    await app.close();
  }

  const outDir = join(dir, 'dist');
  const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: repo,
    env: { ...process.env, VITEST: '', NTM_EDITION: join(dir, 'files') },
    encoding: 'utf8',
    timeout: 400_000,
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  expect(build.stdout).toContain('Tệp lựa chọn đã giải quyết 1 dòng');
  expect(build.stdout).toContain('1 chỉ tiêu cho Quảng Trị (Từ 1/7/2025)');
  server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 4327, strictPort: false }, logLevel: 'warn' });
  editionUrl = server.resolvedUrls!.local[0];
}, 600_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function open(path: string): Promise<Session> {
  s = await openBrowser(editionUrl, { width: 1440, height: 900 });
  await openApp(s, editionUrl, path);
  return s;
}

const { ntm, poverty } = expected();
const tierCounts = () => {
  const counts: Record<string, number> = { kieu_mau: 0, nang_cao: 0, dat_chuan: 0, chua_dat: 0 };
  for (const v of ntm.values()) counts[v.tier]++;
  return counts;
};
const state = (session: Session) => api<{ counts: Record<string, number>; illustrative: boolean; notice: string | null; year: number }>(session, 'state');
type Details = { status: string; criteriaMet: number | null; value: number; illustrative: { ntm: boolean; value: boolean } };

describe('a province edition in a fresh browser', () => {
  test('the map shows the edition: its values, no illustrative mark for the year and series it covers, the mark elsewhere; the footer names it', async () => {
    const session = await open('?province=45&year=2024&indicator=status');
    const footer = await session.page.getByTestId('edition-footer').textContent();
    expect(footer).toBe(`Ấn bản ${EDITION_NAME} · ${OFFICE} · số liệu ${DATA_DATE}`);
    expect(new URL(session.page.url()).searchParams.get('data')).toBe('e.quang-tri-2024-31-12-2024');

    const st = await state(session);
    expect(st.counts).toMatchObject({ ...tierCounts(), no_data: 0, out_of_scope: quangTriUnits().length - ntm.size });
    expect(st.illustrative).toBe(false);
    expect(await session.page.getByTestId('illustrative-badge').count()).toBe(0);
    for (const [code, want] of [...ntm].slice(0, 12)) {
      const d = await api<Details>(session, 'details', code);
      expect({ status: d.status, criteria: d.criteriaMet, marked: d.illustrative.ntm }).toEqual({ status: want.tier, criteria: want.criteria, marked: false });
    }

    await api(session, 'setIndicator', 'poor_rate');
    await settle(session);
    expect((await state(session)).illustrative).toBe(false);
    for (const [code, want] of [...poverty].slice(0, 12)) {
      const d = await api<Details>(session, 'details', code);
      expect(d.value).toBeCloseTo(want.poor / want.households, 9);
      expect(d.illustrative.value).toBe(false);
    }

    // elsewhere: another year, another province
    await api(session, 'setYear', 2023);
    await settle(session);
    expect((await state(session)).illustrative).toBe(true);
    await expect.poll(() => session.page.getByTestId('illustrative-badge').count()).toBe(1);
    await api(session, 'setYear', 2024);
    await api(session, 'setProvince', '83');
    await settle(session);
    expect((await state(session)).illustrative).toBe(true);
  });

  test('the planner table sums the edition per district: NTM and poverty columns of the year unmarked, the change since the base year marked', async () => {
    const session = await open('?province=45&year=2024&indicator=status&panel=districts');
    const units = quangTriUnits();
    const rows = await api<{ group_code: string; ntm: number; households: number; poor: number; ntm_provenance: string; poverty_provenance: string; ntm_base_provenance: string }[]>(session, 'planner');
    const districts = [...new Set(units.map((u) => u.district_code))];
    // every district with communes (Cồn Cỏ, an island district without any, has an empty row)
    expect(rows.map((r) => r.group_code)).toEqual(expect.arrayContaining(districts));
    for (const r of rows.filter((x) => districts.includes(x.group_code))) {
      const inDistrict = units.filter((u) => u.district_code === r.group_code);
      const xa = inDistrict.filter((u) => ntm.has(u.commune_code));
      // a district of wards only (Đông Hà) has no NTM row: no count
      const ntmCount = xa.length === 0 ? null : xa.filter((u) => ntm.get(u.commune_code)!.tier !== 'chua_dat').length;
      const sum = (k: 'households' | 'poor') => inDistrict.reduce((a, u) => a + poverty.get(u.commune_code)![k], 0);
      expect({ code: r.group_code, ntm: r.ntm, households: r.households, poor: r.poor }).toEqual({ code: r.group_code, ntm: ntmCount, households: sum('households'), poor: sum('poor') });
      expect(r.poverty_provenance).toBe('published');
      if (xa.length > 0) expect(r.ntm_provenance).toBe('published');
      expect(r.ntm_base_provenance ?? 'illustrative').toContain('illustrative');
    }
    const header = (label: RegExp) => session.page.locator('[data-testid="district-table"] thead th', { has: session.page.locator('button', { hasText: label }) }).first();
    await expect.poll(() => header(/^% NTM$/).count()).toBe(1);
    expect(await header(/^% NTM$/).textContent()).not.toContain('*');
    expect(await header(/^Hộ nghèo$/).textContent()).not.toContain('*');
    // the share of the base year (illustrative) is read by the change column
    const marked = await session.page.locator('[data-testid="district-table"] thead th').allTextContents();
    expect(marked.some((t) => t.includes('*'))).toBe(true);
  });

  test('the sponsor view and its PDF show the edition values unmarked, the change since the assignment marked', async () => {
    const session = await open('?sponsor=qt-lmhtx&year=2024');
    const rows = session.page.locator('[data-testid="sponsor-communes"] tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const pdfExpect: string[] = [];
    for (const row of await rows.all()) {
      const code = (await row.getAttribute('data-code'))!;
      const want = ntm.get(code)!;
      const p = poverty.get(code)!;
      const cells = (await row.locator('td').allTextContents()).map((t) => t.trim());
      expect(cells[1]).toBe(`${want.criteria}/19`);
      const rate = `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((p.poor / p.households) * 100)}`;
      expect(cells[2]).toBe(`${rate}%`);
      expect(cells.slice(0, 3).join(' ')).not.toContain('*');
      pdfExpect.push(`${rate}%`);
    }
    // the change since the assignment reads the (illustrative) first year
    expect((await rows.locator('td:nth-child(5)').allTextContents()).some((t) => t.includes('*'))).toBe(true);

    const [download] = await Promise.all([session.page.waitForEvent('download', { timeout: 90_000 }), session.page.getByTestId('sponsor-report').click()]);
    const pdf = await pdfText(new Uint8Array(readFileSync((await download.path())!)));
    for (const rate of pdfExpect) {
      expect(pdf.text).toContain(rate);
      expect(pdf.text).not.toContain(`${rate} *`);
    }
    expect(pdf.text).not.toMatch(/\d+\/19 \*/);
    // the change column, span by span at the 2022 poverty standard change as the view shows it: "2020–2021: −1,6 *"
    expect(pdf.text).toMatch(/\d{4}–\d{4}: [−+]?\d+,\d \*/);
    expect(pdf.text).toContain('minh họa');
  });

  test('the scorecard of new Quảng Trị shows the edition’s 2030 target as published, naming the office and file', async () => {
    const session = await open('?vintage=2025-07&province=44&panel=scorecard');
    const id = `edition:quang-tri-2024-31-12-2024|44|${TARGET_2030.indicator}|${TARGET_2030.target_year}`;
    const row = session.page.locator(`[data-target="${id}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getAttribute('data-origin')).toBe('fact');
    expect(await row.textContent()).toContain('Tỷ lệ xã đạt chuẩn NTM');
    const [stored] = await api<{ source: string }[]>(session, 'sql', 'SELECT source FROM targets WHERE target_id = ?', [id]);
    expect(stored.source).toBe(`Công bố: ${OFFICE} — ${TARGETS_FILE}, dòng ${TARGET_2030.row}`);
  });

  test('a link made on the edition, opened on the sample site, says the edition is missing', async () => {
    const session = (s = await openBrowser(baseUrl()));
    await openApp(session, baseUrl(), '?province=45&year=2024&data=e.quang-tri-2024-31-12-2024');
    const st = await state(session);
    expect(st.notice).toContain('Liên kết này được tạo từ dữ liệu không có ở đây: ấn bản "quang-tri-2024-31-12-2024"');
    expect(new URL(session.page.url()).searchParams.get('data')).toBeNull();
  });
});
