/** Issue messages in Vietnamese and English, and the severity of each issue code. */
import type { Issue, IssueCode, Severity } from './types';

type P = Record<string, string | number | null | undefined>;

const vi = (n: number | string | null | undefined) => (typeof n === 'number' ? n.toLocaleString('vi-VN', { maximumFractionDigits: 4 }) : String(n ?? ''));
const en = (n: number | string | null | undefined) => (typeof n === 'number' ? n.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(n ?? ''));
const q = (s: unknown) => `"${String(s ?? '')}"`;

export const SEVERITY: Record<IssueCode, Severity> = {
  empty_file: 'error',
  not_a_table: 'error',
  xls_binary: 'error',
  xlsx_unreadable: 'error',
  no_sheet: 'error',
  no_header: 'error',
  no_unit_column: 'error',
  no_data_rows: 'error',
  internal_error: 'error',
  csv_malformed: 'warning',
  encoding_converted: 'info',
  encoding_uncertain: 'warning',
  column_unrecognised: 'warning',
  column_duplicate_field: 'warning',
  column_multidimensional_rate: 'warning',
  year_from_title: 'info',
  year_from_header: 'info',
  year_from_default: 'info',
  year_missing: 'error',
  year_blank: 'error',
  year_conflict: 'warning',
  province_from_title: 'info',
  province_unknown: 'warning',
  not_a_number: 'error',
  not_integer: 'error',
  ambiguous_number: 'warning',
  fraction_denominator: 'warning',
  tier_unknown: 'warning',
  year_invalid: 'error',
  code_padded: 'info',
  code_invalid: 'warning',
  code_not_found: 'warning',
  code_name_mismatch: 'warning',
  out_of_scope: 'warning',
  district_unknown: 'warning',
  name_ambiguous: 'warning',
  name_not_found: 'warning',
  not_in_district: 'warning',
  no_unit_id: 'error',
  resolved_manually: 'info',
  excluded_manually: 'info',
  rate_out_of_range: 'error',
  criteria_out_of_range: 'error',
  poor_gt_households: 'error',
  near_poor_gt_households: 'error',
  poor_plus_near_poor_gt_households: 'error',
  duplicate_unit_year: 'error',
  future_year: 'error',
  negative_count: 'error',
  rate_mismatch: 'warning',
  rate_without_counts: 'warning',
  tier_criteria_inconsistent: 'warning',
  urban_unit_ntm: 'warning',
  no_values: 'warning',
};

const TEXTS: Record<IssueCode, (p: P) => [string, string]> = {
  empty_file: () => ['Tệp rỗng (0 byte).', 'The file is empty (0 bytes).'],
  not_a_table: (p) => [
    `Tệp không phải bảng tính CSV/TSV/XLSX mà là ${p.kind_vi}.`,
    `The file is not a CSV/TSV/XLSX table but ${p.kind_en}.`,
  ],
  xls_binary: () => [
    'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ: hãy lưu lại dưới dạng .xlsx hoặc CSV.',
    'Excel 97-2003 files (.xls) are not supported: save the file as .xlsx or CSV.',
  ],
  xlsx_unreadable: (p) => [`Không đọc được tệp XLSX: ${p.detail}`, `The XLSX file could not be read: ${p.detail}`],
  no_sheet: (p) => [`Không có trang tính nào có dữ liệu${p.sheet ? ` (trang "${p.sheet}")` : ''}.`, `No worksheet with data${p.sheet ? ` (sheet "${p.sheet}")` : ''}.`],
  no_header: (p) => [
    `Không tìm thấy dòng tiêu đề cột trong ${p.where_vi}: cần các cột như "Mã xã", "Tên xã", "Huyện", "Số tiêu chí đạt", "Tổng số hộ", "Số hộ nghèo".`,
    `No recognisable header row in ${p.where_en}: expected columns such as "Mã xã" (commune code), "Tên xã" (commune name), "Huyện", "Số tiêu chí đạt", "Tổng số hộ", "Số hộ nghèo".`,
  ],
  no_unit_column: (p) => [
    `Dòng tiêu đề (dòng ${p.rows}) không có cột mã xã hoặc tên xã, nên không xác định được đơn vị. Các cột: ${p.headers}.`,
    `The header (row ${p.rows}) has no commune code or commune name column, so units cannot be identified. Columns: ${p.headers}.`,
  ],
  no_data_rows: () => ['Bảng không có dòng dữ liệu nào dưới dòng tiêu đề.', 'The table has no data rows below its header.'],
  internal_error: (p) => [`Lỗi nội bộ khi nhập tệp: ${p.detail}`, `Internal error while importing the file: ${p.detail}`],
  csv_malformed: (p) => [`Cấu trúc CSV bất thường từ dòng ${p.row}: ${p.detail}`, `Malformed CSV from row ${p.row}: ${p.detail}`],
  encoding_converted: (p) => [String(p.vi), String(p.en)],
  encoding_uncertain: (p) => [String(p.vi), String(p.en)],
  column_unrecognised: (p) => [
    `Cột ${q(p.header)} không được nhận dạng và không được nhập.`,
    `Column ${q(p.header)} was not recognised and is not imported.`,
  ],
  column_duplicate_field: (p) => [
    `Cột ${q(p.header)} trùng ý nghĩa với cột ${q(p.other)} (${p.field}); chỉ cột đầu tiên được dùng.`,
    `Column ${q(p.header)} means the same as column ${q(p.other)} (${p.field}); only the first is used.`,
  ],
  column_multidimensional_rate: (p) => [
    `Cột ${q(p.header)}: từ năm 2022 "tỷ lệ nghèo đa chiều" có thể gồm cả hộ cận nghèo; được nhập là tỷ lệ hộ nghèo, hãy kiểm tra.`,
    `Column ${q(p.header)}: since 2022 the "multidimensional poverty rate" may include near-poor households; imported as the poor rate, please check.`,
  ],
  year_from_title: (p) => [`Năm ${p.year} lấy từ tiêu đề (dòng ${p.row}).`, `Year ${p.year} taken from the title (row ${p.row}).`],
  year_from_header: (p) => [`Năm ${p.year} lấy từ tiêu đề cột ${q(p.header)}.`, `Year ${p.year} taken from the column header ${q(p.header)}.`],
  year_from_default: (p) => [`Không có cột năm: dùng năm mặc định ${p.year}.`, `No year column: using the default year ${p.year}.`],
  year_missing: () => [
    'Không xác định được năm số liệu (không có cột năm, tiêu đề không ghi năm): hãy chọn năm.',
    'The data year is unknown (no year column, no year in the title): please choose a year.',
  ],
  year_blank: () => [
    'Ô năm để trống và tệp không có năm chung (tiêu đề, năm mặc định): không xác định được năm của dòng này.',
    'The year cell is blank and the file gives no year (title, default year): the row has no year.',
  ],
  year_conflict: (p) => [`Tiêu đề cột ghi nhiều năm khác nhau (${p.years}): không tự chọn năm.`, `Column headers name different years (${p.years}): no year chosen automatically.`],
  province_from_title: (p) => [`Phạm vi tỉnh "${p.name}" lấy từ tiêu đề (dòng ${p.row}).`, `Province scope "${p.name}" taken from the title (row ${p.row}).`],
  province_unknown: (p) => [`Không nhận ra tỉnh ${q(p.value)}.`, `Province ${q(p.value)} not recognised.`],
  not_a_number: (p) => [`Giá trị ${q(p.value)} không phải là số.`, `Value ${q(p.value)} is not a number.`],
  not_integer: (p) => [`Giá trị ${q(p.value)} phải là số nguyên.`, `Value ${q(p.value)} must be a whole number.`],
  ambiguous_number: (p) => [`Giá trị ${q(p.value)} có thể hiểu nhiều cách; đã đọc là ${vi(p.read as number)}.`, `Value ${q(p.value)} is ambiguous; read as ${en(p.read as number)}.`],
  fraction_denominator: (p) => [
    `Giá trị ${q(p.value)}: mẫu số ${p.denominator} khác số tiêu chí của bộ tiêu chí (${p.expected}).`,
    `Value ${q(p.value)}: denominator ${p.denominator} differs from the criteria set's count (${p.expected}).`,
  ],
  tier_unknown: (p) => [
    `Không nhận ra mức đạt chuẩn ${q(p.value)} (cần: Chưa đạt, Đạt chuẩn, Nâng cao, Kiểu mẫu).`,
    `Tier ${q(p.value)} not recognised (expected: Chưa đạt, Đạt chuẩn, Nâng cao, Kiểu mẫu).`,
  ],
  year_invalid: (p) => [`Năm ${q(p.value)} không hợp lệ.`, `Year ${q(p.value)} is not valid.`],
  code_padded: (p) => [`Mã ${q(p.value)} bị mất số 0 ở đầu: đã đọc là ${p.code}.`, `Code ${q(p.value)} had lost its leading zeros: read as ${p.code}.`],
  code_invalid: (p) => [`Mã ${q(p.value)} không phải mã đơn vị hành chính (${p.width} chữ số).`, `Code ${q(p.value)} is not an administrative unit code (${p.width} digits).`],
  code_not_found: (p) => [`Mã ${p.code} không có trong danh mục đơn vị hành chính.`, `Code ${p.code} is not in the administrative unit list.`],
  code_name_mismatch: (p) => [
    `Mã ${p.code} là ${p.unit_name} (${p.district}), khác với tên ghi trong tệp ${q(p.name)}.`,
    `Code ${p.code} is ${p.unit_name} (${p.district}), not the name in the file ${q(p.name)}.`,
  ],
  out_of_scope: (p) => [`${p.unit_name} thuộc ${p.province}, ngoài phạm vi tỉnh đã chọn (${p.scope}).`, `${p.unit_name} is in ${p.province}, outside the chosen province (${p.scope}).`],
  district_unknown: (p) => [`Không nhận ra huyện ${q(p.value)}${p.scope ? ` trong ${p.scope}` : ''}.`, `District ${q(p.value)} not recognised${p.scope ? ` in ${p.scope}` : ''}.`],
  name_ambiguous: (p) => [
    `Tên ${q(p.name)} khớp với ${p.count} đơn vị${p.scope ? ` trong ${p.scope}` : ''}: ${p.list}. Hãy chọn đơn vị đúng.`,
    `Name ${q(p.name)} matches ${p.count} units${p.scope ? ` in ${p.scope}` : ''}: ${p.list}. Please choose the right one.`,
  ],
  name_not_found: (p) => [
    `Không tìm thấy đơn vị tên ${q(p.name)}${p.scope ? ` trong ${p.scope}` : ''}.${p.list ? ` Gợi ý: ${p.list}.` : ''}`,
    `No unit named ${q(p.name)}${p.scope ? ` in ${p.scope}` : ''}.${p.list ? ` Suggestions: ${p.list}.` : ''}`,
  ],
  not_in_district: (p) => [
    `Không có ${q(p.name)} trong ${p.district}; có đơn vị cùng tên ở: ${p.list}.`,
    `No ${q(p.name)} in ${p.district}; units of that name exist in: ${p.list}.`,
  ],
  no_unit_id: () => ['Dòng có số liệu nhưng không có mã xã hay tên xã.', 'The row has figures but no commune code or name.'],
  resolved_manually: (p) => [`Đã chọn đơn vị ${p.unit_name} (${p.code}) thủ công.`, `Unit ${p.unit_name} (${p.code}) chosen by hand.`],
  excluded_manually: () => ['Dòng được loại khỏi lần nhập này theo lựa chọn của người dùng.', 'Row excluded from this import by the user.'],
  rate_out_of_range: (p) => [`Tỷ lệ ${vi(p.value as number)}% nằm ngoài khoảng 0-100.`, `Rate ${en(p.value as number)}% is outside 0-100.`],
  criteria_out_of_range: (p) => [
    `Số tiêu chí đạt ${vi(p.value as number)} nằm ngoài khoảng 0-${p.max}.`,
    `Criteria met ${en(p.value as number)} is outside 0-${p.max}.`,
  ],
  poor_gt_households: (p) => [
    `Số hộ nghèo (${vi(p.poor as number)}) lớn hơn tổng số hộ (${vi(p.households as number)}).`,
    `Poor households (${en(p.poor as number)}) exceed total households (${en(p.households as number)}).`,
  ],
  near_poor_gt_households: (p) => [
    `Số hộ cận nghèo (${vi(p.near_poor as number)}) lớn hơn tổng số hộ (${vi(p.households as number)}).`,
    `Near-poor households (${en(p.near_poor as number)}) exceed total households (${en(p.households as number)}).`,
  ],
  poor_plus_near_poor_gt_households: (p) => [
    `Hộ nghèo + hộ cận nghèo (${vi(p.sum as number)}) lớn hơn tổng số hộ (${vi(p.households as number)}).`,
    `Poor + near-poor households (${en(p.sum as number)}) exceed total households (${en(p.households as number)}).`,
  ],
  duplicate_unit_year: (p) => [
    `${p.unit_name} năm ${p.year ?? '(không rõ)'} xuất hiện nhiều lần: dòng ${p.rows}.`,
    `${p.unit_name} for ${p.year ?? '(unknown year)'} appears more than once: rows ${p.rows}.`,
  ],
  future_year: (p) => [`Năm ${p.value} ở tương lai (năm hiện tại: ${p.current}).`, `Year ${p.value} is in the future (current year: ${p.current}).`],
  negative_count: (p) => [`Số hộ/số tiêu chí không được âm: ${vi(p.value as number)}.`, `Counts cannot be negative: ${en(p.value as number)}.`],
  rate_mismatch: (p) => [
    `Tỷ lệ ghi ${vi(p.rate as number)}% nhưng ${vi(p.num as number)}/${vi(p.den as number)} hộ = ${vi(p.computed as number)}% (lệch quá 0,1 điểm).`,
    `Rate given as ${en(p.rate as number)}% but ${en(p.num as number)}/${en(p.den as number)} households = ${en(p.computed as number)}% (differs by more than 0.1 point).`,
  ],
  rate_without_counts: () => [
    'Chỉ có tỷ lệ, không có tử số/mẫu số (số hộ): tỷ lệ được giữ nhưng không cộng dồn được.',
    'Rate given without numerator/denominator (household counts): kept as a rate, but it cannot be aggregated.',
  ],
  tier_criteria_inconsistent: (p) => [
    `Mức "${p.tier}" nhưng chỉ đạt ${p.criteria}/${p.max} tiêu chí.`,
    `Tier "${p.tier}" but only ${p.criteria}/${p.max} criteria met.`,
  ],
  urban_unit_ntm: (p) => [
    `${p.unit_name} là ${p.type}, ngoài phạm vi xét xã nông thôn mới.`,
    `${p.unit_name} is a ${p.type_en}, outside the NTM commune scope.`,
  ],
  no_values: () => ['Dòng không có số liệu nào.', 'The row has no figures.'],
};

export function issue(code: IssueCode, p: P = {}, where: { row?: number | null; column?: string | null; columnIndex?: number | null } = {}): Issue {
  const [message_vi, message_en] = TEXTS[code](p);
  return {
    row: where.row ?? null,
    column: where.column ?? null,
    columnIndex: where.columnIndex ?? null,
    severity: SEVERITY[code],
    code,
    message_vi,
    message_en,
  };
}
