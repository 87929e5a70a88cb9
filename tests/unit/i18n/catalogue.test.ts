// The one message catalogue: both languages declare the same messages with the same variables, and no second
// catalogue of wording lives in the import pipeline or the exports.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/en.json';
import vi from '../../../src/i18n/vi.json';
import { formatPoints, render, translator } from '../../../src/i18n/catalogue';
import { msg } from '../../../src/i18n/message';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Messages by the key code calls them with (plural forms merged) -> the variables they interpolate. */
function messages(tree: Tree): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, text] of leaves(tree)) {
    const base = key.replace(PLURAL, '');
    const vars = out.get(base) ?? new Set<string>();
    for (const m of text.matchAll(/\{\{\s*([^,}\s]+)/g)) vars.add(m[1]);
    out.set(base, vars);
  }
  return out;
}

const sorted = (m: Map<string, Set<string>>) => [...m].map(([k, v]) => [k, [...v].sort()] as const).sort((a, b) => a[0].localeCompare(b[0]));

describe('the catalogue', () => {
  it('declares the same messages in Vietnamese and English, with the same variables', () => {
    expect(sorted(messages(vi as Tree))).toEqual(sorted(messages(en as Tree)));
  });

  it('has every plural form each language needs', () => {
    for (const [lang, tree] of [['vi', vi], ['en', en]] as const) {
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const keys = [...leaves(tree as Tree).keys()];
      for (const k of keys.filter((x) => PLURAL.test(x))) {
        const base = k.replace(PLURAL, '');
        for (const f of forms) expect(keys.includes(`${base}_${f}`) || keys.includes(base), `${lang}: ${base}_${f}`).toBe(true);
      }
    }
  });

  it('translates nested messages, plurals, contexts and numbers in the language asked for', () => {
    const summary = (n: number) =>
      msg('export.doc.summary', {
        communes: msg('export.doc.summaryCommunes', { count: n }),
        reached: msg('export.doc.summaryReached', { count: 0 }),
        now: msg('export.doc.summaryNow', { count: n }),
      });
    expect(render('en', summary(1))).toBe('In total: 1 sponsored commune; 0 reached the New Rural standard since sponsorship began; 1 meets the standard now.');
    expect(render('en', summary(1200))).toContain('1,200 sponsored communes');
    expect(render('vi', summary(1200))).toBe('Tổng cộng: 1.200 xã được đỡ đầu; 0 xã đạt chuẩn nông thôn mới kể từ khi nhận đỡ đầu; 1.200 xã hiện đạt chuẩn nông thôn mới.');
    expect(render('vi', msg('import.issue.district_unknown', { value: 'X', scope: 'Tỉnh Quảng Trị', context: 'scope' }))).toBe('Không nhận ra huyện "X" trong Tỉnh Quảng Trị.');
    expect(translator('en')('import.issue.rate_out_of_range', { value: 1234.56789 })).toBe('Rate 1,234.5679% is outside 0-100.');
  });

  it('signs a change in points with the typographic minus, and a change too small to show with none', () => {
    expect(formatPoints(-0.009, 'vi')).toBe('\u22120,9');
    expect(formatPoints(0.021, 'en')).toBe('+2.1');
    expect(formatPoints(-0.0004, 'vi')).toBe('0,0');
  });

  it('prints what a file says as it is: no escaping, no interpolation or nesting inside values', () => {
    const name = '<b>{{value}}</b> & $t(app.title)';
    expect(render('en', msg('import.issue.name_not_found', { name }))).toBe(`No unit named "${name}".`);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const root = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('no second catalogue', () => {
  const files = ['src/import', 'src/export'].flatMap((d) => sources(join(root, d)));
  const text = new Map(files.map((f) => [f.slice(root.length + 1), readFileSync(f, 'utf8')]));

  it('the old message modules are gone and nothing imports them', () => {
    expect(existsSync(join(root, 'src/export/strings.ts'))).toBe(false);
    expect(existsSync(join(root, 'src/import/messages.ts'))).toBe(false);
    for (const [f, src] of text) expect(src, f).not.toMatch(/from '\.\/(messages|strings)'/);
  });

  it('the import pipeline and the exports hold no wording in two languages', () => {
    // the old pattern: literals per language ({ kind_vi: '…', kind_en: '…' }, { vi: '…', en: '…' }, message_vi)
    for (const [f, src] of text) expect(src, f).not.toMatch(/\b(\w+_)?(vi|en)\s*:\s*['"`]|\bmessage_(vi|en)\b/);
  });

  it('no sentence of the catalogue is written out again in the import pipeline or the exports', () => {
    const fragments = [...leaves(vi as Tree).values(), ...leaves(en as Tree).values()]
      .flatMap((s) => s.split(/\{\{[^}]*\}\}/))
      .map((s) => s.trim())
      .filter((s) => s.length >= 16 && /\S\s+\S+\s+\S/.test(s));
    expect(fragments.length).toBeGreaterThan(100);
    // code, not comments (a comment may quote a message it explains)
    const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const [f, src] of text) {
      const c = code(src);
      for (const s of fragments) expect(c.includes(s), `${f} repeats "${s}"`).toBe(false);
    }
  });
});
