import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accentKey,
  foldDiacritics,
  foldWords,
  nameKey,
  readName,
  searchKey,
  shortDistrictName,
  shortProvinceName,
  spellingKey,
  stripUnitPrefix,
  unitTypeOf,
  type UnitLevel,
} from '../../../src/common/vn-name.ts';

describe('folding', () => {
  it.each([
    ['Đông Hà', 'Dong Ha'],
    ['đường', 'duong'],
    ['Ðông Hà', 'Dong Ha'], // Ð (eth), the look-alike of Đ
    ['Hướng Lộc'.normalize('NFD'), 'Huong Loc'],
    ['Quảng Trị', 'Quang Tri'],
    ['plain ASCII', 'plain ASCII'],
  ])('foldDiacritics(%j) = %j', (text, folded) => expect(foldDiacritics(text)).toBe(folded));

  it.each([
    ['Tỷ lệ hộ nghèo (%)', 'ty le ho ngheo'],
    ['  Hướng\u00a0\tLộc ', 'huong loc'],
    ['Thị trấn/Xã', 'thi tran xa'],
    ['ĐẮK LẮK', 'dak lak'],
  ])('foldWords(%j) = %j', (text, folded) => expect(foldWords(text)).toBe(folded));
});

describe('name keys', () => {
  const cases: [UnitLevel, string, string, string | null][] = [
    // prefix forms
    ['commune', 'Xã Hướng Lộc', 'huongloc', 'Xã'],
    ['commune', 'xa huong loc', 'huongloc', 'Xã'],
    ['commune', 'X. Hướng Lộc', 'huongloc', 'Xã'],
    ['commune', 'X.Hướng Lộc', 'huongloc', 'Xã'],
    ['commune', 'XÃ HƯỚNG LỘC', 'huongloc', 'Xã'],
    ['commune', 'Thị trấn Khe Sanh', 'khesanh', 'Thị trấn'],
    ['commune', 'Thị Trấn Ái Tử', 'aitu', 'Thị trấn'],
    ['commune', 'TT. Khe Sanh', 'khesanh', 'Thị trấn'],
    ['commune', 'TT Khe Sanh', 'khesanh', 'Thị trấn'],
    ['commune', 'Đặc khu Phú Quốc', 'phuquoc', 'Đặc khu'],
    ['commune', 'ward 3', '3', null],
    ['district', 'Huyện Hướng Hóa', 'huonghoa', 'Huyện'],
    ['district', 'H. Hướng Hoá', 'huonghoa', 'Huyện'],
    ['district', 'huong hoa', 'huonghoa', null],
    ['district', 'Thành phố Đông Hà', 'dongha', 'Thành phố'],
    ['district', 'TP. Đông Hà', 'dongha', 'Thành phố'],
    ['district', 'TP Đông Hà', 'dongha', 'Thành phố'],
    ['district', 'Thị xã Quảng Trị', 'quangtri', 'Thị xã'],
    ['district', 'Thị Xã Quảng Trị', 'quangtri', 'Thị xã'],
    ['district', 'TX Quảng Trị', 'quangtri', 'Thị xã'],
    ['province', 'Tỉnh Quảng Trị', 'quangtri', 'Tỉnh'],
    ['province', 'Thành phố Hà Nội', 'hanoi', 'Thành phố'],
    ['province', 'TP. Hồ Chí Minh', 'hochiminh', 'Thành phố'],
    // đ, tone placement, spacing, notes
    ['commune', 'Xã Đa Krông', 'dakrong', 'Xã'],
    ['commune', 'Đakrông', 'dakrong', null],
    ['commune', 'Xã Qưới Sơn', 'quoison', 'Xã'],
    ['commune', 'Bình Hoà', 'binhhoa', null],
    ['commune', 'Bình Hòa', 'binhhoa', null],
    ['commune', '  Hướng   Lộc ', 'huongloc', null],
    ['commune', 'Hướng-Lộc', 'huongloc', null],
    ['commune', 'Hướng Lộc (ĐBKK)', 'huongloc', null],
    ['commune', 'Xã Hướng Lộc'.normalize('NFD'), 'huongloc', 'Xã'],
    // numbered wards and districts
    ['commune', 'Phường 1', '1', 'Phường'],
    ['commune', 'P.1', '1', 'Phường'],
    ['commune', 'P1', '1', 'Phường'],
    ['commune', 'p01', '1', 'Phường'],
    ['commune', 'P. 01', '1', 'Phường'],
    ['commune', 'phuong 01', '1', 'Phường'],
    ['commune', 'Phường 10', '10', 'Phường'],
    ['district', 'Quận 1', '1', 'Quận'],
    ['district', 'Q.1', '1', 'Quận'],
    ['district', 'Q1', '1', 'Quận'],
    // a first word that is a prefix only without its diacritics belongs to the name
    ['commune', 'Phường Phương Mai', 'phuongmai', 'Phường'],
    ['commune', 'Phương Mai', 'phuongmai', null],
    ['commune', 'Xã Xà Phìn', 'xaphin', 'Xã'],
    ['commune', 'Xà Phìn', 'xaphin', null],
    ['district', 'Quan Hóa', 'quanhoa', null],
    ['district', 'Huyện Quan Hóa', 'quanhoa', 'Huyện'],
  ];
  it.each(cases)('%s %j -> key %j, type %j', (level, name, key, type) => {
    expect(nameKey(name, level)).toBe(key);
    expect(unitTypeOf(name, level)).toBe(type);
  });

  it('reads an uncertain prefix both ways, the likeliest first', () => {
    const keys = (name: string) => readName(name, 'commune').map((r) => [r.type, r.key]);
    expect(keys('Phương Mai')).toEqual([[null, 'phuongmai'], ['Phường', 'mai']]);
    expect(keys('phuong mai')).toEqual([['Phường', 'mai'], [null, 'phuongmai']]);
    expect(keys('Xa Hướng Lộc')).toEqual([[null, 'xahuongloc'], ['Xã', 'huongloc']]); // tone mark dropped from "Xã"
    expect(keys('Phường Phương Mai')).toEqual([['Phường', 'phuongmai']]);
    expect(keys('Xã')).toEqual([[null, 'xa']]); // a prefix alone is not taken off
  });

  it('accentKey keeps diacritics but not the tone placement', () => {
    expect(accentKey('Xã Bình Hoà', 'commune')).toBe(accentKey('Bình Hòa', 'commune'));
    expect(accentKey('Thủy Xuân', 'commune')).toBe(accentKey('THUỶ XUÂN', 'commune'));
    expect(accentKey('Bình Thành', 'commune')).not.toBe(accentKey('Bình Thạnh', 'commune'));
  });

  it('spellingKey forgives spelling noise only, not a missing prefix or missing diacritics', () => {
    const k = (name: string) => spellingKey(name, 'district');
    expect(k('Huyện Đakrông')).toBe(k('Huyện Đa Krông'));
    expect(k('huyện đa-krông')).toBe(k('H. Đa Krông'));
    expect(k('Huyện Đakrông')).not.toBe(k('Đakrông'));
    expect(k('Huyện Đakrông')).not.toBe(k('Huyen Dakrong'));
    expect(k('Huyện Long Mỹ')).not.toBe(k('Thị xã Long Mỹ'));
  });
});

describe('search key', () => {
  it.each([
    ['Xã Hướng Lộc', 'xa huong loc'],
    ['X. Huong Loc', 'xa huong loc'],
    ['TP Đông Hà', 'thanh pho dong ha'],
    ['Thành phố Đông Hà', 'thanh pho dong ha'],
    ['P1', 'phuong 1'],
    ['p.01', 'phuong 1'],
    ['Phường 1', 'phuong 1'],
    ['tp', 'tp'], // an abbreviation alone is still being typed
    ['Hoà', 'hoa'],
    ['Hòa', 'hoa'],
  ])('searchKey(%j) = %j', (text, key) => expect(searchKey(text)).toBe(key));
});

describe('names as shown', () => {
  it.each([
    ['Huyện Hướng Hóa', 'Hướng Hóa'],
    ['Thành phố Đông Hà', 'TP. Đông Hà'],
    ['Thành Phố Đồng Hới', 'TP. Đồng Hới'],
    ['Thị xã Quảng Trị', 'TX. Quảng Trị'],
    ['Thị Xã Buôn Hồ', 'TX. Buôn Hồ'],
    ['Quận 1', 'Q. 1'],
    ['TP. Đông Hà', 'TP. Đông Hà'],
    ['Hướng Hóa', 'Hướng Hóa'],
    ['Huyện', 'Huyện'],
  ])('shortDistrictName(%j) = %j', (name, short) => expect(shortDistrictName(name)).toBe(short));

  it.each([
    ['Tỉnh Quảng Trị', 'Quảng Trị'],
    ['Thành phố Hà Nội', 'Hà Nội'],
    ['Quảng Trị', 'Quảng Trị'],
    ['Tỉnh Quảng Trị'.normalize('NFD'), 'Quảng Trị'],
  ])('shortProvinceName(%j) = %j', (name, short) => expect(shortProvinceName(name)).toBe(short));

  it.each([
    ['Xã Hướng Lộc', 'Hướng Lộc'],
    ['Thị trấn Khe Sanh', 'Khe Sanh'],
    ['Phường Phương Mai', 'Phương Mai'],
    ['Phương Mai', 'Phương Mai'],
    ['Huyện Hướng Hóa', 'Hướng Hóa'],
    ['Thị xã Quảng Trị', 'Quảng Trị'],
    ['Đặc khu Côn Đảo', 'Côn Đảo'],
  ])('stripUnitPrefix(%j) = %j', (name, bare) => expect(stripUnitPrefix(name)).toBe(bare));
});

describe('properties', () => {
  const letters = [...'aăâeêioôơuưy'].flatMap((v) => ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'].map((t) => (v + t).normalize('NFC')));
  const chars = [...letters, ...letters.map((c) => c.toUpperCase()), ...'bcdđĐghklmnpqrstvxHKNPQTX0123456789', ' ', ' ', '.', '-', '(', ')', '\u00a0'];
  const word = fc.oneof(
    fc.constantFrom('Xã', 'X.', 'Phường', 'P.', 'P', 'Thị trấn', 'TT.', 'Huyện', 'H.', 'Quận', 'Q.', 'Thành phố', 'TP.', 'Thị xã', 'TX.', 'Tỉnh', 'Đặc khu', 'Hoà', 'Hòa', 'Thủy', '01', '1'),
    fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')),
  );
  const name = fc.array(word, { maxLength: 5 }).map((ws) => ws.join(' '));
  const level = fc.constantFrom<UnitLevel>('commune', 'district', 'province');

  it('the key is idempotent, the same for NFD and NFC input, and has no diacritics', () => {
    fc.assert(
      fc.property(name, level, (n, l) => {
        const key = nameKey(n, l);
        expect(nameKey(key, l)).toBe(key);
        expect(nameKey(n.normalize('NFD'), l)).toBe(nameKey(n.normalize('NFC'), l));
        expect(key).toMatch(/^[a-z0-9]*$/);
        for (const r of readName(n, l)) expect(r.key).toMatch(/^[a-z0-9]*$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('the search key is idempotent, NFD-blind and ASCII', () => {
    fc.assert(
      fc.property(name, (n) => {
        const key = searchKey(n);
        expect(searchKey(key)).toBe(key);
        expect(searchKey(n.normalize('NFD'))).toBe(key);
        expect(key).toMatch(/^[a-z0-9 ]*$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('tone placement never changes the accent key', () => {
    const styles = fc.constantFrom(['Hòa', 'Hoà'], ['Thủy', 'Thuỷ'], ['khỏe', 'khoẻ'], ['Họa', 'Hoạ']);
    fc.assert(
      fc.property(name, styles, name, (before, [a, b], after) => {
        expect(accentKey(`${before} ${a} ${after}`, 'commune')).toBe(accentKey(`${before} ${b} ${after}`, 'commune'));
      }),
    );
  });
});
