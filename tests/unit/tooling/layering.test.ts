// The import graph's rules (`npm run deps`, run by `npm test`) catch what they are meant to: a small tree with one
// planted violation per rule beside the arrows the layering allows, cruised with the real .dependency-cruiser.cjs;
// and the feature-folder cycles on small graphs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDependencies, folderCycles, type DependencyCheck } from '../../tooling/dependencies';

/** path -> imports (relative specifiers; `type:` marks a type-only import) */
const tree: Record<string, string[]> = {
  // allowed: down the layers, within a layer, the pure import pipeline under its service, common to the build
  'src/common/name-key.ts': ['../../data/model/tables'],
  'src/i18n/collate.ts': ['../common/name-key'],
  'src/import/parse.ts': ['../i18n/collate'],
  'src/import/service/run.ts': ['../parse', '../../db/engine'],
  'src/db/engine.ts': ['../common/name-key', '../import/parse'],
  'src/boot.ts': ['./db/engine'],
  'src/indicators/registry.ts': ['../db/engine'],
  'src/state/store.ts': ['../indicators/registry'],
  'src/app/atlas.ts': ['../state/store', '../import/service/run'],
  'src/ui/App.tsx': ['../app/atlas', './data/Panel'],
  'src/ui/Context.ts': ['../app/atlas'],
  'src/ui/data/Panel.tsx': ['../Context'],
  'src/main.tsx': ['./ui/App'],
  'data/model/tables.ts': [],
  'geo/build.ts': ['../src/common/name-key'],
  // planted violations
  'src/common/bad-up.ts': ['../i18n/collate'],
  'src/import/bad-service.ts': ['./service/run'],
  'src/db/bad-types.ts': ['type:../indicators/registry'],
  'src/state/bad-app.ts': ['type:../app/atlas'],
  'src/map/bad-build.ts': ['../../geo/build'],
  'data/bad-app.ts': ['../src/db/engine'],
  'src/newfolder/orphan-layer.ts': ['../common/name-key'],
  'src/present/x.ts': ['./y'],
  'src/present/y.ts': ['./x'],
};

let dir: string;
let check: DependencyCheck;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ntm-layering-'));
  for (const [path, imports] of Object.entries(tree)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    const lines = imports.map((s, i) =>
      s.startsWith('type:') ? `import type { T${i} } from '${s.slice(5)}';` : `import { v${i} } from '${s}';`,
    );
    writeFileSync(join(dir, path), `${lines.join('\n')}\nexport const v = 1;\nexport type T = number;\n`);
  }
  const compilerOptions = { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx' };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions }));
  check = await checkDependencies(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const found = (rule: string) =>
  check.result.summary.violations
    .filter((v) => v.rule.name === rule)
    .map((v) => `${v.from} -> ${v.to}`)
    .sort();

describe('dependency-cruiser rules (.dependency-cruiser.cjs)', () => {
  it('flag an import from a higher layer, type-only ones included', () => {
    expect(found('layer-common-imports-upward')).toEqual(['src/common/bad-up.ts -> src/i18n/collate.ts']);
    expect(found('layer-pure-imports-upward')).toEqual(['src/import/bad-service.ts -> src/import/service/run.ts']);
    expect(found('layer-db-imports-upward')).toEqual(['src/db/bad-types.ts -> src/indicators/registry.ts']);
    expect(found('layer-features-imports-upward')).toEqual(['src/state/bad-app.ts -> src/app/atlas.ts']);
  });

  it('keep src/common free of the rest of src/', () => {
    expect(found('common-imports-src')).toEqual(['src/common/bad-up.ts -> src/i18n/collate.ts']);
  });

  it('keep the app and the build apart except through src/common', () => {
    expect(found('src-imports-build')).toEqual(['src/map/bad-build.ts -> geo/build.ts']);
    expect(found('build-imports-app')).toEqual(['data/bad-app.ts -> src/db/engine.ts']);
  });

  it('place every src/ file in a layer', () => {
    expect(found('src-file-outside-layers')).toEqual(['src/newfolder/orphan-layer.ts -> src/common/name-key.ts']);
  });

  it('flag a module cycle (once, from one of its modules)', () => {
    expect(found('module-cycle')).toEqual([expect.stringMatching(/^src\/present\/(x|y)\.ts -> src\/present\/(x|y)\.ts$/)]);
  });

  it('allow everything else, and fail the check', () => {
    const planted = /bad-|orphan-layer|src\/present\//;
    expect(check.result.summary.violations.filter((v) => !planted.test(v.from)).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
    expect(check.ok).toBe(false);
    expect(check.report).toMatch(/error layer-db-imports-upward: src\/db\/bad-types\.ts → src\/indicators\/registry\.ts/);
  });
});

/** A cruise result with just the modules and their resolved imports. */
const graph = (edges: Record<string, string[]>) =>
  ({
    modules: Object.entries(edges).map(([source, to]) => ({ source, dependencies: to.map((resolved) => ({ resolved })) })),
  }) as unknown as ICruiseResult;

describe('feature-folder cycles', () => {
  it('are found between folders even where no module cycle exists, with one import per arrow', () => {
    const cycles = folderCycles(graph({ 'src/map/a.ts': ['src/export/b.ts'], 'src/export/c.ts': ['src/map/d.ts'], 'src/map/d.ts': [], 'src/export/b.ts': [] }));
    expect(cycles).toEqual([{ folders: ['src/export', 'src/map'], examples: ['src/export/c.ts → src/map/d.ts', 'src/map/a.ts → src/export/b.ts'] }]);
  });

  it('span the build too: data and src/common in a cycle', () => {
    const cycles = folderCycles(graph({ 'src/common/schema.ts': ['data/model/tables.ts'], 'data/model/tables.ts': ['src/common/vn-name.ts'] }));
    expect(cycles.map((c) => c.folders)).toEqual([['data', 'src/common']]);
  });

  it('keep the import service apart from the pure pipeline, and sub-folders inside their feature folder', () => {
    const cycles = folderCycles(
      graph({
        'src/import/service/run.ts': ['src/db/engine.ts', 'src/import/parse.ts'],
        'src/db/engine.ts': ['src/import/parse.ts'],
        'src/ui/App.tsx': ['src/ui/data/Panel.tsx'],
        'src/ui/data/Panel.tsx': ['src/ui/Context.ts'],
        'src/main.tsx': ['src/boot.ts'],
        'src/boot.ts': ['src/db/engine.ts'],
      }),
    );
    expect(cycles).toEqual([]);
  });

  it('close through several folders', () => {
    const cycles = folderCycles(graph({ 'src/state/s.ts': ['src/map/m.ts'], 'src/map/m.ts': ['src/present/p.ts'], 'src/present/p.ts': ['src/state/t.ts'] }));
    expect(cycles.map((c) => c.folders)).toEqual([['src/map', 'src/present', 'src/state']]);
  });
});
