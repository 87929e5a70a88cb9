import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { openApp, openBrowser, type Session } from './harness';
import { api, baseUrl, sql } from './session';
import { pdfText } from './pdf-text';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function open(path: string) {
  s = await openBrowser(baseUrl(), { width: 1440, height: 900 });
  await openApp(s, baseUrl(), path);
  return s;
}

const communeNames = (session: Session) =>
  session.page.locator('[data-testid="sponsor-communes"] tbody th button').allTextContents();

describe('sponsor links', () => {
  test('the Cooperative Alliance link shows exactly its four communes, and its report PDF names them', async () => {
    const session = await open('?sponsor=qt-lmhtx');
    expect((await api<{ sponsor: string; province: string }>(session, 'state')).sponsor).toBe('qt-lmhtx');
    expect((await communeNames(session)).sort()).toEqual(['Xã Hải Ba', 'Xã Hải Dương', 'Xã Hải Thượng', 'Xã Tân Liên']);
    const table = await session.page.getByTestId('sponsor-communes').textContent();
    expect(table).toContain('Huyện Hải Lăng');
    expect(table).toContain('Huyện Hướng Hóa');
    expect(await session.page.getByTestId('sponsor-view').textContent()).toContain('Liên minh Hợp tác xã tỉnh Quảng Trị');

    const [download] = await Promise.all([session.page.waitForEvent('download', { timeout: 90_000 }), session.page.getByTestId('sponsor-report').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const pdf = await pdfText(bytes);
    expect(pdf.pages).toBe(1);
    for (const name of ['Hải Thượng', 'Hải Ba', 'Hải Dương', 'Tân Liên', 'Liên minh Hợp tác xã tỉnh Quảng Trị']) expect(pdf.text).toContain(name);
    expect(pdf.text).toMatch(/minh họa/); // the illustrative-data notice travels with the report
    // the poverty change as the view shows it: one span per poverty standard (2022), never one change across both
    const spans = await session.page.locator('[data-testid="poverty-change"][data-split="2022"]').count();
    expect(spans).toBe(4);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text.match(/2020–2021: [−+]?\d+,\d/g)).toHaveLength(4);
    expect(text.match(/2022–2025: [−+]?\d+,\d/g)).toHaveLength(4);
    expect(text).not.toMatch(/\(từ 2020\)/);
    expect(text).toContain('Chuẩn nghèo đổi từ năm 2022');
  });

  test('on the post-reform units: the new communes its old ones went to, each formerly its old one, outlined and named on the new map; the report follows', async () => {
    const session = await open('?vintage=2025-07&sponsor=qt-lmhtx');
    const st = await api<{ sponsor: string; province: string; vintage: string; year: number }>(session, 'state');
    expect(st).toMatchObject({ sponsor: 'qt-lmhtx', province: '44', vintage: '2025-07', year: 2025 });
    const went = await sql<{ new_code: string; new_name: string; former: string }>(
      session,
      `SELECT c.new_commune_code AS new_code, n.commune_name AS new_name, o.commune_name AS former FROM sponsorship s
       JOIN crosswalk_2024_2025 c ON c.old_commune_code = s.commune_code JOIN unit_commune_2025 n ON n.commune_code = c.new_commune_code
       JOIN unit_commune o ON o.commune_code = s.commune_code WHERE s.sponsor_id = 'qt-lmhtx' ORDER BY o.commune_name`,
    );
    expect(went.map((w) => w.former)).toEqual(['Xã Hải Ba', 'Xã Hải Dương', 'Xã Hải Thượng', 'Xã Tân Liên']);
    const rows = session.page.locator('[data-testid="sponsor-communes"] tbody tr');
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')).sort())).toEqual(went.map((w) => w.new_code).sort());
    expect((await communeNames(session)).sort()).toEqual(went.map((w) => w.new_name).sort());
    const formerly = await session.page.getByTestId('sponsor-former').allTextContents();
    for (const w of went) expect(formerly.some((f) => f.startsWith(`trước là ${w.former}`))).toBe(true);
    expect(await session.page.getByTestId('sponsor-summary').textContent()).toMatch(/^Năm 2025: các xã mới chưa có công nhận NTM riêng \(sau sắp xếp\); \d\/4 xã cũ/);
    // no status of their own before 2026: how many former communes were NTM instead
    for (const status of await session.page.getByTestId('sponsor-status').allTextContents()) {
      expect(status).toMatch(/^Chưa có công nhận sau sắp xếp; \d+\/\d+ xã cũ đạt chuẩn NTM năm 2025/);
    }
    // the outline and names on the new map are the new communes
    const outlined = () => api<{ code: string; label: string }[]>(session, 'baseSource', 'sponsored');
    await expect.poll(async () => (await outlined()).map((f) => f.code).sort(), { timeout: 20_000 }).toEqual(went.map((w) => w.new_code).sort());
    expect((await outlined()).map((f) => f.label).sort()).toEqual(went.map((w) => w.new_name).sort());

    const [download] = await Promise.all([session.page.waitForEvent('download', { timeout: 90_000 }), session.page.getByTestId('sponsor-report').click()]);
    const pdf = await pdfText(new Uint8Array(readFileSync((await download.path())!)));
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Xã cũ (trước 1/7/2025)');
    for (const w of went) {
      expect(text).toContain(w.new_name);
      expect(text).toContain(`${w.former} (`);
    }
    // the column's header says "Xã cũ": its cells do not repeat "trước là"
    expect(text).not.toContain('trước là');
    expect(text).toContain('Chưa có công nhận sau sắp xếp');
    expect(text).toContain('Đơn vị hành chính: sau sắp xếp ngày 1/7/2025');

    // 2026: a recognition of its own (imported, x/10) is the new commune's status; the others still have none
    const tanLap = went.find((w) => w.former === 'Xã Tân Liên')!;
    const csv = ['Mã xã,Tên xã,Năm,Số tiêu chí đạt,Xếp loại', `${tanLap.new_code},"${tanLap.new_name}",2026,8/10,Chưa đạt`].join('\r\n');
    const imported = await session.page.evaluate(
      async (t) => (window as any).ntmAtlas.importBytes('tan-lap-2026.csv', new TextEncoder().encode(t), 'beside'),
      csv,
    );
    expect(imported).toMatchObject({ ok: true, rowsLoaded: 1 });
    await api(session, 'setYear', 2026);
    const row = (code: string) => session.page.locator(`[data-testid="sponsor-communes"] tbody tr[data-code="${code}"]`);
    await expect.poll(() => row(tanLap.new_code).getByTestId('sponsor-status').textContent(), { timeout: 20_000 }).toMatch(/^Chưa đạt chuẩn/);
    expect(await row(tanLap.new_code).getByTestId('sponsor-criteria').textContent()).toMatch(/^8\/10/);
    for (const w of went.filter((x) => x !== tanLap)) {
      expect(await row(w.new_code).getByTestId('sponsor-status').textContent()).toMatch(/^Chưa có công nhận sau sắp xếp; \d+\/\d+ xã cũ đạt chuẩn NTM năm 2025/);
    }
  });

  test('the Farmers’ Union short link shows Hướng Lộc and Triệu Độ', async () => {
    const session = await open('#/sponsor/qt-hnd');
    expect((await communeNames(session)).sort()).toEqual(['Xã Hướng Lộc', 'Xã Triệu Độ']);
    expect(await session.page.getByTestId('sponsor-missing').textContent()).toContain('Xã Hướng Lộc');
  });

  test('a bad sponsor id shows a notice and the normal app, never a broken page', async () => {
    const session = await open('?sponsor=khong-ton-tai&year=1999');
    const st = await api<{ phase: string; sponsor: string | null; year: number; years: number[]; notice: string }>(session, 'state');
    expect(st.phase).toBe('ready');
    expect(st.sponsor).toBeNull();
    // a year without data falls back to the latest with data
    expect(st.year).toBe(Math.max(...st.years));
    expect(st.year).toBe(2025);
    const notice = await session.page.getByTestId('notice').textContent();
    expect(notice).toContain('sponsor=khong-ton-tai');
    expect(notice).toContain('year=1999');
    expect(session.consoleErrors).toEqual([]);
  });

  test('the URL carries the whole view and restores it', async () => {
    const session = await open('?province=08&year=2022&indicator=poor_rate&sel=02533&panel=districts');
    const st = await api<Record<string, unknown>>(session, 'state');
    expect(st).toMatchObject({ province: '08', year: 2022, indicator: 'poor_rate', selectedCode: '02533', panel: 'districts' });
    await api(session, 'setYear', 2023);
    // the address bar follows in the task after the switch (a switch never waits for it)
    await expect.poll(() => new URL(session.page.url()).searchParams.get('year')).toBe('2023');
    expect(new URL(session.page.url()).searchParams.get('province')).toBe('08');
  });
});
