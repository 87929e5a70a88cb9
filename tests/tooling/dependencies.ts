// The import graph's rules: dependency-cruiser with .dependency-cruiser.cjs (layers, src/common, module cycles), plus
// cycles between feature folders, which dependency-cruiser's folder scope cannot tell: it counts a sub-folder's imports
// as its parent's too, so src/import/service (layer 5) importing src/db, which imports src/import (layer 2), would read
// as a cycle src/import <-> src/db.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { cruise, format, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
/** What is cruised, relative to the base folder: the app and the build (tests and the bench import freely). */
export const cruised = ['src', 'geo', 'data', 'prebuilt', 'edition'];

/** A feature folder: src/<folder> (src/import/service apart from the pure pipeline), an entry file, geo, data. */
export function featureFolder(path: string): string {
  if (path.startsWith('src/import/service/')) return 'src/import/service';
  const inSrc = /^src\/([^/]+)\//.exec(path);
  if (inSrc) return `src/${inSrc[1]}`;
  return path.startsWith('src/') ? path : path.split('/')[0];
}

export interface FolderCycle {
  folders: string[];
  /** one import per arrow between the cycle's folders, for the message */
  examples: string[];
}

/** Strongly connected groups of feature folders (Tarjan), each with an example import per arrow inside it. */
export function folderCycles(result: ICruiseResult): FolderCycle[] {
  const edges = new Map<string, Map<string, string>>();
  for (const m of result.modules) {
    const from = featureFolder(m.source);
    for (const d of m.dependencies) {
      if (d.coreModule || d.couldNotResolve || !d.resolved || d.resolved.startsWith('node_modules/')) continue;
      const to = featureFolder(d.resolved);
      if (to === from) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${m.source} → ${d.resolved}`);
      edges.set(from, out);
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((folders) => ({
    folders,
    examples: folders.flatMap((f) => [...(edges.get(f) ?? [])].filter(([to]) => folders.includes(to)).map(([, e]) => e)),
  }));
}

export interface DependencyCheck {
  result: ICruiseResult;
  cycles: FolderCycle[];
  /** human-readable: dependency-cruiser's rule violations, then the folder cycles */
  report: string;
  ok: boolean;
}

/** Cruises src/, geo/ and data/ under baseDir (default: the repository) with the repository's rules. */
export async function checkDependencies(baseDir = repoRoot): Promise<DependencyCheck> {
  const options = await extractDepcruiseOptions(resolve(repoRoot, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(resolve(baseDir, 'tsconfig.json'));
  // a tree without one of the folders (the rules' own test builds a small one) is cruised over those it has
  const present = cruised.filter((d) => existsSync(resolve(baseDir, d)));
  const cruised_ = await cruise(present, { ...options, baseDir }, {}, { tsConfig });
  const result = cruised_.output as ICruiseResult;
  const cycles = folderCycles(result);
  const rules = (await format(result, { outputType: 'err' })).output as string;
  const cycleText = cycles
    .map((c) => `  error folder-cycle: ${c.folders.join(' ⇄ ')}\n${c.examples.map((e) => `      ${e}`).join('\n')}`)
    .join('\n');
  const ok = result.summary.error === 0 && cycles.length === 0;
  const report = [rules.replace(/^\n+|\s+$/g, ''), cycleText && `feature folders in a cycle (they import each other; one direction only):\n${cycleText}`]
    .filter(Boolean)
    .join('\n\n');
  return { result, cycles, report, ok };
}
