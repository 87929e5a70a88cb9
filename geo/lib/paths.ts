// Where the build reads the data pack and writes the browser assets.
// NTM_DATA_PACK overrides the vn-admin folder, NTM_FACTS the facts folder.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Git-ignored folder served by Vite as /generated/. */
export const generatedDir = resolve(repoRoot, 'public', 'generated');

export function dataPackDir(): string {
  return resolve(process.env.NTM_DATA_PACK ?? resolve(repoRoot, '..', 'shared', 'vn-admin'));
}

export function factsDir(): string {
  return resolve(process.env.NTM_FACTS ?? resolve(repoRoot, '..', 'shared', 'facts'));
}

export class MissingDataPackError extends Error {}

/** Throws a message that says which file is missing and how to point the build elsewhere. */
export function requireFile(dir: string, relative: string, envVar: string): string {
  const path = resolve(dir, relative);
  if (!existsSync(path)) {
    throw new MissingDataPackError(
      `Data pack file not found: ${path}\n` +
        `The build reads the vn-admin data pack and facts from ../shared beside the repository.\n` +
        `Point ${envVar} at another copy, e.g. ${envVar}=/path/to/${envVar === 'NTM_FACTS' ? 'facts' : 'vn-admin'} npm start`,
    );
  }
  return path;
}
