import { describe, expect, it } from 'vitest';
import {
  decodeTcvn3,
  decodeVni,
  decodeWindows1258,
  encodeTcvn3,
  encodeVni,
  encodeWindows1258,
} from '../../../src/import/encoding.ts';
import { TCVN3_LETTERS, TCVN3_TONE_MARKS, TCVN3_VN1_GAP_LETTERS, VNI_LETTERS } from '../../../src/import/legacy-vn-tables.ts';
import { focusUnits } from './helpers.ts';

const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** Every Vietnamese letter: 12 bases x (no tone + 5 tones), lower and upper case, plus đ/Đ = 146 (134 non-ASCII). */
const LETTERS = [...BASES.flatMap((b) => TONES.map((t) => (b + t).normalize('NFC'))).flatMap((c) => [c, c.toUpperCase()]), 'đ', 'Đ'];
const NON_ASCII = LETTERS.filter((c) => c.charCodeAt(0) > 0x7f);

describe('legacy Vietnamese tables', () => {
  it('cover every letter', () => {
    expect(LETTERS).toHaveLength(146);
    expect(NON_ASCII).toHaveLength(134);
    const vni = new Set(VNI_LETTERS.map(([c]) => c));
    expect(NON_ASCII.filter((c) => !vni.has(c))).toEqual([]);
    expect(VNI_LETTERS).toHaveLength(134);
    // TCVN3 (VN3): every lower-case letter and the seven upper-case base letters
    const tcvn = new Set(TCVN3_LETTERS.map(([c]) => c));
    expect(NON_ASCII.filter((c) => c === c.toLowerCase() && !tcvn.has(c))).toEqual([]);
    expect([...tcvn].filter((c) => c !== c.toLowerCase()).sort()).toEqual(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'].sort());
    expect(TCVN3_LETTERS).toHaveLength(74);
  });

  it('use each byte (sequence) once', () => {
    const tcvnBytes = [...TCVN3_LETTERS, ...TCVN3_TONE_MARKS, ...TCVN3_VN1_GAP_LETTERS].map(([, b]) => b);
    expect(new Set(tcvnBytes).size).toBe(tcvnBytes.length);
    expect(tcvnBytes.every((b) => b >= 0xa0 && b <= 0xff)).toBe(true);
    const vniSeqs = VNI_LETTERS.map(([, b]) => b.join(','));
    expect(new Set(vniSeqs).size).toBe(vniSeqs.length);
    // VNI: single-byte letters never double as modifier bytes
    const singles = new Set(VNI_LETTERS.filter(([, b]) => b.length === 1).map(([, b]) => b[0]));
    const modifiers = new Set(VNI_LETTERS.filter(([, b]) => b.length === 2).map(([, b]) => b[1]));
    expect([...singles].filter((b) => modifiers.has(b))).toEqual([]);
  });

  it('decode the classic .VnTime and VNI-Times samples', () => {
    const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    expect(decodeTcvn3(latin1('Céng hoµ x· héi chñ nghÜa ViÖt Nam'))).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3(latin1('§éc lËp - Tù do - H¹nh phóc'))).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeVni(latin1('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'))).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(decodeVni(latin1('Ñoäc laäp - Töï do - Haïnh phuùc'))).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeVni(latin1('TRÖÔØNG ÑAÏI HOÏC'))).toBe('TRƯỜNG ĐẠI HỌC');
  });

  it.each([
    ['TCVN3', encodeTcvn3, decodeTcvn3],
    ['VNI', encodeVni, decodeVni],
    ['Windows-1258', encodeWindows1258, decodeWindows1258],
  ] as const)('%s round-trips every letter, upper and lower case', (_name, enc, dec) => {
    const text = LETTERS.join(' ');
    expect(dec(enc(text))).toBe(text);
  });

  it.each([
    ['TCVN3', encodeTcvn3, decodeTcvn3],
    ['VNI', encodeVni, decodeVni],
    ['Windows-1258', encodeWindows1258, decodeWindows1258],
  ] as const)('%s round-trips every commune and district name of Quảng Trị and Bến Tre', (_name, enc, dec) => {
    const units = focusUnits().units.filter((u) => u.province_code === '45' || u.province_code === '83');
    expect(units.length).toBeGreaterThan(270);
    const names = [...new Set(units.flatMap((u) => [u.commune_name, u.district_name, u.province_name]))];
    const failures = names.filter((n) => dec(enc(n)) !== n.normalize('NFC'));
    expect(failures).toEqual([]);
  });

  it('writes upper-case toned letters in TCVN3 as base letter + combining tone byte', () => {
    expect([...encodeTcvn3('Ái')]).toEqual([0x41, 0xb3, 0x69]);
    expect([...encodeTcvn3('Ấp')]).toEqual([0xa2, 0xb3, 0x70]);
    // VN1 upper-case letters in the gaps of the VN3 block are decoded too
    expect(decodeTcvn3(Uint8Array.from([0xc4, 0x70]))).toBe('Ấp');
  });

  it('refuses characters an encoding cannot hold', () => {
    expect(() => encodeTcvn3('中')).toThrow(/TCVN3/);
    expect(() => encodeVni('€uro ✓')).toThrow(/VNI/);
  });
});
