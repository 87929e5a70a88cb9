// Entry: npx tsx geo/build.ts [--if-stale] [--out DIR]
// Reads the vn-admin data pack (NTM_DATA_PACK) and writes the browser's geo assets into public/generated/.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INPUT_FILES, InputError } from './inputs.ts';
import { MissingDataPackError, dataPackDir, generatedDir } from './lib/paths.ts';
import { staleReason } from './stale.ts';
import { formatIssue } from './types.ts';

const MAX_ERRORS_SHOWN = 40;

async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  if (outIndex >= 0 && !argv[outIndex + 1]) {
    console.error('usage: tsx geo/build.ts [--if-stale] [--out DIR]');
    return 1;
  }
  const outDir = outIndex >= 0 ? resolve(argv[outIndex + 1]) : generatedDir;
  const packDir = dataPackDir();
  const geoDir = dirname(fileURLToPath(import.meta.url));

  if (argv.includes('--if-stale')) {
    const reason = staleReason(outDir, packDir, [geoDir, resolve(geoDir, '..', 'src', 'common')], INPUT_FILES);
    if (reason === null) {
      console.log('geo assets up to date');
      return 0;
    }
    console.log(`geo assets stale: ${reason}`);
  }

  const started = performance.now();
  // Loaded only when building: turf and arrow take most of --if-stale's start-up time.
  const { ValidationFailed, buildGeo } = await import('./pipeline.ts');
  try {
    buildGeo({ packDir, outDir });
  } catch (e) {
    if (e instanceof ValidationFailed) {
      console.error(`geo build failed: ${e.issues.length} validation error(s) in the data pack ${packDir}`);
      for (const issue of e.issues.slice(0, MAX_ERRORS_SHOWN)) console.error(`  ${formatIssue(issue)}`);
      if (e.issues.length > MAX_ERRORS_SHOWN) console.error(`  … and ${e.issues.length - MAX_ERRORS_SHOWN} more`);
      return 1;
    }
    if (e instanceof MissingDataPackError || e instanceof InputError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  console.log(`geo assets written to ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
