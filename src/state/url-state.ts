/** Initial view from the URL (?province=45 or ?province=all for the national view; ?year=2024; ?lang=en). */
export interface UrlState {
  province?: string | null;
  year?: number;
  locale?: 'vi' | 'en';
}

export function readUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const out: UrlState = {};
  const p = q.get('province');
  if (p === 'all') out.province = null;
  else if (p && /^\d{2}$/.test(p)) out.province = p;
  const y = Number(q.get('year'));
  if (Number.isInteger(y) && y >= 2000 && y <= 2100) out.year = y;
  const l = q.get('lang');
  if (l === 'vi' || l === 'en') out.locale = l;
  return out;
}
