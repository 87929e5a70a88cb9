// Files the benchmark serves under /bench-data/: the baseline's GeoJSON and JSON rows, synthetic tables, import CSVs.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { LAYER_SPECS } from '../../geo/inputs.ts';
import { dataPackDir } from '../../geo/lib/paths.ts';
import { importCsv, type UnitRow } from './import-data';
import { scaleSpecs, synthesize } from './synthetic';

const rowsOf = (path: string, columns: string[]) => {
  const t = tableFromIPC(readFileSync(path));
  const cols = columns.map((c) => t.getChild(c)!);
  return Array.from({ length: t.numRows }, (_, i) => Object.fromEntries(columns.map((c, k) => [c, cols[k].get(i) ?? null])));
};

/** The conventional app's inputs: the pack's commune and province GeoJSON as is, programme rows as JSON. */
export function writeBaselineData(dataDir: string, generatedDir: string): Record<string, string> {
  const file = (name: string) => LAYER_SPECS.find((l) => l.name === name)!.file;
  const communes = resolve(dataPackDir(), file('communes'));
  copyFileSync(communes, join(dataDir, 'communes.geojson'));
  copyFileSync(resolve(dataPackDir(), file('provinces')), join(dataDir, 'provinces.geojson'));
  const programme = {
    commune_year: rowsOf(join(generatedDir, 'commune_year.arrow'), ['commune_code', 'year', 'tier', 'criteria_met_count', 'ntm_year']),
    poverty_year: rowsOf(join(generatedDir, 'poverty_year.arrow'), ['unit_code', 'year', 'households', 'poor', 'near_poor']),
  };
  writeFileSync(join(dataDir, 'programme.json'), JSON.stringify(programme));
  return { communes: join(dataDir, 'communes.geojson'), programme: join(dataDir, 'programme.json') };
}

export interface ScaleFiles {
  scale: number;
  units: number;
  rows: number;
  values: number;
  indicators: number;
  factBytes: number;
}

export function writeScaleData(dataDir: string, units: UnitRow[], scales: number[]): ScaleFiles[] {
  return scales.map((scale) => {
    const t = synthesize(units.map((u) => u.commune_code), scaleSpecs[scale]);
    writeFileSync(join(dataDir, `syn_units_${scale}.arrow`), t.unitIPC);
    writeFileSync(join(dataDir, `syn_fact_${scale}.arrow`), t.factIPC);
    return { scale, units: t.units, rows: t.rows, values: t.values, indicators: t.spec.indicators, factBytes: t.factIPC.byteLength };
  });
}

export function writeImportData(dataDir: string, units: UnitRow[], sizes: number[]): Record<number, Uint8Array> {
  const out: Record<number, Uint8Array> = {};
  for (const n of sizes) {
    out[n] = importCsv(units, n);
    writeFileSync(join(dataDir, `import_${n}.csv`), out[n]);
  }
  return out;
}
