import { searchKey, stripUnitPrefix } from '../common/vn-name';
import { vietnameseCollator } from '../i18n/collate';
import type { UnitList } from '../db/unit-list';

export type SearchLevel = 'province' | 'district' | 'commune';

export interface SearchEntry {
  level: SearchLevel;
  code: string;
  /** the name as listed ("Xã Hướng Lộc") */
  name: string;
  /** where it lies ("Huyện Hướng Hóa, Tỉnh Quảng Trị"), empty for a province */
  context: string;
  province: string;
  /** the words of the name, folded ("xa huong loc"), and of where it lies */
  nameWords: string[];
  contextWords: string[];
  /** the name without its prefix, lower case with its diacritics (NFC): an exact match typed with diacritics */
  accented: string;
  /** the name without its prefix, folded ("huong loc") */
  bareKey: string;
  /** the name without its prefix, for sorting */
  bare: string;
  /** the administrative vintage of the unit list it comes from, when several are searched together */
  vintage?: string;
}

const levelRank: Record<SearchLevel, number> = { province: 0, district: 1, commune: 2 };
const words = (text: string) => searchKey(text).split(' ').filter(Boolean);
const lowerNfc = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi').trim();

function entry(level: SearchLevel, code: string, name: string, context: string[], province: string, vintage?: string): SearchEntry {
  const bare = stripUnitPrefix(name);
  return {
    level, code, name, context: context.join(', '), province, vintage,
    nameWords: words(name), contextWords: context.flatMap(words), accented: lowerNfc(bare), bareKey: searchKey(bare), bare,
  };
}

/**
 * Every province, district and commune-level unit of the list, once each; `vintage` tags the entries (indexes of
 * several unit lists can be concatenated and searched together).
 */
export function buildSearchIndex(u: UnitList, vintage?: string): SearchEntry[] {
  const out: SearchEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < u.length; i++) {
    out.push(entry('commune', u.code[i], u.name[i], [u.districtName[i], u.provinceName[i]].filter(Boolean), u.provinceCode[i], vintage));
    if (!seen.has(`d${u.districtCode[i]}`)) {
      seen.add(`d${u.districtCode[i]}`);
      if (u.districtCode[i]) out.push(entry('district', u.districtCode[i], u.districtName[i], [u.provinceName[i]], u.provinceCode[i], vintage));
    }
    if (!seen.has(`p${u.provinceCode[i]}`)) {
      seen.add(`p${u.provinceCode[i]}`);
      out.push(entry('province', u.provinceCode[i], u.provinceName[i], [], u.provinceCode[i], vintage));
    }
  }
  return out;
}

/** Each query word begins a word of `target` (folded): "huong lo" matches "xa huong loc". */
const allBegin = (query: readonly string[], target: readonly string[]) => query.every((q) => target.some((w) => w.startsWith(q)));

/**
 * How a unit matches what was typed, best first: 0 the name exactly as typed with its diacritics, 1 the name
 * exactly without them, 2 every word begins a word of the name, 3 the words spread over the name and where it lies
 * ("phu my mo cay": Phú Mỹ in Mỏ Cày Bắc; the first word in the name). null: no match.
 */
export function matchRank(e: SearchEntry, typed: string): number | null {
  const query = words(typed);
  if (query.length === 0) return null;
  const accented = lowerNfc(stripUnitPrefix(typed));
  if (accented === e.accented || lowerNfc(typed) === lowerNfc(e.name)) return 0;
  const key = query.join(' ');
  if (key === e.bareKey || key === e.nameWords.join(' ')) return 1;
  if (allBegin(query, e.nameWords)) return 2;
  if (allBegin(query.slice(0, 1), e.nameWords) && allBegin(query, [...e.nameWords, ...e.contextWords])) return 3;
  return null;
}

/**
 * Units matching what was typed, ranked as a person would: an exact match with diacritics first; then the names
 * that hold every word before the units found through where they lie; then the province shown before the others;
 * then how well it matches (exact without diacritics, every word in the name,
 * words spread over the name and where it lies; more words typed in full); then provinces before districts before communes; then the
 * Vietnamese order of the name.
 */
export function search(index: readonly SearchEntry[], typed: string, province: string | null, limit = 12): SearchEntry[] {
  if (searchKey(typed).length < 2) return [];
  const query = words(typed);
  const found: { e: SearchEntry; rank: number; whole: number }[] = [];
  for (const e of index) {
    const rank = matchRank(e, typed);
    // of equal rank, more words typed in full first: "phu my" is Phú Mỹ before Phước Mỹ
    if (rank !== null) found.push({ e, rank, whole: query.filter((q) => e.nameWords.includes(q) || e.contextWords.includes(q)).length });
  }
  const here = (e: SearchEntry) => Number(province !== null && e.province === province);
  found.sort(
    (a, b) =>
      Number(b.rank === 0) - Number(a.rank === 0) ||
      Number(b.rank <= 2) - Number(a.rank <= 2) ||
      here(b.e) - here(a.e) ||
      a.rank - b.rank ||
      b.whole - a.whole ||
      levelRank[a.e.level] - levelRank[b.e.level] ||
      vietnameseCollator.compare(a.e.bare, b.e.bare) ||
      vietnameseCollator.compare(a.e.context, b.e.context),
  );
  return found.slice(0, limit).map((f) => f.e);
}
