// Entry: npx tsx prebuilt/build.ts [--if-stale]
// Writes public/generated/first_map.arrow: the first map's colours (status and criteria of every unit and year),
// computed by the app's SQL on DuckDB-WASM in Node, keyed to the data version of the assets they come from.
// Runs after geo/build.ts and data/build.ts (npm run assets).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIRST_MAP_ASSET, decodeFirstMap, encodeFirstMap } from '../src/common/first-map';
import { generatedDir, repoRoot } from '../geo/lib/paths.ts';
import { computeFirstMap, dataVersionOf, firstMapInputs } from './first-map';
import { wasmEngineVersion } from './wasm-engine';

/** The code the values depend on: this build, the app's loaders and SQL, the shared schema and encoder. */
const codeDirs = ['prebuilt', 'src/db', 'src/common'].map((d) => resolve(repoRoot, d));

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

const read = (dir: string) => async (name: string) => new Uint8Array(readFileSync(join(dir, name)));

/** Why the first map must be computed again, or null when it matches its inputs, its code and its engine. */
export async function staleReason(outDir: string): Promise<string | null> {
  const path = join(outDir, FIRST_MAP_ASSET);
  if (!existsSync(path)) return `no ${FIRST_MAP_ASSET}`;
  const missing = firstMapInputs.find((name) => !existsSync(join(outDir, name)));
  if (missing) return `input ${missing} is missing`;
  let shipped: string;
  try {
    shipped = decodeFirstMap(new Uint8Array(readFileSync(path))).dataVersion;
  } catch (e) {
    return `unreadable ${FIRST_MAP_ASSET} (${(e as Error).message})`;
  }
  if (shipped !== (await dataVersionOf(read(outDir)))) return 'the input assets changed';
  const built = statSync(path).mtimeMs;
  const newer = codeDirs.find((d) => newestMtime(d) > built);
  if (newer) return `${newer} is newer`;
  if (statSync(resolve(repoRoot, 'package-lock.json')).mtimeMs > built) return 'package-lock.json is newer (engine version)';
  return null;
}

async function main(argv: string[]): Promise<number> {
  const outDir = generatedDir;
  if (argv.includes('--if-stale')) {
    const reason = await staleReason(outDir);
    if (reason === null) {
      console.log(`first map: up to date (${FIRST_MAP_ASSET})`);
      return 0;
    }
    console.log(`first map: rebuilding (${reason})`);
  }
  const missing = firstMapInputs.find((name) => !existsSync(join(outDir, name)));
  if (missing) {
    console.error(`first map: ${join(outDir, missing)} is missing: run geo/build.ts and data/build.ts first (npm run assets)`);
    return 1;
  }
  const t0 = performance.now();
  const first = await computeFirstMap(read(outDir));
  const bytes = encodeFirstMap(first);
  writeFileSync(join(outDir, FIRST_MAP_ASSET), bytes);
  console.log(
    `first map: ${first.code.length} units x ${first.years.length} years, data version ${first.dataVersion}, DuckDB-WASM ${wasmEngineVersion()}, ` +
      `${(bytes.byteLength / 1024).toFixed(0)} KiB (gzip ${(gzipSync(bytes).byteLength / 1024).toFixed(0)} KiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
