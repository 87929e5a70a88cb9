// A province edition built from files the test makes (a Quảng Trị criteria table, a poverty report with two header
// rows): the build runs the app's import pipeline in Node, stops on a row waiting for a choice unless a resolutions
// file settles it, and ships the rows as the app then loads them (src/db/edition.ts) over, instead of or without the sample.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, test } from 'vitest';
import { EditionConfigError, findEdition } from '../../../edition/config';
import { buildEdition, EditionBlocked, type EditionBuild } from '../../../edition/build';
import { readUnits, readUnits2025 } from '../../../edition/units';
import { editionAsset, parseManifest } from '../../../src/common/edition';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import { render } from '../../../src/i18n/catalogue';
import { loadEditionCore, loadEditionRest } from '../../../src/db/edition';
import { buildUnitIndex, importTable, resolve as resolveRow } from '../../../src/import';
import { resolutionsDocument, resolutionsOf } from '../../../src/import/resolutions';
import { engineWithAssets, requireAssets } from '../helpers/real-assets';
import {
  expected, GENERATED, makeEditionFolder, OFFICE, quangTriUnits, TARGET_2030, TARGET_REFUSED_ROW, TARGETS_FILE, WAITING_CHOICE, WAITING_FILE, WAITING_ROW,
  waitingFileBytes, YEAR,
} from '../../fixtures/edition/make-edition';
import { scorecardSQL, type ScoredTarget } from '../../../src/db/sql/scorecard';

const repo = resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ntm-edition-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const units = () => {
  requireAssets();
  return readUnits(GENERATED);
};

async function build(options: Parameters<typeof makeEditionFolder>[1] = {}, extra: (dir: string) => void = () => undefined): Promise<EditionBuild> {
  const dir = await makeEditionFolder(tempDir(), options);
  extra(dir);
  const config = findEdition(repo, { NTM_EDITION: dir })!;
  return buildEdition(config, { units: units(), units2025: readUnits2025(GENERATED), currentYear: 2025 });
}

const rowsOfAsset = (b: EditionBuild, table: Parameters<typeof editionAsset>[0]) =>
  tableFromIPC(b.assets.get(editionAsset(table))!).toArray().map((r) => r.toJSON() as Record<string, unknown>);

/** The resolutions file a person saves from the fix-up list after choosing the unit of the waiting row. */
async function savedResolutions(): Promise<string> {
  const index = buildUnitIndex(quangTriUnits());
  const read = await importTable({ name: WAITING_FILE, bytes: waitingFileBytes() }, { units: index, province: '45', currentYear: 2025 });
  const chosen = resolveRow(read, WAITING_ROW, WAITING_CHOICE, index);
  return JSON.stringify(resolutionsDocument([resolutionsOf(chosen)]));
}

describe('building an edition', () => {
  test('every row of the criteria table and the two-header poverty report becomes a published row, with office, file and row', async () => {
    const b = await build();
    const { ntm, poverty } = expected();
    expect(b.manifest).toMatchObject({ name: 'Quảng Trị 2024', office: OFFICE, mode: 'beside', sample: true });
    expect(b.manifest.counts).toMatchObject({ commune_year: ntm.size, poverty_year: poverty.size, import_scope: 1 });
    expect(parseManifest(JSON.parse(JSON.stringify(b.manifest)))).toEqual(b.manifest);
    const cy = rowsOfAsset(b, 'commune_year');
    for (const r of cy) {
      const want = ntm.get(r.commune_code as string)!;
      expect({ year: r.year, count: r.criteria_met_count, tier: r.tier, provenance: r.provenance }).toEqual({ year: YEAR, count: want.criteria, tier: want.tier, provenance: 'published' });
    }
    expect(String(cy[0].source)).toMatch(new RegExp(`^Công bố: ${OFFICE} — qt_tieu_chi_2024\\.csv, dòng \\d+$`));
    const pov = rowsOfAsset(b, 'poverty_year');
    for (const r of pov) {
      const want = poverty.get(r.unit_code as string)!;
      expect({ households: r.households, poor: r.poor, near: r.near_poor, provenance: r.provenance }).toEqual({ ...want, provenance: 'published' });
    }
    // the report names the files, the year's source and where every row went
    expect(b.report).toContain('qt_ho_ngheo_2024.xlsx · Hộ nghèo 2024 · XLSX');
    expect(b.report).toContain('Dòng tiêu đề cột: 5, 6');
    expect(b.report).toMatch(/Sẽ được nhập: 125/);
  });

  test('a row waiting for a choice stops the build with the report; the resolutions file saved from the fix-up list settles it', async () => {
    const blocked = await build({ waiting: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(blocked).toBeInstanceOf(EditionBlocked);
    const report = (blocked as EditionBlocked).report;
    expect(report).toContain(`Dòng ${WAITING_ROW}: Phường 1 — nhiều khả năng: 19333 Phường 1, Thành phố Đông Hà; 19357 Phường 1, Thị xã Quảng Trị`);
    expect(report).toContain(`✗ ${WAITING_FILE}: 1 dòng còn chờ chọn`);

    const saved = await savedResolutions();
    const b = await build({ waiting: true }, (dir) => writeFileSync(join(dir, 'qt_phuong_2024.resolutions.json'), saved));
    expect(b.report).toContain('Tệp lựa chọn đã giải quyết 1 dòng');
    const chosen = rowsOfAsset(b, 'poverty_year').find((r) => r.unit_code === WAITING_CHOICE)!;
    expect(chosen.source).toBe(`Công bố: ${OFFICE} — ${WAITING_FILE}, dòng ${WAITING_ROW}`);
    expect(b.manifest.files.find((f) => f.file === WAITING_FILE)).toMatchObject({ resolved: 1, poverty: 2 });
  });

  test('a choice made on a row that has changed since is not applied: the build still stops, naming it', async () => {
    const saved = JSON.parse(await savedResolutions());
    saved.files[0].units[0].written.name = 'Phường 2';
    const blocked = await build({ waiting: true }, (dir) => writeFileSync(join(dir, 'resolutions.json'), JSON.stringify(saved))).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(EditionBlocked);
    expect((blocked as EditionBlocked).report).toContain('Lựa chọn cho dòng 3 (Phường 2, năm 2024) không còn khớp với tệp: bỏ qua');
  });

  test('vite build stops before bundling, printing the report, when a row waits for a choice', () => {
    const dir = tempDir();
    return makeEditionFolder(dir, { waiting: true }).then(() => {
      const out = spawnSync('npx', ['vite', 'build', '--outDir', join(dir, 'dist'), '--emptyOutDir'], { cwd: repo, env: { ...process.env, VITEST: '', NTM_EDITION: dir }, encoding: 'utf8', timeout: 120_000 });
      expect(out.status).not.toBe(0);
      const text = out.stdout + out.stderr;
      expect(text).toContain('Dòng 3: Phường 1 — nhiều khả năng');
      expect(text).toContain('Dừng dựng ấn bản: xem báo cáo ở trên.');
    });
  });
});

describe('which edition a build makes', () => {
  test('NTM_EDITION names the folder; else edition.config.json at the root, over the folder settings; "off" builds the sample site', async () => {
    const folder = await makeEditionFolder(join(tempDir(), 'qt'));
    const root = tempDir();
    expect(findEdition(root, {})).toBeNull();
    writeFileSync(join(root, 'edition.config.json'), JSON.stringify({ folder, mode: 'replace', sample: false, files: ['qt_tieu_chi_2024.csv'] }));
    expect(findEdition(root, {})).toMatchObject({ folder, name: 'Quảng Trị 2024', office: OFFICE, mode: 'replace', sample: false, files: [{ name: 'qt_tieu_chi_2024.csv' }] });
    expect(findEdition(root, { NTM_EDITION: 'off' })).toBeNull();
    expect(findEdition(root, { NTM_EDITION: folder })).toMatchObject({ mode: 'beside', sample: true, files: [{ name: 'qt_ho_ngheo_2024.xlsx' }, { name: 'qt_tieu_chi_2024.csv' }] });
    writeFileSync(join(folder, 'edition.json'), JSON.stringify({ name: 'X', dataDate: '2024' }));
    const missing = (() => {
      try {
        return findEdition(root, { NTM_EDITION: folder });
      } catch (e) {
        return e;
      }
    })();
    expect(missing).toBeInstanceOf(EditionConfigError);
    expect(render('vi', (missing as EditionConfigError).reason)).toContain('Thiếu mục "office"');
  });
});

describe('an edition in the app', () => {
  const engines: SqlEngine[] = [];
  async function appWith(b: EditionBuild): Promise<SqlEngine> {
    const e = await engineWithAssets();
    engines.push(e);
    const read = async (name: string) => b.assets.get(name) ?? new Uint8Array(readFileSync(join(GENERATED, name)));
    await loadEditionCore(e, read, b.manifest);
    await loadEditionRest(e, read, b.manifest);
    return e;
  }
  const count = async (e: SqlEngine, sql: string, params: unknown[] = []) => rowsOf<{ n: number }>(await e.query(`SELECT count(*)::INTEGER AS n FROM (${sql})`, params))[0].n;

  test('over the sample: the edition unit-years replace the sample ones, every other row stays, imports lay over it', async () => {
    const b = await build();
    const e = await appWith(b);
    const { ntm } = expected();
    const rows = rowsOf<{ commune_code: string; criteria_met_count: number; provenance: string; source: string }>(
      await e.query("SELECT commune_code, criteria_met_count, provenance, source FROM commune_year WHERE year = 2024 AND commune_code IN (SELECT commune_code FROM unit_commune WHERE province_code = '45')"),
    );
    expect(rows).toHaveLength(ntm.size);
    for (const r of rows) expect([r.criteria_met_count, r.provenance]).toEqual([ntm.get(r.commune_code)!.criteria, 'published']);
    expect(await count(e, "SELECT 1 FROM commune_year WHERE year = 2023 AND provenance = 'illustrative' AND commune_code LIKE '19%'")).toBeGreaterThan(0);
    const pov = rowsOf<{ provenance: string; source: string }>(await e.query("SELECT provenance, source FROM poverty_year WHERE year = 2024 AND unit_code = '19333'"));
    expect(pov).toEqual([{ provenance: 'published', source: expect.stringContaining('qt_ho_ngheo_2024.xlsx / Hộ nghèo 2024, dòng') }]);
    // removing every import (the data panel's "clear all") leaves the edition
    await e.query('DELETE FROM import_commune_year');
    expect(await count(e, "SELECT 1 FROM commune_year WHERE provenance = 'published'")).toBe(ntm.size);
  });

  test('sponsorships of the edition join the shipped ones (no dataset: removing imports keeps them), published by the office', async () => {
    const b = await build({}, (dir) =>
      writeFileSync(join(dir, 'qt_do_dau_2024.csv'), 'Mã xã,Tên xã,Năm,Đơn vị đỡ đầu\r\n19408,Xã Hiền Thành,2024,Hội Cựu chiến binh tỉnh\r\n19417,Xã Vĩnh Hà,2024,Hội Cựu chiến binh tỉnh\r\n'),
    );
    expect(b.manifest.counts.sponsorship).toBe(2);
    const e = await appWith(b);
    const rows = rowsOf<{ sponsor_id: string; commune_code: string; dataset: string | null; source: string }>(
      await e.query("SELECT sponsor_id, commune_code, dataset, source FROM sponsorship WHERE sponsor_org = 'Hội Cựu chiến binh tỉnh' ORDER BY commune_code"),
    );
    expect(rows).toEqual([
      { sponsor_id: '45-hoi-cuu-chien-binh-tinh', commune_code: '19408', dataset: null, source: `Công bố: ${OFFICE} — qt_do_dau_2024.csv, dòng 2` },
      { sponsor_id: '45-hoi-cuu-chien-binh-tinh', commune_code: '19417', dataset: null, source: `Công bố: ${OFFICE} — qt_do_dau_2024.csv, dòng 3` },
    ]);
    expect(await count(e, 'SELECT 1 FROM sponsorship WHERE dataset IS NULL')).toBeGreaterThan(2); // the shipped ones stay
  });

  test('a targets table ships published targets: new Quảng Trị (44) 2030 in the scorecard, its source naming the office, file and row', async () => {
    const b = await build({ targets: true });
    expect(b.manifest.counts.targets).toBe(1);
    expect(b.manifest.files.find((f) => f.file === TARGETS_FILE)).toMatchObject({ targets: 1, loaded: 1, rowsInFile: 4 });
    // the terminal report reads as the data panel's: per province and vintage, every row, the refused one with its reason
    expect(b.report).toContain(`${TARGETS_FILE} · CSV`);
    expect(b.report).toContain('1 chỉ tiêu cho Quảng Trị (Từ 1/7/2025)');
    expect(b.report).toContain('4 dòng trong tệp: 1 chỉ tiêu đọc được, 1 dòng bị từ chối, 2 dòng tiêu đề, 0 dòng trống.');
    expect(b.report).toContain(`✗ Dòng ${TARGET_REFUSED_ROW}, cột "Chỉ tiêu": không nhận ra chỉ tiêu "Tỷ lệ thôn sạch đẹp"`);
    expect(b.report).toContain('Chỉ tiêu công bố trong bảng điểm: 1.');
    const id = `edition:${b.manifest.id}|44|${TARGET_2030.indicator}|${TARGET_2030.target_year}`;
    expect(rowsOfAsset(b, 'targets')).toEqual([expect.objectContaining({ target_id: id, province_code: '44', province_name: 'Quảng Trị', value_num: TARGET_2030.value })]);
    const e = await appWith(b);
    const scored = rowsOf<ScoredTarget>(await e.query(scorecardSQL, ['44', 2030])).filter((r) => r.target_id === id);
    expect(scored).toEqual([
      expect.objectContaining({
        origin: 'fact', target_year: 2030, indicator: TARGET_2030.indicator, value_max: TARGET_2030.value, note: 'Tỉnh Quảng Trị sau sắp xếp',
        source: `Công bố: ${OFFICE} — ${TARGETS_FILE}, dòng ${TARGET_2030.row}`,
      }),
    ]);
    // old Quảng Bình (44 before the reform) has no 2030 target from it
    expect(await count(e, "SELECT 1 FROM targets WHERE target_year < 2026 AND source LIKE '%' || ? || '%'", [TARGETS_FILE])).toBe(0);
  });

  test('replacing the sample hides its rows in the province-years covered; sample off hides every illustrative row', async () => {
    const replace = await appWith(await build({ settings: { mode: 'replace' } }));
    // Quảng Trị 2024: only the edition's Xã rows (the Phường have no NTM rows anyway)
    expect(await count(replace, "SELECT 1 FROM commune_year y JOIN unit_commune u USING (commune_code) WHERE u.province_code = '45' AND y.year = 2024 AND y.provenance <> 'published'")).toBe(0);
    expect(await count(replace, "SELECT 1 FROM commune_year y JOIN unit_commune u USING (commune_code) WHERE u.province_code = '83' AND y.year = 2024 AND y.provenance = 'illustrative'")).toBeGreaterThan(0);
    const off = await appWith(await build({ settings: { sample: false } }));
    expect(await count(off, "SELECT 1 FROM commune_year WHERE provenance = 'illustrative'")).toBe(0);
    expect(await count(off, "SELECT 1 FROM poverty_year WHERE provenance = 'illustrative'")).toBe(0);
    expect(await count(off, "SELECT 1 FROM commune_year WHERE provenance = 'fact'")).toBeGreaterThan(0);
  });
});
