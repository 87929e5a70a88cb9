// Loads the built assets (public/generated) into the Node engine, through the app's own loaders.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlEngine } from '../../../src/db/engine';
import { loadAll } from '../../../src/db/load';
import { startNodeEngine } from './node-engine';

export const generatedDir = join(process.cwd(), 'public', 'generated');
export const haveAssets = () => existsSync(join(generatedDir, 'commune_year.arrow')) && existsSync(join(generatedDir, 'manifest.json'));

export async function engineWithAssets(): Promise<SqlEngine> {
  const e = await startNodeEngine();
  const read = async (name: string) => new Uint8Array(readFileSync(join(generatedDir, name)));
  await loadAll(e, read);
  return e;
}
