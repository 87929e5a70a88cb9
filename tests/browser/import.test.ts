import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

async function read(name: string) {
  await s.page.getByTestId('import-file').setInputFiles(fixture(name));
  await s.page.waitForSelector('[data-testid="import-report"], [data-testid="import-error"]');
}

const count = async (k: string) => Number(await s.page.locator(`[data-testid="import-counts"] tr[data-count="${k}"] td`).textContent());

describe('importing a province’s own tables in the browser', () => {
  test('a two-row-header XLSX with a total row loads as 2023 poverty rows, with provenance', async () => {
    await read('qt_poverty_2023_two_row_header.xlsx');
    expect(await count('read')).toBe(13);
    expect(await count('matched')).toBe(13);
    expect(await count('skippedTotals')).toBe(1);
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
    expect(await count('matched')).toBeGreaterThan(0);
    await s.page.getByRole('button', { name: /Huỷ|Cancel/ }).click();
  });

  test('names without diacritics: matched, ambiguous and unmatched rows listed; one resolved by hand', async () => {
    await api(s, 'setProvince', '83');
    await read('bt_names_no_diacritics.csv');
    expect([await count('read'), await count('matched'), await count('ambiguous'), await count('unmatched')]).toEqual([19, 13, 3, 3]);
    const ambiguousRow = s.page.locator('[data-testid="import-resolve"] tr[data-row="4"] select');
    await ambiguousRow.selectOption('29161');
    expect(await count('matched')).toBe(14);
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
    await s.page.getByTestId('clear-imports').click();
    await s.page.waitForFunction(async () => {
      const r = await (window as any).ntmAtlas.sql("SELECT count(*)::INTEGER AS n FROM poverty_year WHERE provenance = 'imported'");
      return r[0].n === 0;
    });
    const sample = await sql<{ provenance: string }>(s, 'SELECT provenance FROM poverty_year WHERE unit_code = ? AND year = 2023', ['19474']);
    expect(sample).toEqual([{ provenance: 'illustrative' }]);
  });
});
