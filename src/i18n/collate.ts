/**
 * Vietnamese collation for sorting names (Hà before Hải before Hồ, Đ after D). Folding names for search and
 * matching is the name key's job (src/common/vn-name.ts), not collation's.
 */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
