import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/import/parse.ts';
import { findTable, isDistrictHeadingText, isTotalText, type TableLayout } from '../../../src/import/table.ts';

function layoutOf(csv: string): TableLayout {
  const r = findTable(parseDelimited(csv));
  if (!r.ok) throw new Error(`no table: ${r.reason}`);
  return r.layout;
}

const kinds = (l: TableLayout) => l.rows.map((r) => [r.rowNumber, r.kind, r.text]);

describe('findTable', () => {
  it('skips title rows and joins a two-row group header written as CSV (no merge information)', () => {
    const l = layoutOf(
      [
        'BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2023,,,,,',
        '(Kèm theo Quyết định số 12/QĐ-UBND),,,,,',
        ',,,,,',
        'STT,Tên xã,Tổng số hộ,Hộ nghèo,,Ghi chú',
        ',,,Số hộ,Tỷ lệ (%),',
        '1,Xã Hướng Lộc,1.208,64,"5,30",',
      ].join('\n'),
    );
    expect(l.headerRows).toEqual([4, 5]);
    expect(l.titleRows).toEqual([
      { row: 1, text: 'BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2023' },
      { row: 2, text: '(Kèm theo Quyết định số 12/QĐ-UBND)' },
    ]);
    expect(l.titleYear).toBe(2023);
    expect(l.columns.map((c) => [c.header, c.field ?? c.role])).toEqual([
      ['STT', 'row_number'],
      ['Tên xã', 'commune_name'],
      ['Tổng số hộ', 'households'],
      ['Hộ nghèo / Số hộ', 'poor'],
      ['Hộ nghèo / Tỷ lệ (%)', 'poor_rate'],
      ['Ghi chú', 'unknown'],
    ]);
    expect(kinds(l)).toEqual([[6, 'data', 'Xã Hướng Lộc']]);
  });

  it('uses a one-row header when the next row is data', () => {
    const l = layoutOf('Mã xã,Tên xã,Số tiêu chí đạt\n19474,Xã Hướng Lộc,19\n19636,Xã Triệu Độ,18\n');
    expect(l.headerRows).toEqual([1]);
    expect(kinds(l).map((k) => k[1])).toEqual(['data', 'data']);
  });

  it('classifies numbering, district headings (with figures: subtotals), totals, notes and blanks, keeping headings as context', () => {
    const l = layoutOf(
      [
        'STT,Mã xã,Tên đơn vị,Tổng số hộ,Số hộ nghèo',
        '(1),(2),(3),(4),(5)',
        'I,,Huyện Vĩnh Linh,2419,69',
        '1,19369,Xã Vĩnh Thái,1432,21',
        '2,19384,Kim Thạch,987,48',
        ',,,,',
        'II,,H. Hướng Hóa,1208,64',
        '3,,Hướng Lộc,1208,64',
        'Cộng,,,3627,133',
        ',,Toàn tỉnh,3627,133',
        ',,Tổng cộng (I+II),3627,133',
        '4,,Xã Cộng Hòa,10,1',
        '5,,Tổng Cọt,10,1',
        ',Ghi chú: số liệu sơ bộ,,,',
        ',Người lập biểu,,,',
      ].join('\n'),
    );
    expect(kinds(l)).toEqual([
      [2, 'numbering', '(1) (2) (3) (4) (5)'],
      [3, 'subtotal', 'Huyện Vĩnh Linh'],
      [4, 'data', 'Xã Vĩnh Thái'],
      [5, 'data', 'Kim Thạch'],
      [6, 'blank', ''],
      [7, 'subtotal', 'H. Hướng Hóa'],
      [8, 'data', 'Hướng Lộc'],
      [9, 'total', 'Cộng'],
      [10, 'total', 'Toàn tỉnh'],
      [11, 'total', 'Tổng cộng (I+II)'],
      [12, 'data', 'Xã Cộng Hòa'],
      [13, 'data', 'Tổng Cọt'],
      [14, 'note', 'Ghi chú: số liệu sơ bộ'],
      [15, 'note', 'Người lập biểu'],
    ]);
    expect(l.rows.find((r) => r.rowNumber === 5)!.group.district).toBe('Huyện Vĩnh Linh');
    expect(l.rows.find((r) => r.rowNumber === 8)!.group.district).toBe('H. Hướng Hóa');
  });

  it('treats a group number in the STT column with a bare district name as a heading', () => {
    const l = layoutOf('TT,Tên xã,Số TC đạt\nA,Cam Lộ,\n1,Cam Tuyền,19\n');
    expect(kinds(l)).toEqual([
      [2, 'district_heading', 'Cam Lộ'],
      [3, 'data', 'Cam Tuyền'],
    ]);
  });

  it('does not take a district column on a commune row for a heading', () => {
    const l = layoutOf('Tên xã,Huyện,Số TC đạt\nXã Hướng Lộc,Huyện Hướng Hóa,19\n');
    expect(kinds(l)).toEqual([[2, 'data', 'Xã Hướng Lộc']]);
  });

  it('says why there is no table', () => {
    expect(findTable(parseDelimited('hello\nworld\n'))).toMatchObject({ ok: false, reason: 'no_header' });
    expect(findTable(parseDelimited('Tổng số hộ,Số hộ nghèo\n100,2\n'))).toMatchObject({ ok: false, reason: 'no_unit_column', headerRows: [1] });
  });
});

describe('total and heading words', () => {
  it.each(['Tổng cộng', 'TỔNG CỘNG', 'Tong cong', 'Tổng', 'Cộng', 'Toàn tỉnh', 'Toàn huyện Hướng Hóa', 'Cộng huyện Vĩnh Linh', 'Tổng số', 'Total', 'Cộng I'])(
    '%s is a total',
    (t) => expect(isTotalText(t)).toBe(true),
  );
  it.each(['Cộng Hòa', 'Toàn Thắng', 'Tổng Cọt', 'Cộng Lạc', 'Xã Tổng Bản'])('%s is a name, not a total', (t) => expect(isTotalText(t)).toBe(false));
  it.each(['Huyện Hướng Hóa', 'H. Hướng Hóa', 'Thị xã Quảng Trị', 'TX Quảng Trị', 'TP. Đông Hà', 'Thành phố Bến Tre', 'I. Huyện Vĩnh Linh'])('%s is a district heading', (t) =>
    expect(isDistrictHeadingText(t)).toBe(true),
  );
  it.each(['Xã Hướng Lộc', 'TT. Khe Sanh', 'P.1', 'Hướng Lộc'])('%s is not a district heading', (t) => expect(isDistrictHeadingText(t)).toBe(false));
});
