import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importCsv, readUnits } from '../bench/import-data';
import type { Session } from './harness';
import { openApp } from './harness';
import { api, baseUrl, settle, sql, startSession } from './session';

const fixture = (name: string) => join(process.cwd(), 'tests', 'fixtures', 'import', name);

let s: Session;
beforeAll(async () => {
  s = await startSession('?panel=data');
});
afterAll(async () => {
  await s?.close();
});

/** Picks a fixture and waits for its own report or refusal (the one shown before stays until it is replaced). */
async function read(name: string) {
  await s.page.getByTestId('import-file').setInputFiles(fixture(name));
  await s.page.waitForFunction((n) => {
    const shown = document.querySelector('[data-testid="import-report"], [data-testid="import-error"]');
    return shown?.textContent?.includes(n) ?? false;
  }, name);
}

/** A bucket of the report's table (0 when the table leaves an empty bucket out). */
const count = async (k: string) => {
  const cell = s.page.locator(`[data-testid="import-counts"] tr[data-count="${k}"] td`);
  return (await cell.count()) ? Number(await cell.textContent()) : 0;
};

/**
 * Clicks "clear imports" and waits until no imported row is left, in the tables and in the browser store: the store
 * is cleared after the tables (ImportService.clearAll), and its clear could otherwise land on what the next test
 * writes into it.
 */
async function clearImports(session: Session): Promise<void> {
  await session.page.getByTestId('clear-imports').click();
  await session.page.waitForFunction(async () => {
    const r = await (window as any).ntmAtlas.sql("SELECT count(*)::INTEGER AS n FROM poverty_year WHERE provenance = 'imported'");
    return r[0].n === 0;
  });
  await session.page.waitForFunction(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('ntm-atlas');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const q = db.transaction('imports').objectStore('imports').count();
      q.onsuccess = () => resolve(q.result);
      q.onerror = () => reject(q.error);
    });
    db.close();
    return n === 0;
  });
}

describe('importing a province’s own tables in the browser', () => {
  test('a two-row-header XLSX with a total row loads as 2023 poverty rows, with provenance', async () => {
    await read('qt_poverty_2023_two_row_header.xlsx');
    // 30 rows: 8 above the table, 13 communes, 4 district subtotals and the total, 3 notes, 1 blank
    expect(await count('rowsInFile')).toBe(30);
    expect([await count('accepted'), await count('totals'), await count('header'), await count('notes'), await count('blank')]).toEqual([13, 5, 8, 3, 1]);
    await s.page.getByTestId('import-apply').click();
    await s.page.waitForSelector('[data-testid="import-message"]');
    await settle(s);
    const rows = await sql<Record<string, unknown>>(s, 'SELECT households, poor, near_poor, provenance FROM poverty_year WHERE unit_code = ? AND year = 2023', ['19474']);
    expect(rows).toEqual([{ households: 1208, poor: 64, near_poor: 88, provenance: 'imported' }]);
    // the map reads the same view: Hướng Lộc's 2023 poor rate is now 64/1208
    await api(s, 'setYear', 2023);
    await api(s, 'setIndicator', 'poor_rate');
    const d = await api<{ value: number }>(s, 'details', '19474');
    expect(d.value).toBeCloseTo(64 / 1208, 12);
  });

  test('a TCVN3 file is converted and the report says so', async () => {
    await read('qt_tcvn3.csv');
    expect(await s.page.getByTestId('encoding-note').textContent()).toMatch(/TCVN3/);
    expect(await count('accepted')).toBeGreaterThan(0);
    await s.page.getByRole('button', { name: /Huỷ|Cancel/ }).click();
  });

  test('the report reads in the interface language, field labels and the year’s source included, and follows a switch', async () => {
    await read('qt_tcvn3.csv');
    const report = async () => (await s.page.getByTestId('import-report').textContent())!;
    const vi = await report();
    expect(vi).toContain('Đã chuyển từ bảng mã TCVN3');
    expect(vi).toContain('→ tên xã');
    expect(vi).toContain('theo cột "Năm"');
    expect(vi).not.toMatch(/commune_name|\((column|default|none|title)\)|Converted from/);
    await api(s, 'setLocale', 'en');
    await expect.poll(report).toContain('Converted from TCVN3');
    expect(await report()).toContain('→ commune name');
    await api(s, 'setLocale', 'vi');
    await s.page.getByRole('button', { name: /Huỷ|Cancel/ }).click();
  });

  test('names without diacritics: matched, ambiguous and unmatched rows listed; one resolved by hand', async () => {
    await api(s, 'setProvince', '83');
    await read('bt_names_no_diacritics.csv');
    // 13 matched, of which 4 townships or wards with "-" for their criteria: nothing to import
    expect([await count('rowsInFile'), await count('accepted'), await count('empty'), await count('ambiguous'), await count('unmatched')]).toEqual([20, 9, 4, 3, 3]);
    const ambiguousRow = s.page.locator('[data-testid="import-resolve"] tr[data-row="4"] select');
    await ambiguousRow.selectOption('29161');
    // the choice is made in the import worker, which holds the rows: the counts follow a moment later
    await expect.poll(() => count('accepted')).toBe(10);
    expect(await count('ambiguous')).toBe(2);
    await s.page.getByRole('button', { name: /Huỷ|Cancel/ }).click();
  });

  test('unknown communes and bad values are reported with rows and reasons, nothing already loaded is lost', async () => {
    await read('qt_unknown_communes.csv');
    expect(await count('unmatched')).toBeGreaterThan(0);
    await read('qt_invalid_values.csv');
    expect(await count('rejected')).toBeGreaterThan(0);
    const issues = await s.page.getByTestId('import-issues').textContent();
    expect(issues).toMatch(/\d/);
    await read('not_a_table.png');
    expect(await s.page.getByTestId('import-error').textContent()).toContain('not_a_table.png');
    const kept = await sql<{ n: number }>(s, "SELECT count(*)::INTEGER AS n FROM poverty_year WHERE provenance = 'imported'");
    expect(kept[0].n).toBe(13);
  });

  test('imports survive a reload and go with one action', async () => {
    await openApp(s, baseUrl(), '?panel=data');
    const before = await sql<{ n: number }>(s, "SELECT count(*)::INTEGER AS n FROM poverty_year WHERE provenance = 'imported'");
    expect(before[0].n).toBe(13);
    expect(await s.page.getByTestId('datasets').textContent()).toContain('qt_poverty_2023_two_row_header.xlsx');
    await clearImports(s);
    const sample = await sql<{ provenance: string }>(s, 'SELECT provenance FROM poverty_year WHERE unit_code = ? AND year = 2023', ['19474']);
    expect(sample).toEqual([{ provenance: 'illustrative' }]);
  });

  test('an import stored by an earlier version (rows, not Arrow streams) is restored and rewritten; an unreadable one is reported', async () => {
    await s.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('ntm-atlas');
        r.onupgradeneeded = () => r.result.createObjectStore('imports');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction('imports', 'readwrite');
      const poverty = { unit_code: '19474', unit_level: 'commune', year: 2023, households: 1000, poor: 50, near_poor: 70, standard: 'NĐ 07/2021/NĐ-CP', provenance: 'imported', source: 'old.csv, dòng 2' };
      tx.objectStore('imports').put(
        { id: 'old-1', file: 'old.csv', importedAt: '2025-01-01T00:00:00.000Z', mode: 'beside', seq: 1, tables: { communeYear: [], sponsorship: [], poverty: [poverty], scope: [{ province_code: '45', year: 2023 }], skipped: [] } },
        'old-1',
      );
      tx.objectStore('imports').put({ id: 'bad-2', file: 'unreadable.csv', importedAt: '2025-01-02T00:00:00.000Z', mode: 'beside', seq: 2, rows: 'nonsense' }, 'bad-2');
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    await openApp(s, baseUrl(), '?panel=data');
    const rows = await sql<Record<string, unknown>>(s, 'SELECT poor, provenance, source FROM poverty_year WHERE unit_code = ? AND year = 2023', ['19474']);
    expect(rows).toEqual([{ poor: 50, provenance: 'imported', source: 'old.csv, dòng 2' }]);
    expect(await s.page.getByTestId('datasets').textContent()).toContain('old.csv');
    expect((await api<{ notice: string | null }>(s, 'state')).notice).toContain('unreadable.csv');
    const stored = await s.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('ntm-atlas');
        r.onsuccess = () => resolve(r.result);
      });
      const value = await new Promise<any>((resolve) => {
        const r = db.transaction('imports').objectStore('imports').get('old-1');
        r.onsuccess = () => resolve(r.result);
      });
      const keys = await new Promise<IDBValidKey[]>((resolve) => {
        const r = db.transaction('imports').objectStore('imports').getAllKeys();
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return { version: value.version, tables: 'tables' in value, poverty: value.arrow?.poverty instanceof Uint8Array, counts: value.counts, keys };
    });
    // rewritten as Arrow streams; the unreadable record reported (above) and dropped
    expect(stored).toEqual({ version: 2, tables: false, poverty: true, counts: { communeYear: 0, poverty: 1, scope: 1, sponsorship: 0 }, keys: ['old-1'] });
    await clearImports(s);
  });

  test('window.ntmAtlas.importBytes takes the panel’s path, reports phases, leaves rows to resolve and rejects non-tables', async () => {
    const importBytes = (name: string, mode?: string) =>
      s.page.evaluate(
        async ([n, b, m]) => (window as any).ntmAtlas.importBytes(n, new Uint8Array(b as number[]), m ?? undefined),
        [name, [...readFileSync(fixture(name))], mode ?? null] as const,
      ) as Promise<Record<string, any>>;
    const r = await importBytes('qt_poverty_2023_two_row_header.xlsx');
    expect(r).toMatchObject({ ok: true, error: null, read: 13, accepted: 13, needsResolution: 0, rowsLoaded: 13 });
    for (const k of ['readMs', 'workerMs', 'buildMs', 'tablesMs', 'toArrowMs', 'insertMs', 'persistMs', 'recolourMs', 'drawMs', 'totalMs']) expect(r[k]).toBeGreaterThanOrEqual(0);
    const rows = await sql<Record<string, unknown>>(s, 'SELECT poor, provenance FROM poverty_year WHERE unit_code = ? AND year = 2023', ['19474']);
    expect(rows).toEqual([{ poor: 64, provenance: 'imported' }]);

    await api(s, 'setProvince', '83');
    const names = await importBytes('bt_names_no_diacritics.csv');
    expect(names).toMatchObject({ ok: true, read: 19, matched: 13, accepted: 9, needsResolution: 6, rowsInFile: 20, rowsLoaded: 9 });

    const png = await importBytes('not_a_table.png');
    expect(png.ok).toBe(false);
    expect(png.error).toMatch(/PNG/);
    const kept = await sql<{ n: number }>(s, "SELECT count(*)::INTEGER AS n FROM poverty_year WHERE provenance = 'imported'");
    expect(kept[0].n).toBe(13);
  });
});

describe('a long import shows its phases and can be stopped (issue 14)', () => {
  /** What the map, the planner and the store hold: equal before and after a cancelled import. */
  const loaded = async () => ({
    figures: await sql(s, "SELECT count(*)::INTEGER AS n, sum(poor)::DOUBLE AS poor, count(*) FILTER (WHERE provenance = 'imported')::INTEGER AS imported FROM poverty_year"),
    ntm: await sql(s, "SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE provenance = 'imported')::INTEGER AS imported FROM commune_year"),
    datasets: await sql(s, 'SELECT dataset, file, seq FROM import_dataset ORDER BY seq'),
    listed: await s.page.locator('[data-testid="datasets"] li').allTextContents(),
    stored: await s.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const r = indexedDB.open('ntm-atlas');
          r.onsuccess = () => {
            const keys = r.result.transaction('imports').objectStore('imports').count();
            keys.onsuccess = () => resolve(keys.result);
            keys.onerror = () => reject(keys.error);
          };
          r.onerror = () => reject(r.error);
        }),
    ),
    planner: JSON.stringify(await api(s, 'planner')),
    hướngLộc: await api(s, 'details', '19474'),
  });
  /** Clicks the import's cancel button in the page as soon as its progress line matches `when`; returns the lines seen. */
  const cancelWhen = (when: string) =>
    s.page.evaluate((pattern) => {
      const seen: string[] = [];
      return new Promise<string[]>((resolve) => {
        const look = () => {
          const line = document.querySelector('[data-testid="import-progress"]');
          if (!line) return;
          const text = line.textContent ?? '';
          if (seen.at(-1) !== text) seen.push(text);
          if (new RegExp(pattern).test(text)) {
            observer.disconnect();
            (line.querySelector('[data-testid="import-cancel"]') as HTMLButtonElement).click();
            resolve(seen);
          }
        };
        const observer = new MutationObserver(look);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        look();
      });
    }, when);
  const cancelled = () => s.page.getByTestId('import-task-message').textContent();

  test('100,000 rows: cancelled while matching, then while loading; nothing changes; a small file imports after', async () => {
    await api(s, 'setVintage', '2024');
    await api(s, 'setProvince', null);
    await api(s, 'setYear', 2023);
    await settle(s);
    const before = await loaded();
    expect(before.datasets.length).toBeGreaterThan(0); // the earlier imports, which must survive
    const big = { name: 'national_100k.csv', mimeType: 'text/csv', buffer: Buffer.from(importCsv(readUnits(join(process.cwd(), 'public', 'generated')), 100_000)) };

    // 1. stopped while the worker matches rows: it is ended, no report, nothing loaded
    const seenReading = cancelWhen('khớp dòng với xã: [\\d.]+ trên 100\\.000 dòng');
    await s.page.getByTestId('import-file').setInputFiles(big);
    const lines = await seenReading;
    expect(lines.at(-1)).toMatch(/^national_100k\.csv: đang khớp dòng với xã: [\d.]+ trên 100\.000 dòng · \d+%/);
    await expect.poll(cancelled).toBe('Đã huỷ nhập: không nạp dòng nào của tệp này, dữ liệu đã có vẫn giữ nguyên.');
    expect(await s.page.getByTestId('import-report').count()).toBe(0);
    expect(await s.page.getByTestId('import-error').count()).toBe(0);
    expect(await loaded()).toEqual(before);

    // 2. read to the end, then stopped while its tables go into DuckDB: the rows appended are taken out again
    await s.page.getByTestId('import-file').setInputFiles(big);
    await s.page.waitForSelector('[data-testid="import-report"]', { timeout: 90_000 });
    expect(await count('accepted')).toBe(100_000);
    const seenLoading = cancelWhen('đang nạp dữ liệu');
    await s.page.getByTestId('import-apply').click();
    expect((await seenLoading).at(-1)).toMatch(/^national_100k\.csv: đang nạp dữ liệu · \d+%/);
    await expect.poll(cancelled).toMatch(/^Đã huỷ nhập/);
    expect(await loaded()).toEqual(before);
    // the report stays, to be applied again or closed
    expect(await count('accepted')).toBe(100_000);
    await s.page.getByRole('button', { name: 'Huỷ' }).click();

    // 3. a fresh worker reads the next file, which loads as it should
    await api(s, 'setProvince', '45');
    await read('qt_poverty_2023_two_row_header.xlsx');
    expect(await count('accepted')).toBe(13);
    await s.page.getByTestId('import-apply').click();
    await s.page.waitForSelector('[data-testid="import-message"]');
    await settle(s);
    const after = await loaded();
    expect(after.datasets).toHaveLength(before.datasets.length + 1);
    expect(after.stored).toBe(before.stored + 1);
    expect(await sql(s, 'SELECT poor, provenance FROM poverty_year WHERE unit_code = ? AND year = 2023', ['19474'])).toEqual([{ poor: 64, provenance: 'imported' }]);
  });
});
