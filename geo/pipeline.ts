// The geo build: load the pack, validate, compute label points, write Arrow tables, geometry and manifest.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { featureCode } from './features.ts';
import { encodeGeometry, type EncodeOptions } from './geometry-encode.ts';
import { readGeometryHeader } from '../src/common/geometry-format.ts';
import { INPUT_FILES, loadInputs } from './inputs.ts';
import { labelPoint } from './label-points.ts';
import { writeArrow } from './lib/arrow-out.ts';
import { MANIFEST_FORMAT_VERSION, MANIFEST_NAME, statInputs, type FileStat, type Manifest } from './manifest.ts';
import { coverageWarnings, formatProvinceTable, polygonCodes, summarizeProvinces } from './summary.ts';
import { communeColumns, districtColumns, geomColumns, provinceColumns } from './tables.ts';
import { formatIssue, type BoundaryLayer, type Issue } from './types.ts';
import { indexUnits, kinkReport, validateBoundaryLayer, validateUnitLists } from './validate.ts';
import { buildReform, loadReformInputs, type ReformOutput } from './reform/build-reform.ts';
import { basemapColumns, basemapLabelColumns, buildBasemap } from './basemap.ts';
import { basemapAssets } from '../src/common/basemap-assets.ts';

export class ValidationFailed extends Error {
  constructor(readonly issues: Issue[]) {
    super(`${issues.length} validation error(s)`);
  }
}

export interface BuildOptions {
  packDir: string;
  outDir: string;
  log?: (line: string) => void;
}

const MAX_WARNINGS_SHOWN = 15;

/**
 * Overview levels of detail: a coarser copy of a layer for small zooms, same features in the same order (so the
 * same geom_<layer>.arrow), written as geom_<layer>.overview.bin. 0.004 degrees is 0.2 px at the national view
 * (about 0.019 degrees per pixel) and under a pixel up to zoom 7.5; shared boundaries are simplified once, so
 * neighbours stay gap-free. Positions on a 1e-4 degree grid (11 m).
 */
export const OVERVIEW_LODS: Readonly<Record<string, EncodeOptions>> = {
  communes: { simplify: 0.004, gridPerDegree: 1e4 },
  communes_2025: { simplify: 0.004, gridPerDegree: 1e4 },
};

export const overviewAsset = (layer: string) => `geom_${layer}.overview.bin`;

function listSome(items: readonly string[], max = 8): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} … (${items.length})` : items.join(', ');
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`.padStart(11);
}

function labelsByCode(layer: BoundaryLayer, labels: readonly (readonly [number, number])[]): Map<string, readonly [number, number]> {
  const map = new Map<string, readonly [number, number]>();
  layer.features.forEach((f, i) => {
    const code = featureCode(f, layer.level);
    if (code !== null) map.set(code, labels[i]);
  });
  return map;
}

export function buildGeo({ packDir, outDir, log = console.log }: BuildOptions): Manifest {
  const { lists, layers } = loadInputs(packDir);
  const byName = new Map(layers.map((l) => [l.name, l]));
  const layer = (name: string) => byName.get(name) as BoundaryLayer;

  const index = indexUnits(lists);
  const reform: ReformOutput = buildReform(loadReformInputs(packDir), lists, layer('communes'));
  const issues = [
    ...validateUnitLists(lists), ...layers.flatMap((l) => validateBoundaryLayer(l, lists, index)), ...reform.issues,
  ];
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length > 0) throw new ValidationFailed(errors);

  const focus = layers.filter((l) => l.provinceCode !== undefined);
  const warnings = [...issues, ...coverageWarnings(lists, layer('communes'), focus)];
  for (const l of layers) {
    const kinks = kinkReport(l);
    if (kinks.touches > 0) log(`${l.file}: rings touch at a single vertex in ${listSome(kinks.featuresWithTouches)} (valid, drawn fine)`);
    warnings.push(...kinks.issues);
  }
  if (warnings.length > 0) {
    log(`${warnings.length} warning(s):`);
    for (const w of warnings.slice(0, MAX_WARNINGS_SHOWN)) log(`  ${formatIssue(w)}`);
    if (warnings.length > MAX_WARNINGS_SHOWN) log(`  … and ${warnings.length - MAX_WARNINGS_SHOWN} more`);
  }

  mkdirSync(outDir, { recursive: true });
  // Without a manifest a half-written output can never pass --if-stale.
  rmSync(resolve(outDir, MANIFEST_NAME), { force: true });
  const files: Record<string, FileStat> = {};
  const writeTable = (name: string, columns: Parameters<typeof writeArrow>[1]) => {
    files[name] = writeArrow(resolve(outDir, name), columns);
  };

  log('layer                features  vertices        raw bin       gzip');
  const labels = new Map<string, (readonly [number, number])[]>();
  const writeBin = (name: string, bin: Uint8Array, label: string) => {
    writeFileSync(resolve(outDir, name), bin);
    const header = readGeometryHeader(bin);
    const binStat = { bytes: bin.byteLength, gzipBytes: gzipSync(bin).byteLength, features: header.nFeatures, vertices: header.nVertices };
    files[name] = binStat;
    log(`${label.padEnd(20)} ${String(header.nFeatures).padStart(8)} ${String(header.nVertices).padStart(9)} ${kb(binStat.bytes)} ${kb(binStat.gzipBytes)}`);
  };
  const writeLayer = (l: BoundaryLayer) => {
    writeBin(`geom_${l.name}.bin`, encodeGeometry(l.features), l.name);
    const overview = OVERVIEW_LODS[l.name];
    if (overview) writeBin(overviewAsset(l.name), encodeGeometry(l.features, overview), `${l.name} (overview)`);
  };
  for (const l of layers) {
    const points = l.features.map((f) => labelPoint(f.geometry));
    labels.set(l.name, points);
    writeLayer(l);
    writeTable(`geom_${l.name}.arrow`, geomColumns(l, points));
  }
  // the post-reform vintage: its layers, unit tables and the crosswalk (tables named by vintage)
  for (const { layer: l } of reform.layers) writeLayer(l);
  for (const [name, columns] of Object.entries(reform.tables)) writeTable(name, columns);
  const split = new Set(reform.crosswalk.rows.filter((r) => r.nTargets > 1).map((r) => r.oldCode));
  log(`post-reform: ${reform.crosswalk.rows.length} crosswalk rows, ${split.size} old communes split, ${reform.crosswalk.unmapped.length} unmapped`);
  // the land around Việt Nam (Natural Earth), on a 1e-4 degree grid: context only
  const basemap = buildBasemap();
  writeBin(basemapAssets.geometry, encodeGeometry(basemap.land.features, { gridPerDegree: 1e4 }), 'basemap land');
  writeTable(basemapAssets.attributes, basemapColumns(basemap));
  writeTable(basemapAssets.labels, basemapLabelColumns());
  log(`basemap: dropped as claims in the Biển Đông: ${basemap.droppedParts.map((d) => `${d.name} ${d.count}`).join(', ')}`);

  const withPolygon = polygonCodes(layer('communes'));
  const labelsOf = (name: string) => labelsByCode(layer(name), labels.get(name) ?? []);
  writeTable('units_provinces.arrow', provinceColumns(lists, labelsOf('provinces')));
  writeTable('units_districts.arrow', districtColumns(lists, labelsOf('districts')));
  writeTable('units_communes.arrow', communeColumns(lists, labelsOf('communes'), withPolygon));
  for (const name of ['units_provinces.arrow', 'units_districts.arrow', 'units_communes.arrow']) {
    log(`${name.padEnd(22)} ${String(files[name].rows).padStart(6)} rows ${kb(files[name].bytes)} ${kb(files[name].gzipBytes)}`);
  }

  const summary = summarizeProvinces(lists, layer('communes'));
  log('');
  log(formatProvinceTable(summary));

  const manifest: Manifest = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    dataPack: packDir,
    inputs: statInputs(packDir, INPUT_FILES),
    files,
    provinces: Object.fromEntries(
      Object.entries(summary).map(([code, { specialFeatures: _special, ...rest }]) => [code, rest]),
    ),
  };
  writeFileSync(resolve(outDir, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
