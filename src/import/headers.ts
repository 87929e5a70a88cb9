/**
 * Header recognition: Vietnamese (with or without diacritics), English and the usual abbreviations ->
 * canonical fields. Works on the header text joined over the header rows ("Hộ nghèo Số hộ", "Hộ nghèo Tỷ lệ (%)").
 */
import { foldKey } from './text';
import type { CanonicalField } from './types';
import { yearInText } from './values';

export interface HeaderMatch {
  field: CanonicalField | null;
  role: 'field' | 'row_number' | 'unknown' | 'empty';
  /** Year written in the header ("Năm 2023", "Số hộ nghèo năm 2023"). */
  year: number | null;
  /** "Tỷ lệ nghèo đa chiều": since 2022 this may count poor + near-poor households. */
  multidimensionalRate: boolean;
}

/** Rules in priority order: the first that matches the folded header wins. */
const RULES: [CanonicalField | 'row_number', RegExp][] = [
  ['row_number', /^(stt|tt|so tt|so thu tu|thu tu|no|nr|#|s tt|order|row)$/],
  // codes
  ['district_code', /\bma (huyen|quan|thi xa|thanh pho|tp|tx|dvhc cap huyen|don vi cap huyen)\b|\bdistrict (code|id)\b/],
  ['commune_code', /\bma (xa|phuong|dvhc|don vi|dv|hanh chinh|dia ban|so)\b|^ma$|\b(commune|ward|unit|gso) (code|id)\b|^code$|^ma xa phuong thi tran$/],
  // recognition
  ['recognised_year', /\bnam (duoc )?(cong nhan|dat chuan|dat|cn)\b|\brecogni([sz]ed|[sz]ation|tion) year\b|\byear (of )?recogni/],
  ['decision_no', /\b(so )?(quyet dinh|qd)\b|\bdecision\b/],
  ['criteria_met_count', /\b(tieu chi|tc)\b.*\bdat\b|\bdat\b.*\b(tieu chi|tc)\b|\bso (tieu chi|tc)\b|\bcriteria\b/],
  ['tier', /\bmuc dat\b|\bmuc (do )?(cong nhan|dat chuan)\b|\bxep loai\b|\bdanh hieu\b|\bket qua (cong nhan|dat chuan)\b|\bdat chuan( ntm)?\b|\btier\b|\blevel\b|\bstatus\b|\bntm (nang cao|kieu mau)\b/],
  // poverty (near-poor before poor: "cận nghèo" contains "nghèo")
  ['near_poor_rate', /\bcan ngheo\b.*\b(ty le|ti le|pct|rate|tl)\b|\b(ty le|ti le|pct|rate|tl)\b.*\bcan ngheo\b|\bnear poor\b.*\b(rate|pct)\b|\b(rate|pct)\b.*\bnear poor\b/],
  ['near_poor', /\bcan ngheo\b|\bnear poor\b/],
  ['poor_rate', /\bngheo\b.*\b(ty le|ti le|pct|rate|tl)\b|\b(ty le|ti le|pct|rate|tl)\b.*\bngheo\b|\b(poverty|poor)\b.*\b(rate|pct)\b|\b(rate|pct)\b.*\b(poverty|poor)\b|^poverty rate$/],
  ['poor', /\bngheo\b|\bpoor\b/],
  ['households', /\b(tong )?so ho\b|\btong ho\b|\bho dan\b|\bho dan cu\b|\bhouseholds?\b|^so ho$|^tong so$/],
  // organisations
  ['sponsor_org', /\bdo dau\b|\bsponsor/],
  // names
  ['province_name', /^(ten )?tinh( thanh pho| tp)?$|^tinh thanh$|^province( name)?$/],
  ['district_name', /^(ten )?(huyen|quan)\b|^(ten )?(don vi )?cap huyen$|^huyen thi xa|^quan huyen|^district( name)?$|^huyen tx tp$|^thi xa thanh pho$/],
  ['commune_name', /^(ten )?(xa|phuong|don vi|dv|dvhc|don vi hanh chinh|dia phuong|dia ban)\b|^xa phuong|^phuong xa|^(commune|ward|unit)( name)?$|^name$|^ten$|\bten (xa|don vi|dvhc)\b/],
  ['year', /^(nam|year|nam bao cao|ky bao cao|nam danh gia|nam thuc hien|reporting year)$/],
];

/** Headers that look like a field but are not one ("Đơn vị tính" = unit of measure, "Ghi chú" = notes). */
const IGNORED = /^(don vi tinh|dvt|ghi chu|note|notes|remarks|chu thich)$/;

/** Recognise one (joined) header text. */
export function recogniseHeader(text: string): HeaderMatch {
  const base: HeaderMatch = { field: null, role: 'unknown', year: null, multidimensionalRate: false };
  if (!text.trim()) return { ...base, role: 'empty' };
  const year = yearInText(text);
  let k = foldKey(text);
  // A year inside the header ("Số hộ nghèo năm 2023") is taken out before the rules; a bare "Năm" stays a year column.
  if (year !== null) k = k.replace(new RegExp(`\\b(nam )?${year}\\b`), ' ').replace(/\s+/g, ' ').trim();
  if (!k) return { ...base, year, role: year !== null ? 'unknown' : 'empty' };
  if (IGNORED.test(k)) return { ...base, year };
  for (const [field, re] of RULES) {
    if (!re.test(k)) continue;
    if (field === 'row_number') return { ...base, role: 'row_number', year };
    return {
      field,
      role: 'field',
      year: field === 'year' || field === 'recognised_year' ? null : year,
      multidimensionalRate: field === 'poor_rate' && /\bda chieu\b/.test(k),
    };
  }
  return { ...base, year };
}

/** Fields a header row typically has: used to score candidate header rows. */
export function headerScore(texts: string[]): number {
  const seen = new Set<string>();
  for (const t of texts) {
    const m = recogniseHeader(t);
    if (m.field) seen.add(m.field);
    else if (m.role === 'row_number') seen.add('#row');
  }
  return seen.size;
}
