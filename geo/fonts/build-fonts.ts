// Entry: npx tsx geo/fonts/build-fonts.ts [--force]
// Subsets the Noto Sans TTFs (regular, bold) to the Latin + Vietnamese characters the PDF exports use and
// writes them to public/generated/fonts/, where the browser fetches them for jsPDF (src/export/pdf-fonts.ts).
// Skips the work when both outputs are newer than the input fonts and this script.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const scriptPath = fileURLToPath(import.meta.url);
const repoRoot = resolve(dirname(scriptPath), '..', '..');
export const fontsOutDir = resolve(repoRoot, 'public', 'generated', 'fonts');

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));

export const FONT_FILES = [
  { input: resolve(packageDir, '400Regular', 'NotoSans_400Regular.ttf'), output: 'NotoSans-Regular.subset.ttf' },
  { input: resolve(packageDir, '700Bold', 'NotoSans_700Bold.ttf'), output: 'NotoSans-Bold.subset.ttf' },
] as const;

/** Inclusive code point ranges kept in the subset. */
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x00ff], // Latin-1 Supplement
  [0x0100, 0x017f], // Latin Extended-A
  [0x0180, 0x024f], // Latin Extended-B (Ơ ơ Ư ư)
  [0x0300, 0x036f], // combining diacritical marks
  [0x1e00, 0x1eff], // Latin Extended Additional (all precomposed Vietnamese)
  [0x2000, 0x206f], // general punctuation (– — ‘ ’ “ ” … • ‰)
];
/** ₫ € № → ↑ ↓ × ≤ ≥ − (the minus sign) and ° ± already in Latin-1. */
const EXTRA = [0x20ab, 0x20ac, 0x2116, 0x2192, 0x2191, 0x2193, 0x00d7, 0x2264, 0x2265, 0x2212];

export function subsetText(): string {
  const points: number[] = [];
  for (const [lo, hi] of RANGES) for (let c = lo; c <= hi; c++) points.push(c);
  points.push(...EXTRA);
  return String.fromCodePoint(...points);
}

function upToDate(): boolean {
  const newestInput = Math.max(statSync(scriptPath).mtimeMs, ...FONT_FILES.map((f) => statSync(f.input).mtimeMs));
  return FONT_FILES.every((f) => {
    const out = resolve(fontsOutDir, f.output);
    return existsSync(out) && statSync(out).mtimeMs > newestInput;
  });
}

/** Builds the subset fonts unless they are up to date (or force); returns the output paths. */
export async function buildFonts(opts: { force?: boolean; quiet?: boolean } = {}): Promise<string[]> {
  const outputs = FONT_FILES.map((f) => resolve(fontsOutDir, f.output));
  const log = opts.quiet ? () => {} : console.log;
  if (!opts.force && upToDate()) {
    log('fonts up to date');
    return outputs;
  }
  mkdirSync(fontsOutDir, { recursive: true });
  const text = subsetText();
  for (const f of FONT_FILES) {
    const input = readFileSync(f.input);
    const subset = await subsetFont(input, text, {
      targetFormat: 'sfnt',
      // jsPDF neither shapes nor hints: the layout tables and hinting only cost bytes on the wire.
      noHinting: true,
      noLayoutClosure: true,
      dropTables: ['GSUB', 'GPOS', 'GDEF', 'gasp', 'DSIG'],
    });
    const out = resolve(fontsOutDir, f.output);
    // Write then rename: parallel test workers may build at the same time, and a reader never sees half a file.
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, subset);
    renameSync(tmp, out);
    log(`${relative(repoRoot, out)}: ${(subset.byteLength / 1024).toFixed(1)} KiB (from ${(input.byteLength / 1024).toFixed(1)} KiB)`);
  }
  return outputs;
}

if (process.argv[1] && resolve(process.argv[1]) === scriptPath) {
  await buildFonts({ force: process.argv.includes('--force') });
}
