import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeGeometry } from '../../../src/common/geometry-format.ts';
import { INPUT_FILES, LAYER_SPECS } from '../../../geo/inputs.ts';
import { dataPackDir, repoRoot } from '../../../geo/lib/paths.ts';
import type { Manifest } from '../../../geo/manifest.ts';
import { buildGeo, overviewAsset } from '../../../geo/pipeline.ts';
import { staleReason } from '../../../geo/stale.ts';
import { REFORM_ASSETS } from '../../../geo/reform/build-reform.ts';
import { basemapAssets } from '../../../src/common/basemap-assets.ts';

const fixturePack = resolve(__dirname, 'in', 'pack');
const temp = mkdtempSync(join(tmpdir(), 'ntm-geo-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const readTable = (dir: string, name: string) => tableFromIPC(readFileSync(join(dir, name)));
const rows = (dir: string, name: string) => readTable(dir, name).toArray().map((r) => r.toJSON());

describe('buildGeo on the fixture pack', () => {
  const packDir = join(temp, 'pack');
  const outDir = join(temp, 'out');
  const codeDir = join(temp, 'code');
  cpSync(fixturePack, packDir, { recursive: true });
  cpSync(resolve(repoRoot, 'geo', 'types.ts'), join(codeDir, 'types.ts'));
  const lines: string[] = [];
  const manifest = buildGeo({ packDir, outDir, log: (l) => lines.push(l) });

  it('writes every layer and table listed in the manifest', () => {
    const expected = [
      ...LAYER_SPECS.flatMap((l) => [`geom_${l.name}.arrow`, `geom_${l.name}.bin`]),
      overviewAsset('communes'),
      'units_provinces.arrow',
      'units_districts.arrow',
      'units_communes.arrow',
      ...['provinces_2025', 'communes_2025'].flatMap((l) => [`geom_${l}.arrow`, `geom_${l}.bin`]),
      overviewAsset('communes_2025'),
      ...Object.values(REFORM_ASSETS),
      ...Object.values(basemapAssets),
    ];
    expect(Object.keys(manifest.files).sort()).toEqual(expected.sort());
    for (const name of expected) expect(existsSync(join(outDir, name))).toBe(true);
    const written = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    expect(written.formatVersion).toBe(2);
    expect(written.inputs.map((i) => i.path)).toEqual(INPUT_FILES);
    expect(written.provinces['83']).toEqual({ name: 'Tỉnh Bến Tre', districts: 1, communes: 2, communesWithPolygon: 1, communesWithoutPolygon: ['28757'] });
    expect(manifest.files['geom_communes.bin']).toMatchObject({ features: 5, vertices: 26 });
    expect(manifest.files[overviewAsset('communes')]).toMatchObject({ features: 5 });
  });

  it('writes the post-reform vintage: its units and the crosswalk from the 2024 communes, splits apportioned by area', () => {
    expect(rows(outDir, REFORM_ASSETS.provinces).map((r) => [r.province_code, r.n_communes])).toEqual([['08', 1], ['44', 1], ['86', 2]]);
    const crosswalk = rows(outDir, REFORM_ASSETS.crosswalk).map((r) => [r.old_commune_code, r.new_commune_code, r.part_type, r.share_method, Number((r.share as number).toFixed(3))]);
    expect(crosswalk).toEqual([
      ['02206', '02206', 'full', 'whole', 1],
      ['19333', '19333', 'full', 'whole', 1],
      ['19336', '19333', 'full', 'whole', 1],
      ['28757', '28777', 'full', 'whole', 1],
      // the old polygon has a hole of 0.25 square degrees in the eastern part: west 0.25, east 0.75 - 0.25
      ['28777', '28777', 'partial', 'area', 0.333],
      ['28777', '28780', 'partial', 'area', 0.667],
    ]);
    expect(lines.join('\n')).toMatch(/post-reform: 6 crosswalk rows, 1 old communes split, 0 unmapped/);
  });

  it('writes unit tables with counted children and label points', () => {
    expect(rows(outDir, 'units_districts.arrow').map((r) => [r.district_code, r.n_communes])).toEqual([
      ['070', 1],
      ['461', 2],
      ['471', 0],
      ['829', 2],
    ]);
    const communes = rows(outDir, 'units_communes.arrow');
    expect(communes.find((r) => r.commune_code === '28757')).toMatchObject({ has_polygon: false, polygon_note: 'created after 2008' });
    expect(communes.find((r) => r.commune_code === '28757')?.label_lon).toBeNaN();
    expect(communes.find((r) => r.commune_code === '02206')).toMatchObject({ has_polygon: true, label_lon: 105.5, label_lat: 21.5 });
    const provinces = readTable(outDir, 'units_provinces.arrow');
    expect(provinces.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'province_code:Utf8',
      'province_name:Utf8',
      'province_type:Utf8',
      'n_districts:Int32',
      'n_communes:Int32',
      'label_lon:Float64',
      'label_lat:Float64',
    ]);
  });

  it('writes one geom row per feature, aligned with the binary geometry', () => {
    const geom = rows(outDir, 'geom_communes_45.arrow');
    expect(geom.map((r) => [r.feature_index, r.code, r.kind, r.name])).toEqual([
      [0, '19333', 'unit', 'Phường 1'],
      [1, '19336', 'unit', 'Phường 2'],
      [2, null, 'district_without_communes', 'Huyện Cồn Cỏ'],
    ]);
    const g = decodeGeometry(readFileSync(join(outDir, 'geom_communes_45.bin')));
    expect(g.nFeatures).toBe(geom.length);
    expect(Array.from(g.polygonFeature)).toEqual([0, 1, 2]);
    const benTre = decodeGeometry(readFileSync(join(outDir, 'geom_communes_83.bin')));
    expect(benTre.triangles.length / 3).toBe(8); // square with a square hole
  });

  it('prints the province summary', () => {
    expect(lines.join('\n')).toMatch(/83\s+Tỉnh Bến Tre\s+1\s+2\s+1\s+0\s+1: 28757/);
  });

  it('is up to date until an input or the build code changes', () => {
    expect(staleReason(outDir, packDir, codeDir, INPUT_FILES)).toBeNull();
    const future = Date.now() / 1000 + 60;
    utimesSync(join(codeDir, 'types.ts'), future, future);
    expect(staleReason(outDir, packDir, codeDir, INPUT_FILES)).toMatch(/types\.ts is newer than the manifest/);
    utimesSync(join(codeDir, 'types.ts'), 1, 1);
    const csv = join(packDir, 'units', 'communes_2024-02-01.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8') + '\n');
    expect(staleReason(outDir, packDir, codeDir, INPUT_FILES)).toBe('input units/communes_2024-02-01.csv changed');
    expect(staleReason(join(temp, 'nowhere'), packDir, codeDir, INPUT_FILES)).toBe('no readable manifest.json');
  });
});

describe('geo/build.ts command line', () => {
  const tsx = resolve(repoRoot, 'node_modules', '.bin', 'tsx');
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(tsx, ['geo/build.ts', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8' });

  it('explains a missing data pack without a stack trace', () => {
    const result = run(['--out', join(temp, 'cli-out')], { NTM_DATA_PACK: join(temp, 'no-such-pack') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Data pack file not found');
    expect(result.stderr).toContain('NTM_DATA_PACK');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with file, code and problem on a broken pack', () => {
    const broken = join(temp, 'broken');
    cpSync(fixturePack, broken, { recursive: true });
    const csv = join(broken, 'units', 'communes_2024-02-01.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('02206,Phường Tân Quang,Phường,070', '02206,Phường Tân Quang,Phường,071'));
    const result = run(['--out', join(temp, 'cli-out')], { NTM_DATA_PACK: broken });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('units/communes_2024-02-01.csv: 02206: district_code 071 is not in units/districts_2024-02-01.csv');
  });

  it('skips the build with --if-stale when nothing changed', () => {
    const out = join(temp, 'cli-stale');
    const env = { NTM_DATA_PACK: fixturePack };
    const first = run(['--if-stale', '--out', out], env);
    expect(first.stderr + first.stdout).toContain('geo assets written');
    const second = run(['--if-stale', '--out', out], env);
    expect(second.status).toBe(0);
    expect(second.stdout.trim()).toBe('geo assets up to date');
  });
});

// The real pack takes a few seconds; where it is missing, buildGeo fails with the pack's message (MissingDataPackError).
describe('buildGeo on the real data pack', () => {
  it('builds the focus provinces as documented', () => {
    const manifest = buildGeo({ packDir: dataPackDir(), outDir: join(temp, 'real'), log: () => {} });
    expect(manifest.provinces['45']).toMatchObject({ districts: 10, communes: 125, communesWithPolygon: 125 });
    expect(manifest.provinces['08']).toMatchObject({ districts: 7, communes: 138, communesWithPolygon: 138 });
    expect(manifest.provinces['83']).toMatchObject({ communes: 157, communesWithPolygon: 153 });
    expect([...manifest.provinces['83'].communesWithoutPolygon].sort()).toEqual(['28757', '28889', '28900', '28940']);
    expect(manifest.files['geom_communes.arrow'].rows).toBe(10492);
    // the national commune layer: full detail and the overview for small zooms, both well under 1.5 MB gzipped
    expect(manifest.files['geom_communes.bin']).toMatchObject({ features: 10492, vertices: 343973 });
    expect(manifest.files['geom_communes.bin'].gzipBytes).toBeLessThan(1_000_000);
    expect(manifest.files[overviewAsset('communes')].features).toBe(10492);
    expect(manifest.files[overviewAsset('communes')].gzipBytes).toBeLessThan(400_000);
    const full = decodeGeometry(readFileSync(join(temp, 'real', 'geom_communes.bin')));
    const overview = decodeGeometry(readFileSync(join(temp, 'real', overviewAsset('communes'))));
    // every polygon survives simplification (no commune vanishes at the national zoom)
    expect(Array.from(overview.polygonFeature)).toEqual(Array.from(full.polygonFeature));
    for (let p = 0; p < overview.polygonFeature.length; p++) expect(overview.polygonStarts[p + 1] - overview.polygonStarts[p]).toBeGreaterThanOrEqual(3);
  });
});
