// manifest.json: what the geo build read and wrote; also the basis of --if-stale.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ProvinceSummary } from './summary.ts';

export const MANIFEST_NAME = 'manifest.json';
/** Bump when an output's layout changes, so --if-stale rebuilds. */
export const MANIFEST_FORMAT_VERSION = 2;

export interface InputStat {
  /** Relative to the data pack. */
  path: string;
  bytes: number;
  mtimeMs: number;
}

export interface FileStat {
  bytes: number;
  gzipBytes: number;
  rows?: number;
  features?: number;
  vertices?: number;
}

export interface Manifest {
  formatVersion: number;
  builtAt: string;
  dataPack: string;
  inputs: InputStat[];
  files: Record<string, FileStat>;
  provinces: Record<string, Omit<ProvinceSummary, 'specialFeatures'>>;
}

export function statInputs(packDir: string, relativePaths: readonly string[]): InputStat[] {
  return relativePaths.map((path) => {
    const s = statSync(resolve(packDir, path));
    return { path, bytes: s.size, mtimeMs: s.mtimeMs };
  });
}

export function readManifest(outDir: string): Manifest | null {
  const path = resolve(outDir, MANIFEST_NAME);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}
