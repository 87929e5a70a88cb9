// Builds the programme-data assets: npx tsx data/build.ts [--if-stale]
// Reads the unit lists (NTM_DATA_PACK) and facts (NTM_FACTS), runs the seeded illustrative generator and writes
// Arrow IPC streams + data_manifest.json into public/generated/.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MissingDataPackError, generatedDir } from '../geo/lib/paths.ts';
import { tableToIpcStream } from './arrow/to-ipc.ts';
import { DEFAULT_SEED, generateIllustrative } from './generate/index.ts';
import { Aggregates, calibrationSummary } from './generate/report.ts';
import type { DataTables } from './model/tables.ts';
import { rowCount } from './model/tables.ts';
import { describeInputs, inputPaths, loadInputs, type InputFile } from './node/load-inputs.ts';
import { TABLES } from '../src/common/schema.ts';

const dataDir = dirname(fileURLToPath(import.meta.url));
/** Code shared with the app that decides the output too: the schema and the Arrow encoder. */
const commonDir = resolve(dataDir, '../src/common');
export const MANIFEST = 'data_manifest.json';

/** The asset of every table this build writes (src/common/schema.ts), in the schema's order. */
export const OUTPUT_FILES = Object.fromEntries(
  Object.entries(TABLES).flatMap(([name, t]) => ('build' in t && t.build === 'data' ? [[name, t.asset]] : [])),
) as Record<keyof DataTables, string>;

export interface DataManifest {
  seed: number;
  generatedAt: string;
  tables: Record<string, { file: string; rows: number; bytes: number; gzipBytes: number }>;
  inputs: InputFile[];
}

/** Newest mtime of the files and folders under dir (a folder's mtime catches deleted or renamed files). */
function newestMtime(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why a rebuild is needed, or null when the manifest matches the inputs, the seed and the data/ sources. */
export function staleReason(outDir: string, seed: number): string | null {
  const manifestPath = resolve(outDir, MANIFEST);
  if (!existsSync(manifestPath)) return 'no manifest';
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as DataManifest;
  if (manifest.seed !== seed) return 'seed changed';
  const paths = inputPaths();
  const now = describeInputs([paths.communes, paths.districts, ...Object.values(paths.facts)]);
  if (JSON.stringify(now) !== JSON.stringify(manifest.inputs)) return 'inputs changed';
  for (const file of Object.values(OUTPUT_FILES)) if (!existsSync(resolve(outDir, file))) return `${file} missing`;
  const built = statSync(manifestPath).mtimeMs;
  if (newestMtime(dataDir) > built) return 'data/ sources changed';
  if (newestMtime(commonDir) > built) return 'src/common sources changed';
  return null;
}

export function build(outDir: string, seed: number): { manifest: DataManifest; summary: string[]; ms: number } {
  const t0 = performance.now();
  const inputs = loadInputs();
  const { tables, facts } = generateIllustrative({ communes: inputs.communes, districts: inputs.districts, facts: inputs.facts, seed });
  const genMs = performance.now() - t0;
  mkdirSync(outDir, { recursive: true });
  const manifest: DataManifest = { seed, generatedAt: new Date().toISOString(), tables: {}, inputs: inputs.files };
  for (const name of Object.keys(OUTPUT_FILES) as (keyof DataTables)[]) {
    const bytes = tableToIpcStream(name, tables[name] as never);
    writeFileSync(resolve(outDir, OUTPUT_FILES[name]), bytes);
    manifest.tables[name] = { file: OUTPUT_FILES[name], rows: rowCount(tables[name]), bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength };
  }
  writeFileSync(resolve(outDir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  const summary = calibrationSummary(new Aggregates(tables, inputs.communes, inputs.districts), facts.published);
  summary.unshift(`generator ${genMs.toFixed(0)} ms`);
  return { manifest, summary, ms: performance.now() - t0 };
}

function main(): void {
  const ifStale = process.argv.includes('--if-stale');
  try {
    if (ifStale) {
      const reason = staleReason(generatedDir, DEFAULT_SEED);
      if (reason === null) {
        console.log('data: up to date (public/generated/data_manifest.json)');
        return;
      }
      console.log(`data: rebuilding (${reason})`);
    }
    const { manifest, summary, ms } = build(generatedDir, DEFAULT_SEED);
    console.log(`data: seed ${manifest.seed}, ${ms.toFixed(0)} ms → ${generatedDir}`);
    for (const t of Object.values(manifest.tables))
      console.log(`  ${t.file.padEnd(27)} ${String(t.rows).padStart(7)} rows ${(t.bytes / 1024).toFixed(0).padStart(6)} KiB (gzip ${(t.gzipBytes / 1024).toFixed(0)} KiB)`);
    console.log('calibration (computed from the output):');
    for (const line of summary) console.log(`  ${line}`);
    if (summary.some((l) => l.startsWith('BAD'))) process.exitCode = 1;
  } catch (e) {
    if (e instanceof MissingDataPackError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
