import { describe, expect, it } from 'vitest';
import {
  detectAndDecode,
  detectLegacyInUnicode,
  encodeTcvn3,
  encodeVni,
  encodeWindows1258,
  fixVnTimeHCase,
  isVietnameseSyllable,
  vietnameseScore,
} from '../../../src/import/encoding.ts';
import { render } from '../../../src/i18n/catalogue.ts';

const SAMPLE = 'Mã xã,Tên xã,Huyện,Số tiêu chí đạt\n19474,Xã Hướng Lộc,Hướng Hóa,19\n19636,Xã Triệu Độ,Triệu Phong,19\n19624,Thị Trấn Ái Tử,Triệu Phong,\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

describe('detectAndDecode', () => {
  it('reads UTF-8 with and without BOM', () => {
    const plain = detectAndDecode(utf8(SAMPLE));
    expect(plain.encoding).toBe('utf-8');
    expect(plain.text).toBe(SAMPLE);
    expect(plain.note.converted).toBe(false);
    const bom = detectAndDecode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.text).toBe(SAMPLE);
    expect(render('en', bom.note.sentences)).toBe('Read as UTF-8 (with BOM); no conversion needed.');
  });

  it('reports a plain-ASCII file as utf-8', () => {
    const r = detectAndDecode(utf8('a,b\n1,2\n'));
    expect(r.encoding).toBe('utf-8');
    expect(render('en', r.note.sentences)).toMatch(/plain ASCII/);
  });

  it('normalises decomposed (NFD) UTF-8 to NFC and says so', () => {
    const r = detectAndDecode(utf8(SAMPLE.normalize('NFD')));
    expect(r.text).toBe(SAMPLE);
    expect(r.note.normalisedChars).toBeGreaterThan(0);
    expect(r.note.converted).toBe(true);
    expect(render('vi', r.note.sentences)).toMatch(/NFC/);
  });

  it.each([
    ['utf-16le', true, true],
    ['utf-16be', false, true],
    ['utf-16le', true, false],
    ['utf-16be', false, false],
  ] as const)('reads %s (BOM: %s)', (enc, le, bom) => {
    const r = detectAndDecode(utf16(SAMPLE, le, bom));
    expect(r.encoding).toBe(enc);
    expect(r.text).toBe(SAMPLE);
  });

  it.each([
    ['tcvn3', encodeTcvn3],
    ['vni', encodeVni],
    ['windows-1258', encodeWindows1258],
  ] as const)('detects %s by scoring Vietnamese syllables', (enc, encode) => {
    const r = detectAndDecode(encode(SAMPLE));
    expect(r.encoding).toBe(enc);
    expect(r.text).toBe(SAMPLE);
    expect(r.note.converted).toBe(true);
    expect(r.note.uncertain).toBe(false);
    const scores = r.note.scores!;
    const others = Object.entries(scores).filter(([k]) => k !== enc).map(([, v]) => v!);
    expect(scores[enc]!).toBeGreaterThan(Math.max(...others) + 0.3);
    expect(render('en', r.note.sentences)).toMatch(/^Converted from .* to Unicode \(NFC\): \d+ Vietnamese characters converted\.$/);
    expect(render('vi', r.note.sentences)).toMatch(/^Đã chuyển từ bảng mã .* sang Unicode dựng sẵn \(NFC\)/);
  });

  it('detects a short single-line legacy file', () => {
    expect(detectAndDecode(encodeVni('Xã Hướng Lộc')).text).toBe('Xã Hướng Lộc');
    expect(detectAndDecode(encodeTcvn3('Xã Hướng Lộc')).text).toBe('Xã Hướng Lộc');
  });

  it('upper-cases words typed with the capitals-only .VnTimeH font', () => {
    // "BIÓU TæNG HîP" in TCVN3 bytes, i.e. lower-case toned letters inside upper-case words
    const bytes = Uint8Array.from([...'BI'].map((c) => c.charCodeAt(0)).concat([0xd3, 0x55, 0x20, 0x54, 0xe6, 0x4e, 0x47, 0x20, 0x48, 0xee, 0x50, 0x2c, 0x58, 0xb7]));
    const r = detectAndDecode(bytes);
    expect(r.encoding).toBe('tcvn3');
    expect(r.text).toBe('BIỂU TỔNG HỢP,Xã');
    expect(r.note.upperCasedWords).toBe(3);
    expect(fixVnTimeHCase('Xã Đông').text).toBe('Xã Đông');
  });
});

describe('Vietnamese syllables', () => {
  it.each(['nghĩa', 'Hướng', 'quảng', 'khuyến', 'giữa', 'người', 'Đông', 'TRƯỜNG', 'oà', 'thuỷ'])('%s is a syllable', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  it.each(['Vieät', 'Tªn', 'ñoäc', 'hoµ', 'ẩả', 'krông', 'HuyÖn'])('%s is not', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
  it('scores only words with non-ASCII letters', () => {
    expect(vietnameseScore('abc 123')).toBeNull();
    expect(vietnameseScore('Xã Hướng Lộc')).toBe(1);
  });
});

describe('legacy text inside Unicode cells (XLSX typed with .VnTime / VNI fonts)', () => {
  const latin1 = (b: Uint8Array) => String.fromCharCode(...b);
  it('finds TCVN3 and VNI text and converts it', () => {
    const cells = ['Tên xã', 'Xã Hướng Lộc', 'Số tiêu chí đạt', 'Đạt chuẩn'];
    const tc = detectLegacyInUnicode(cells.map((c) => latin1(encodeTcvn3(c))))!;
    expect(tc.encoding).toBe('tcvn3');
    expect(tc.convert(latin1(encodeTcvn3('Xã Triệu Độ')))).toBe('Xã Triệu Độ');
    const vn = detectLegacyInUnicode(cells.map((c) => latin1(encodeVni(c))))!;
    expect(vn.encoding).toBe('vni');
    expect(vn.convert(latin1(encodeVni('Xã Triệu Độ')))).toBe('Xã Triệu Độ');
  });
  it('leaves proper Unicode and plain Latin text alone', () => {
    expect(detectLegacyInUnicode(['Tên xã', 'Xã Hướng Lộc'])).toBeNull();
    expect(detectLegacyInUnicode(['Name', 'Café', 'Total'])).toBeNull();
  });
});
