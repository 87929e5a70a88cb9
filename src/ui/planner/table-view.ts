import { Store } from '../../state/store';
import { formatNumber, formatPercent, formatPoints, type Locale } from '../../i18n';
import { vietnameseCollator } from '../../i18n/collate';
import type { TFunction } from 'i18next';

export interface SortOrder<K extends string = string> {
  key: K;
  desc: boolean;
}

/**
 * How the planner's tables are shown, kept outside the components: a sort chosen stays when the year changes, the
 * tab is left and reopened, or the table is redrawn for another province.
 */
export const tableView = new Store<{ districts: SortOrder; communes: SortOrder; allColumns: boolean }>({
  districts: { key: 'ntm_share', desc: true },
  communes: { key: 'criteria_met', desc: false },
  allColumns: false,
});

/** Rows sorted by a column: numbers numerically, text the Vietnamese way, empty cells last either way. */
export function sortRows<R>(rows: readonly R[], sort: SortOrder): R[] {
  const out = [...rows];
  const get = (r: R) => (r as Record<string, unknown>)[sort.key];
  out.sort((a, b) => {
    const x = get(a), y = get(b);
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    const c = typeof x === 'string' ? vietnameseCollator.compare(x, y as string) : typeof x === 'boolean' ? Number(x) - Number(y) : (x as number) - (y as number);
    return sort.desc ? -c : c;
  });
  return out;
}

/** The next sort after a click on a column: the same column flips, another starts in its natural direction. */
export const nextSort = (sort: SortOrder, key: string, descFirst: boolean): SortOrder =>
  sort.key === key ? { key, desc: !sort.desc } : { key, desc: descFirst };

export type CellFormat = 'int' | 'share' | 'dec' | 'pts' | 'gap' | 'text';

/**
 * A planner cell as shown. 'gap' is signed in words: "thiếu 4,1 điểm" short of the target, "vượt 3,2 điểm" beyond
 * it (a bare "−25,0" under "Còn thiếu" read as a shortfall).
 */
export function formatCell(v: unknown, format: CellFormat, locale: Locale, t: TFunction): string {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '–';
  const n = v as number;
  if (format === 'int') return formatNumber(n, locale);
  if (format === 'share') return formatPercent(n, locale);
  if (format === 'dec') return formatNumber(n, locale, 1);
  if (format === 'pts') return formatPoints(n, locale);
  if (format === 'gap') {
    const points = Math.round(n * 1000) / 10;
    if (points === 0) return t('planner.gap.reached');
    return t(points > 0 ? 'planner.gap.short' : 'planner.gap.beyond', { n: formatNumber(Math.abs(points), locale, 1) });
  }
  return String(v);
}
