// Loads the built assets (public/generated) into the Node engine, through the app's own loaders.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlEngine } from '../../../src/db/engine';
import { loadAll } from '../../../src/db/load';
import { generatedDir } from '../../../geo/lib/paths.ts';
import { inputPaths } from '../../../data/node/load-inputs.ts';
import { startNodeEngine } from './node-engine';

export { generatedDir };

/**
 * Tests on the built assets fail, never skip, when they are missing: with the data pack's own message
 * (MissingDataPackError) when the pack is missing too, else with the command that builds them.
 */
export function requireAssets(): void {
  if (existsSync(join(generatedDir, 'commune_year.arrow')) && existsSync(join(generatedDir, 'manifest.json'))) return;
  inputPaths();
  throw new Error(`${generatedDir} has no built assets: run "npm run assets" (npm test does it)`);
}

export async function engineWithAssets(): Promise<SqlEngine> {
  requireAssets();
  const e = await startNodeEngine();
  const read = async (name: string) => new Uint8Array(readFileSync(join(generatedDir, name)));
  await loadAll(e, read);
  return e;
}
