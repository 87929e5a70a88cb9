/** Vietnamese collation for sorting names (Hà before Hải before Hồ, Đ after D). */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Search key: lower case, no diacritics, đ mapped to d explicitly (it has no Unicode decomposition),
 * spacing collapsed. "Xã Hướng Lộc" -> "xa huong loc".
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
