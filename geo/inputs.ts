// The data-pack files the geo build reads, and loading them.
import { readFileSync } from 'node:fs';
import { readCsv } from './lib/csv.ts';
import { requireFile } from './lib/paths.ts';
import { REFORM_INPUT_FILES } from './reform/build-reform.ts';
import type { BoundaryFeature, BoundaryLayer, Level, UnitLists } from './types.ts';

export const UNIT_FILES = {
  provinces: 'units/provinces_2024-02-01.csv',
  districts: 'units/districts_2024-02-01.csv',
  communes: 'units/communes_2024-02-01.csv',
} as const;

export interface LayerSpec {
  readonly name: string;
  readonly file: string;
  readonly level: Level;
  readonly provinceCode?: string;
}

export const LAYER_SPECS: readonly LayerSpec[] = [
  { name: 'provinces', file: 'geo/provinces_2024_simplified.geojson', level: 'province' },
  { name: 'districts', file: 'geo/districts_2024_simplified.geojson', level: 'district' },
  { name: 'communes', file: 'geo/communes_2024_simplified.geojson', level: 'commune' },
  { name: 'communes_45', file: 'geo/focus/communes_2024_45_quang_tri.geojson', level: 'commune', provinceCode: '45' },
  { name: 'communes_08', file: 'geo/focus/communes_2024_08_tuyen_quang.geojson', level: 'commune', provinceCode: '08' },
  { name: 'communes_83', file: 'geo/focus/communes_2024_83_ben_tre.geojson', level: 'commune', provinceCode: '83' },
];

export const INPUT_FILES: readonly string[] = [...Object.values(UNIT_FILES), ...LAYER_SPECS.map((l) => l.file), ...REFORM_INPUT_FILES];

/** A problem with the inputs that should be reported as one message, without a stack trace. */
export class InputError extends Error {}

export interface Inputs {
  lists: UnitLists;
  layers: BoundaryLayer[];
}

function readGeoJson(path: string, relative: string): BoundaryFeature[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(`${relative}: cannot parse GeoJSON: ${(e as Error).message}`);
  }
  const features = (parsed as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new InputError(`${relative}: not a GeoJSON FeatureCollection`);
  return features as BoundaryFeature[];
}

function readUnits(path: string, relative: string): Record<string, string>[] {
  try {
    return readCsv(path);
  } catch (e) {
    throw new InputError(`${relative}: ${(e as Error).message}`);
  }
}

export function loadInputs(packDir: string): Inputs {
  // Resolve every file first so a missing pack is reported before any parsing.
  const paths = new Map(INPUT_FILES.map((f) => [f, requireFile(packDir, f, 'NTM_DATA_PACK')]));
  const path = (f: string) => paths.get(f) as string;
  const lists: UnitLists = {
    provinces: readUnits(path(UNIT_FILES.provinces), UNIT_FILES.provinces),
    districts: readUnits(path(UNIT_FILES.districts), UNIT_FILES.districts),
    communes: readUnits(path(UNIT_FILES.communes), UNIT_FILES.communes),
    files: UNIT_FILES,
  };
  const layers = LAYER_SPECS.map((spec) => ({ ...spec, features: readGeoJson(path(spec.file), spec.file) }));
  return { lists, layers };
}
