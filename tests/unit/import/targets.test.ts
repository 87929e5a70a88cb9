import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { buildUnitIndex, encodeWindows1258, importTable, type ImportContext, type ImportResult, type Unit } from '../../../src/import/index.ts';
import { findTargetsHeader, parseTargetValue, type TargetsRead } from '../../../src/import/targets.ts';
import { editionTargetsIPC, fileTargetPrefix, fileTargetRows, targetIndicators } from '../../../src/import/service/targets.ts';
import { render } from '../../../src/i18n/catalogue.ts';
import { parseDelimited } from '../../../src/import/parse.ts';

/** One commune per province is enough: targets are matched to provinces only. */
const unit = (province_code: string, province_name: string, n: string): Unit => ({
  commune_code: n, commune_name: `Xã Một ${n}`, commune_type: 'Xã', district_code: '', district_name: '', province_code, province_name,
});
// codes collide across the reform: 44 is old Quảng Bình and new Quảng Trị
const before = buildUnitIndex([unit('44', 'Tỉnh Quảng Bình', '19001'), unit('45', 'Tỉnh Quảng Trị', '19002'), unit('01', 'Thành phố Hà Nội', '00001')]);
const after = buildUnitIndex([unit('44', 'Tỉnh Quảng Trị', '19597'), unit('01', 'Thành phố Hà Nội', '00004')]);
const ctx: ImportContext = { units: before, vintage: 'before2025', candidates: [{ vintage: 'from2025', index: after }], currentYear: 2026, targetIndicators: targetIndicators() };

const csv = (text: string) => new TextEncoder().encode(text);
async function read(text: string | Uint8Array, c: ImportContext = ctx, name = 'chi-tieu.csv'): Promise<{ result: ImportResult; t: TargetsRead }> {
  const result = await importTable({ name, bytes: typeof text === 'string' ? csv(text) : text }, c);
  expect(result.ok).toBe(true);
  expect(result.targets).toBeDefined();
  return { result, t: result.targets! };
}
const codesOf = (t: TargetsRead) => Object.fromEntries(t.refused.map((r) => [r.row, r.issues.map((i) => i.code)]));
/** Every row of the file is in exactly one place. */
const accounted = (t: TargetsRead) => t.headerRows + t.blankRows + t.targets.length + t.refused.length;

const VI = [
  'CHỈ TIÊU NÔNG THÔN MỚI GIAI ĐOẠN 2026-2030',
  '',
  'Tỉnh,Chỉ tiêu,Năm mục tiêu,Giá trị (%),Ghi chú,Nguồn',
  '44,Tỷ lệ xã đạt chuẩn NTM,2030,90,toàn tỉnh mới,NQ Đại hội tỉnh',
  'Quảng Trị,target_share_communes_model,2030,"10 – 15",,',
  '45,share_communes_ntm,2025,"75,5",,',
  '00,Tỷ lệ hộ nghèo không quá,2030,1,,',
  '',
  'Quảng Bình,Tỷ lệ xã đạt chuẩn NTM,2030,80,,',
  '44,Tỷ lệ xã sạch đẹp,2030,50,,',
  '44,Tỷ lệ xã đạt chuẩn NTM,2035,95,,',
  '44,Số xã đạt chuẩn NTM,2030,nhiều,,',
  'Tỉnh Quảng Trị,Tỷ lệ xã đạt chuẩn NTM,2030,92,,',
  'Bình Trị Thiên,Tỷ lệ xã đạt chuẩn NTM,2028,70,,',
  ',Tỷ lệ xã đạt chuẩn NTM,,,,',
].join('\n');

describe('targets table: reading', () => {
  it('recognises a Vietnamese targets table below its title and reads each row in the vintage of its year', async () => {
    const { result, t } = await read(VI);
    expect(t.headerRow).toBe(3);
    expect(result.rows).toEqual([]);
    expect(t.targets.map((x) => [x.row, x.province_code, x.vintage, x.province_name, x.indicator, x.target_year, x.value_min, x.value_max])).toEqual([
      [4, '44', '2025-07', 'Tỉnh Quảng Trị', 'target_share_communes_ntm', 2030, 90, 90],
      [5, '44', '2025-07', 'Tỉnh Quảng Trị', 'target_share_communes_model', 2030, 10, 15],
      // 45 is Quảng Trị before the reform: a 2025 target is read in the pre-reform list
      [6, '45', '2024', 'Tỉnh Quảng Trị', 'target_share_communes_ntm', 2025, 75.5, 75.5],
      [7, '00', '2025-07', '', 'target_poor_rate_max', 2030, 1, 1],
    ]);
    expect(t.targets[0]).toMatchObject({ note: 'toàn tỉnh mới', source: 'NQ Đại hội tỉnh', value: '90' });
    expect(t.provinces).toEqual([
      { province_code: '44', province_name: 'Tỉnh Quảng Trị', vintage: '2025-07', count: 2 },
      { province_code: '45', province_name: 'Tỉnh Quảng Trị', vintage: '2024', count: 1 },
      { province_code: '00', province_name: '', vintage: '2025-07', count: 1 },
    ]);
  });

  it('accounts for every row: each refused row says why, in both languages, naming the row and the column', async () => {
    const { t } = await read(VI);
    expect(codesOf(t)).toEqual({
      9: ['province_other_vintage'],
      10: ['indicator_unknown'],
      11: ['year_outside'],
      12: ['value_invalid'],
      13: ['duplicate'],
      14: ['province_unknown'],
      15: ['year_blank', 'value_blank', 'province_blank'],
    });
    expect(t.blankRows).toBe(1);
    expect(t.headerRows).toBe(3);
    expect(accounted(t)).toBe(t.rowsInFile);
    expect(t.rowsInFile).toBe(15);
    const said = (row: number, locale: 'vi' | 'en') => t.refused.find((r) => r.row === row)!.issues.map((i) => render(locale, i.message)).join(' ');
    expect(said(9, 'vi')).toBe('Dòng 9, cột "Tỉnh": "Quảng Bình" là Tỉnh Quảng Bình của danh mục Đơn vị hành chính trước sắp xếp (2024); chỉ tiêu năm 2030 dùng tỉnh của danh mục Đơn vị hành chính sau sắp xếp (từ 1/7/2025): ghi mã hoặc tên tỉnh mới.');
    expect(said(10, 'en')).toContain('Row 10, column "Chỉ tiêu": unknown indicator "Tỷ lệ xã sạch đẹp"');
    expect(said(11, 'vi')).toBe('Dòng 11, cột "Năm mục tiêu": năm "2035" ngoài các năm của chương trình (2016–2030): ghi năm mục tiêu trong khoảng đó.');
    expect(said(12, 'en')).toContain('value "nhiều" is neither a number nor a range');
    expect(said(12, 'en')).toContain('column "Giá trị (%)"');
    expect(said(13, 'vi')).toBe('Dòng 13: cùng tỉnh, chỉ tiêu và năm với dòng 4: chỉ giữ một dòng.');
    expect(said(14, 'en')).toContain('no province "Bình Trị Thiên" in the list of Post-reform units');
    for (const r of t.refused) for (const i of r.issues) for (const l of ['vi', 'en'] as const) expect(render(l, i.message)).not.toMatch(/import\.targets|\{\{/);
  });

  it('reads English headers, headers without diacritics, codes and names in two columns, and a Windows-1258 file', async () => {
    const en = await read('Province code,Indicator,Target year,Value\n44,Share of communes meeting NTM,2030,85\n1,Poverty rate at most,2030,"0.5"\n');
    expect(en.t.targets.map((x) => [x.province_code, x.indicator, x.value_num])).toEqual([['44', 'target_share_communes_ntm', 85], ['01', 'target_poor_rate_max', 0.5]]);
    const plain = await read('Ma tinh,Ten tinh,Chi tieu,Nam,Gia tri\n44,Quang Tri,ty le xa dat chuan ntm,2030,88\n44,Ha Noi,ty le xa dat chuan ntm,2029,88\n');
    expect(plain.t.targets.map((x) => [x.row, x.province_code, x.target_year])).toEqual([[2, '44', 2030]]);
    expect(codesOf(plain.t)).toEqual({ 3: ['province_mismatch'] });
    expect(render('en', plain.t.refused[0].issues[0].message)).toBe('Row 3, column "Ten tinh": code "44" is Tỉnh Quảng Trị but "Ha Noi" is Thành phố Hà Nội: correct one of the two cells.');
    const legacy = await read(encodeWindows1258('Tỉnh,Chỉ tiêu,Năm mục tiêu,Giá trị\r\nQuảng Trị,Số xã đạt chuẩn NTM,2030,"1.800 – 2.200"\r\n'));
    expect(legacy.result.encoding?.name).toBe('windows-1258');
    expect(legacy.t.targets[0]).toMatchObject({ province_code: '44', indicator: 'target_communes_ntm', value_num: null, value_min: 1800, value_max: 2200 });
  });

  it('a name written short is refused with the indicators it could be', async () => {
    const { t } = await read('Tỉnh,Chỉ tiêu,Năm,Giá trị\n44,Tỷ lệ hộ nghèo,2030,1\n44,Tỷ lệ hộ nghèo không quá,2030,1\n');
    expect(codesOf(t)).toEqual({ 2: ['indicator_short'] });
    const said = render('vi', t.refused[0].issues[0].message);
    expect(said).toContain('"Tỷ lệ hộ nghèo giảm mỗi năm (điểm %)", "Tỷ lệ hộ nghèo không quá"');
    expect(t.targets.map((x) => x.indicator)).toEqual(['target_poor_rate_max']);
  });

  it('refuses every row of a table that lacks a required column, and says which', async () => {
    const { t } = await read('Tỉnh,Chỉ tiêu,Giá trị\n44,Tỷ lệ xã đạt chuẩn NTM,90\n45,Tỷ lệ xã đạt chuẩn NTM,80\n');
    expect(t.missing).toEqual(['target_year']);
    expect(t.targets).toEqual([]);
    expect(codesOf(t)).toEqual({ 2: ['columns_missing'], 3: ['columns_missing'] });
    expect(accounted(t)).toBe(t.rowsInFile);
  });

  it('says so when the province list of the year could not be loaded', async () => {
    const { t } = await read('Tỉnh,Chỉ tiêu,Năm,Giá trị\n44,Tỷ lệ xã đạt chuẩn NTM,2030,90\n44,Tỷ lệ xã đạt chuẩn NTM,2025,90\n', { ...ctx, candidates: [] });
    expect(codesOf(t)).toEqual({ 2: ['province_list_missing'] });
    expect(t.targets.map((x) => [x.province_code, x.province_name, x.vintage])).toEqual([['44', 'Tỉnh Quảng Bình', '2024']]);
  });

  it('leaves tables of communes to the usual reader', () => {
    const grid = parseDelimited('Mã xã,Tên xã,Năm,Số tiêu chí đạt\n19597,Cam Lộ,2026,8\n', { preferDelimiter: null });
    expect(findTargetsHeader(grid)).toBeNull();
  });

  it('parses values as the scorecard form does', () => {
    expect(parseTargetValue('1.800 – 2.200')).toEqual({ num: null, min: 1800, max: 2200 });
    expect(parseTargetValue('75,5')).toEqual({ num: 75.5, min: 75.5, max: 75.5 });
    expect(parseTargetValue('2200-1800')).toBeNull();
    expect(parseTargetValue('abc')).toBeNull();
  });
});

describe('targets table: rows of the model', () => {
  it('gives entered targets stable ids per file, province, indicator and year, with the file and row as source', async () => {
    const { t } = await read(VI);
    const rows = fileTargetRows(t.targets, 'chi-tieu.csv', new Date('2026-11-30T00:00:00Z'));
    expect(rows[0]).toEqual({
      target_id: 'file:chi-tieu.csv|44|target_share_communes_ntm|2030', province_code: '44', province_name: 'Quảng Trị', target_year: 2030,
      indicator: 'target_share_communes_ntm', value: '90', value_num: 90, value_min: 90, value_max: 90, unit: 'percent', note: 'toàn tỉnh mới',
      source: 'NQ Đại hội tỉnh (chi-tieu.csv, dòng 4)', parent_id: null, entered_at: '2026-11-30T00:00:00.000Z',
    });
    expect(rows[3]).toMatchObject({ province_code: '00', province_name: 'Toàn quốc', source: 'chi-tieu.csv, dòng 7' });
    expect(rows.every((r) => r.target_id.startsWith(fileTargetPrefix('chi-tieu.csv')))).toBe(true);
    // read again: the same ids, so the targets are replaced, not added twice
    expect(fileTargetRows((await read(VI)).t.targets, 'chi-tieu.csv').map((r) => r.target_id)).toEqual(rows.map((r) => r.target_id));
  });

  it('gives an edition its published targets as the targets table, a later file winning', async () => {
    const a = (await read(VI)).t.targets.map((target) => ({ file: 'a.csv', target }));
    const b = (await read('Tỉnh,Chỉ tiêu,Năm,Giá trị\n44,Tỷ lệ xã đạt chuẩn NTM,2030,93\n')).t.targets.map((target) => ({ file: 'b.csv', target }));
    const built = editionTargetsIPC([...a, ...b], 'quang-tri-2030', (s) => `Công bố: Sở — ${s}`)!;
    const rows = tableFromIPC(built.bytes).toArray().map((r) => r.toJSON());
    expect(built.rows).toBe(4);
    expect(rows[0]).toMatchObject({ target_id: 'edition:quang-tri-2030|44|target_share_communes_ntm|2030', value_num: 93, target_year: 2030, source: 'Công bố: Sở — b.csv, dòng 2' });
    expect(editionTargetsIPC([], 'x', (s) => s)).toBeNull();
  });
});
