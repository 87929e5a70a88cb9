// dependency-cruiser: the layering of src/ (README "Layout"), checked by `npm run deps` (tests/tooling/check-deps.ts,
// part of `npm test`). A module may import from its own layer or a lower one, never a higher one; src/common is the
// only part of src/ shared with the build (geo/, data/). Type-only imports count: a type that two layers share moves
// down to the lower one. Cycles between feature folders are found by tests/tooling/dependencies.ts on the same cruise
// (dependency-cruiser's folder scope counts src/import/service's imports as src/import's too).

/** Lowest first. Each entry: a name and a regular expression over paths relative to the repository root. */
const layers = [
  ['common', '^src/common/'],
  ['pure', '^src/(i18n|classify)/|^src/import/(?!service/)'],
  // src/geo decodes the boundary assets it fetches through src/db/fetch-asset: a peer of the engine, not below it
  ['db', '^src/(db|geo)/|^src/boot\\.ts$'],
  ['indicators', '^src/indicators/'],
  ['features', '^src/(state|map|export|present)/|^src/import/service/'],
  ['app', '^src/app/'],
  ['entry', '^src/(ui|api)/|^src/(main|app-main)\\.tsx$'],
];

const upward = layers.slice(0, -1).map(([name, path], i) => ({
  name: `layer-${name}-imports-upward`,
  comment: `src/ layer ${i + 1} (${name}) imports only from its own layer or a lower one`,
  severity: 'error',
  from: { path },
  to: { path: layers.slice(i + 1).map(([, p]) => `(?:${p})`).join('|') },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'src-file-outside-layers',
      comment: 'every file in src/ belongs to a layer: a new folder or entry file is placed in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: layers.map(([, p]) => `(?:${p})`).join('|') },
      to: {},
    },
    {
      name: 'common-imports-src',
      comment: 'src/common is shared by the build and the app: it imports nothing from the rest of src/',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/(?!common/)' },
    },
    {
      name: 'src-imports-build',
      comment: 'the app reaches code shared with the build (geo/, data/) only through src/common',
      severity: 'error',
      from: { path: '^src/(?!common/)' },
      to: { path: '^(geo|data|prebuilt|edition)/' },
    },
    {
      name: 'build-imports-app',
      comment: 'the build (geo/, data/) takes shared code from src/common only, never from the app',
      severity: 'error',
      from: { path: '^(geo|data)/' },
      to: { path: '^src/(?!common/)' },
    },
    {
      name: 'prebuilt-imports-above-db',
      comment: 'prebuilt/ computes results with the app\'s own loaders and SQL (src/db, src/common), nothing above them',
      severity: 'error',
      from: { path: '^prebuilt/' },
      to: { path: '^src/(?!(common|db)/)' },
    },
    {
      name: 'edition-imports-app',
      comment: 'edition/ runs the import pipeline in Node: src/common, src/i18n, the pure src/import and its row builders (rows, targets), nothing of the app',
      severity: 'error',
      from: { path: '^edition/' },
      to: { path: '^src/(?!(common|i18n)/|import/(?!service/)|import/service/(import-rows|targets)\\.ts$)' },
    },
    {
      name: 'module-cycle',
      comment: 'no import cycle between modules',
      severity: 'error',
      from: { path: '^(src|geo|data|prebuilt|edition)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // type-only imports are arrows too (the state -> app types were one)
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    exclude: { path: '^(node_modules|dist|public/generated)/' },
  },
};
