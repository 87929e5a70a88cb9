import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { openApp, openBrowser, type Session } from './harness';
import { api, baseUrl } from './session';
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
