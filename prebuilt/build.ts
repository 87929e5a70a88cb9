// Entry: npx tsx prebuilt/build.ts [--if-stale]
// Writes public/generated/first_map*.arrow, one per vintage: the first map's colours (status and criteria of every
// unit and year...), computed by the app's SQL on DuckDB-WASM in Node, keyed to the data version of their assets.
// Runs after geo/build.ts and data/build.ts (npm run assets).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeFirstMap, encodeFirstMap, firstMapAsset } from '../src/common/first-map';
import { VINTAGES, type Vintage } from '../src/common/vintage';
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

/** Why a vintage's first map must be computed again, or null when it matches its inputs, its code and its engine. */
export async function staleReason(outDir: string, vintage: Vintage): Promise<string | null> {
  const asset = firstMapAsset(vintage);
  const path = join(outDir, asset);
  if (!existsSync(path)) return `no ${asset}`;
  const missing = firstMapInputs(vintage).find((name) => !existsSync(join(outDir, name)));
  if (missing) return `input ${missing} is missing`;
  let shipped: string;
  try {
    shipped = decodeFirstMap(new Uint8Array(readFileSync(path))).dataVersion;
  } catch (e) {
    return `unreadable ${asset} (${(e as Error).message})`;
  }
  if (shipped !== (await dataVersionOf(read(outDir), vintage))) return 'the input assets changed';
  const built = statSync(path).mtimeMs;
  const newer = codeDirs.find((d) => newestMtime(d) > built);
  if (newer) return `${newer} is newer`;
  if (statSync(resolve(repoRoot, 'package-lock.json')).mtimeMs > built) return 'package-lock.json is newer (engine version)';
  return null;
}

async function main(argv: string[]): Promise<number> {
  const outDir = generatedDir;
  for (const vintage of VINTAGES) {
    const asset = firstMapAsset(vintage);
    if (argv.includes('--if-stale')) {
      const reason = await staleReason(outDir, vintage);
      if (reason === null) {
        console.log(`first map: up to date (${asset})`);
        continue;
      }
      console.log(`first map: rebuilding ${asset} (${reason})`);
    }
    const missing = firstMapInputs(vintage).find((name) => !existsSync(join(outDir, name)));
    if (missing) {
      console.error(`first map: ${join(outDir, missing)} is missing: run geo/build.ts and data/build.ts first (npm run assets)`);
      return 1;
    }
    const t0 = performance.now();
    const first = await computeFirstMap(read(outDir), vintage);
    const bytes = encodeFirstMap(first);
    writeFileSync(join(outDir, asset), bytes);
    console.log(
      `first map ${asset}: ${first.code.length} units x ${first.years.length} years (${Object.keys(first.matrices).join(', ')}), data version ${first.dataVersion}, ` +
        `DuckDB-WASM ${wasmEngineVersion()}, ${(bytes.byteLength / 1024).toFixed(0)} KiB (gzip ${(gzipSync(bytes).byteLength / 1024).toFixed(0)} KiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
