// Node-only: reads the unit lists (data pack) and the facts CSVs for the generator.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { readCsv } from '../../geo/lib/csv.ts';
import { dataPackDir, factsDir, repoRoot, requireFile } from '../../geo/lib/paths.ts';
import type { CommuneUnit, DistrictUnit, FactsInput } from '../model/units.ts';

export const UNIT_FILES = { communes: 'units/communes_2024-02-01.csv', districts: 'units/districts_2024-02-01.csv' } as const;
export const FACT_FILES = {
  published_figures: 'published_figures.csv',
  district_recognitions: 'district_recognitions.csv',
  commune_recognitions: 'commune_recognitions.csv',
  sponsorships: 'sponsorships.csv',
} as const;

export interface InputFile {
  path: string; // relative to the repository root when inside it, else absolute
  bytes: number;
  mtimeMs: number;
}

export interface LoadedInputs {
  communes: CommuneUnit[];
  districts: DistrictUnit[];
  facts: FactsInput;
  files: InputFile[];
}

/** Paths of every input, checked to exist (MissingDataPackError names the missing file and the env variable). */
export function inputPaths(): { communes: string; districts: string; facts: Record<keyof FactsInput, string> } {
  const pack = dataPackDir();
  const facts = factsDir();
  return {
    communes: requireFile(pack, UNIT_FILES.communes, 'NTM_DATA_PACK'),
    districts: requireFile(pack, UNIT_FILES.districts, 'NTM_DATA_PACK'),
    facts: Object.fromEntries(Object.entries(FACT_FILES).map(([k, f]) => [k, requireFile(facts, f, 'NTM_FACTS')])) as Record<keyof FactsInput, string>,
  };
}

export function describeInputs(paths: string[]): InputFile[] {
  return paths.map((p) => {
    const s = statSync(p);
    const rel = relative(repoRoot, p);
    return { path: rel.startsWith('..') && !rel.startsWith('../shared') ? p : rel, bytes: s.size, mtimeMs: s.mtimeMs };
  });
}

export function loadInputs(): LoadedInputs {
  const paths = inputPaths();
  const facts = Object.fromEntries(Object.entries(paths.facts).map(([k, p]) => [k, readCsv(p)])) as unknown as FactsInput;
  return {
    communes: readCsv(paths.communes) as unknown as CommuneUnit[],
    districts: readCsv(paths.districts) as unknown as DistrictUnit[],
    facts,
    files: describeInputs([paths.communes, paths.districts, ...Object.values(paths.facts)]),
  };
}
