// Data packages across two browser profiles: what is imported in one is exported as one file, dropped on the other,
// and gives the same map (legend classes and counts, every commune's class and value) and the same planner table.
// A damaged package and one from a newer version are refused with the reason, the data left as it was; links name
// the package, and a profile without it says so.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Session } from './harness';
import { api, settle, sql, startSession } from './session';

const VIEW = '?province=45&year=2024&indicator=status';
let a: Session;
let b: Session | undefined;
let c: Session | undefined;
let pkg: { name: string; bytes: Buffer };

beforeAll(async () => {
  a = await startSession(VIEW);
});
afterAll(async () => {
  for (const x of [a, b, c]) await x?.close();
});

const csvField = (v: string) => `"${v.replaceAll('"', '""')}"`;

/** What the map and the planner show, for comparing two profiles. */
async function shown(s: Session) {
  await settle(s);
  const st = await api<{ legend: unknown[]; counts: Record<string, number> }>(s, 'state');
  const codes = (await api<string[]>(s, 'drawnCodes')).sort();
  const details = await s.page.evaluate((cs) => cs.map((code) => {
    const d = (window as any).ntmAtlas.details(code);
    return d && [code, d.status, d.criteriaMet, Number.isNaN(d.value) ? null : d.value];
  }), codes);
  const planner = await api<unknown[]>(s, 'planner');
  await s.page.getByTestId('tab-districts').click();
  const table = await s.page.getByTestId('district-table-scroll').textContent();
  await s.page.getByTestId('tab-data').click();
  return { legend: st.legend, counts: st.counts, details, planner, table };
}

/** Drops a file on an element as a person drags one from the desktop. */
async function drop(s: Session, testId: string, name: string, bytes: Uint8Array) {
  const transfer = await s.page.evaluateHandle(([n, data]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], n, { type: 'application/json' }));
    return dt;
  }, [name, Array.from(bytes)] as const);
  await s.page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: transfer });
}

const message = (s: Session) => s.page.getByTestId('package-message');

describe('data packages between two browsers', () => {
  test('imported in one profile, exported, dropped in another: the same map and planner table', async () => {
    const xa = await sql<{ commune_code: string; commune_name: string }>(a, "SELECT commune_code, commune_name FROM unit_commune WHERE province_code = '45' AND commune_type = 'Xã' ORDER BY commune_code");
    const lines = ['Mã xã,Tên xã,Năm,Số tiêu chí đạt,Tổng số hộ,Số hộ nghèo', ...xa.map((r, i) => `${r.commune_code},${csvField(r.commune_name)},2024,${10 + (i % 10)},${800 + i},${20 + ((i * 7) % 90)}`)];
    const imported = await a.page.evaluate(
      async ([n, text]) => (window as any).ntmAtlas.importBytes(n, new TextEncoder().encode(text), 'beside'),
      ['qt_2024_tong_hop.csv', lines.join('\r\n')] as const,
    );
    expect(imported).toMatchObject({ ok: true, rowsLoaded: xa.length });
    await a.page.getByTestId('tab-data').click();
    const before = await shown(a);

    const [file] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('export-package').click()]);
    pkg = { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    expect(pkg.name).toMatch(/^ntm-atlas-[0-9a-f]{12}\.ntmpkg$/);
    await expect.poll(() => message(a).textContent()).toMatch(/^Đã xuất gói [0-9a-f]{12}: 1 bảng/);

    b = await startSession(`${VIEW}&panel=data`);
    const sample = await shown(b);
    expect(sample.counts).not.toEqual(before.counts); // a fresh profile shows the sample
    await drop(b, 'package-drop', pkg.name, pkg.bytes);
    await expect.poll(() => message(b!).textContent(), { timeout: 30_000 }).toMatch(/^Đã mở gói [0-9a-f]{12}: 1 bảng/);
    const after = await shown(b);
    expect(after.legend).toEqual(before.legend);
    expect(after.details).toEqual(before.details);
    expect(after.planner).toEqual(before.planner);
    expect(after.table).toBe(before.table);
    // the imported file is listed as it was in the first profile
    expect(await b.page.getByTestId('datasets').textContent()).toContain('qt_2024_tong_hop.csv');
  });

  test('a damaged package and one from a newer version are refused with the reason; the data stay as they were', async () => {
    const session = b!;
    const now = await shown(session);
    const text = pkg.bytes.toString('utf8');
    const damaged = new TextEncoder().encode(text.replace(/"rows":(\d+)/, (_, n) => `"rows":${Number(n) + 1}`));
    await drop(session, 'package-drop', 'hong.ntmpkg', damaged);
    await expect.poll(() => message(session).textContent()).toBe(
      'Không mở gói hong.ntmpkg: gói bị hỏng (mã kiểm tra không khớp: tệp đã bị thay đổi hoặc chép thiếu). Dữ liệu hiện có vẫn giữ nguyên.',
    );
    expect(await message(session).getAttribute('role')).toBe('alert');
    const newer = new TextEncoder().encode(text.replace('"version":1', '"version":7'));
    await session.page.getByTestId('package-file').setInputFiles({ name: 'moi.ntmpkg', mimeType: 'application/json', buffer: Buffer.from(newer) });
    await expect.poll(() => message(session).textContent()).toContain('gói do phiên bản mới hơn của NTM Atlas tạo ra (gói phiên bản 7, ứng dụng này đọc đến phiên bản 1)');
    expect(await shown(session)).toEqual(now);
  });

  test('links name the package: a profile without it says so, the profile that made it does not', async () => {
    const link = new URL(b!.page.url());
    const data = link.searchParams.get('data');
    expect(data).toMatch(/^p\.[0-9a-f]{12}$/);
    c = await startSession(`${link.search}`);
    const st = await api<{ notice: string | null }>(c, 'state');
    expect(st.notice).toContain(`Liên kết này được tạo từ dữ liệu không có ở đây: gói dữ liệu ${data!.slice(2)}`);
    // the profile that exported it has its data: no notice
    await a.page.goto(new URL(link.search, a.page.url()).href);
    await a.page.waitForFunction(() => (window as any).ntmAtlas !== undefined);
    await a.page.evaluate(async () => (window as any).ntmAtlas.ready);
    expect((await api<{ notice: string | null }>(a, 'state')).notice ?? '').not.toContain('Liên kết này');
  });
});
