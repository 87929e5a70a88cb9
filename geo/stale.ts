// --if-stale: decide whether the generated geo assets still match their inputs and build code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MANIFEST_FORMAT_VERSION, MANIFEST_NAME, readManifest } from './manifest.ts';

function newestMtime(dir: string): { path: string; mtimeMs: number } {
  let newest = { path: dir, mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name === 'fonts') continue; // the font subsetting step has its own staleness check
    const path = resolve(dir, entry.name);
    const candidate = entry.isDirectory() ? newestMtime(path) : { path, mtimeMs: statSync(path).mtimeMs };
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

/** Why the assets must be rebuilt, or null when they are up to date. */
/** `codeDirs`: the build's code (geo/ and the shared src/common, whose encoders shape the output). */
export function staleReason(outDir: string, packDir: string, codeDirs: string | readonly string[], inputFiles: readonly string[]): string | null {
  const manifest = readManifest(outDir);
  if (!manifest) return `no readable ${MANIFEST_NAME}`;
  if (manifest.formatVersion !== MANIFEST_FORMAT_VERSION) return `manifest formatVersion ${manifest.formatVersion} ≠ ${MANIFEST_FORMAT_VERSION}`;
  if (manifest.dataPack !== packDir) return `data pack moved (${manifest.dataPack} → ${packDir})`;
  const recorded = new Map((manifest.inputs ?? []).map((i) => [i.path, i]));
  for (const path of inputFiles) {
    const full = resolve(packDir, path);
    const was = recorded.get(path);
    if (!was || !existsSync(full)) return `input ${path} is new or missing`;
    const s = statSync(full);
    if (s.size !== was.bytes || s.mtimeMs !== was.mtimeMs) return `input ${path} changed`;
  }
  for (const name of Object.keys(manifest.files ?? {})) {
    if (!existsSync(resolve(outDir, name))) return `output ${name} is missing`;
  }
  const manifestTime = statSync(resolve(outDir, MANIFEST_NAME)).mtimeMs;
  const newest = (typeof codeDirs === 'string' ? [codeDirs] : codeDirs).map(newestMtime).reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
  if (newest.mtimeMs > manifestTime) return `${newest.path} is newer than the manifest`;
  return null;
}
