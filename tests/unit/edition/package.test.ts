// Data packages: what is imported here, as one file with a version and a checksum; read back exactly, or refused
// with the reason (damaged, cut short, not a package, from a newer version) before anything changes.
import { describe, expect, it } from 'vitest';
import { makePackage, mergeSlides, readPackage, type PackageContents } from '../../../src/import/service/package.ts';
import type { StoredDataset } from '../../../src/import/service/imports.ts';
import { parseDeck, type SlideDeck } from '../../../src/present/slides.ts';
import type { UserTargetRow } from '../../../src/db/sql/targets.ts';
import { render } from '../../../src/i18n/catalogue.ts';

const dataset = (id: string, seq: number): StoredDataset => ({
  version: 2,
  id,
  file: `qt_${id}.csv`,
  importedAt: '2025-06-30T08:00:00.000Z',
  mode: 'beside',
  seq,
  counts: { communeYear: 2, poverty: 0, scope: 1, sponsorship: 0 },
  skipped: [{ row: 9, reason: 'no_year' }],
  rows: 2,
  resolutions: { file: `qt_${id}.csv`, sheet: null, units: [{ row: 3, written: { code: null, name: 'Phường 1', district: null, year: 2024 }, unit: '19333' }], versions: [] },
  arrow: { communeYear: Uint8Array.from([1, 2, 3, 250, 0, 7]), poverty: null, scope: Uint8Array.from([9, 8]), sponsorship: null },
});
const target: UserTargetRow = {
  target_id: 'u-1', province_code: '45', province_name: 'Quảng Trị', target_year: 2025, indicator: 'ntm_share', value: '75', value_num: 75,
  value_min: 75, value_max: 75, unit: '%', note: '', source: 'Nghị quyết', parent_id: null, entered_at: '2025-06-30T08:00:00.000Z',
};
const written = {
  format: 'ntm-atlas-slides', version: 1, title: 'Hội nghị',
  slides: [{ id: 's1', title: 'Quảng Trị 2024', subtitle: '', source: '', dataDate: '', view: { province: '45', year: 2024, indicator: 'status', compareYear: 2020, criterion: 1, district: null, selectedCode: null, sponsor: null, classMethod: 'jenks', classCount: 5, manualBreaks: [] } }],
};
/** The deck as the app keeps it (read as a carried slide file is). */
const deck: SlideDeck = (() => {
  const parsed = parseDeck(JSON.stringify(written));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.deck;
})();
const contents: PackageContents = { datasets: [dataset('a1', 1), dataset('b2', 2)], targets: [target], slides: deck, edition: 'quang-tri-2024' };
const reason = async (bytes: Uint8Array) => {
  const r = await readPackage(bytes);
  return r.ok ? null : render('vi', r.reason);
};
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('data packages', () => {
  it('read back, a package gives the same datasets (rows, choices, counts), targets, slides and edition', async () => {
    const { id, bytes: file } = await makePackage(contents);
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const head = JSON.parse(text(file));
    expect(head).toMatchObject({ format: 'ntm-atlas-package', version: 1, id, checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const r = await readPackage(file);
    if (!r.ok) throw new Error(render('en', r.reason));
    expect(r.package.id).toBe(id);
    expect(r.package.edition).toBe('quang-tri-2024');
    expect(r.package.datasets).toEqual(contents.datasets);
    expect(r.package.targets).toEqual([target]);
    expect(r.package.slides).toEqual(deck);
  });

  it('a changed byte, a cut-short file, another file and a newer version are refused, with the reason', async () => {
    const { bytes: file } = await makePackage(contents);
    const s = text(file);
    // one figure changed inside the payload (still valid JSON)
    const edited = s.replace('"rows":2', '"rows":3');
    expect(edited).not.toBe(s);
    expect(await reason(bytes(edited))).toBe('gói bị hỏng (mã kiểm tra không khớp: tệp đã bị thay đổi hoặc chép thiếu)');
    expect(await reason(file.subarray(0, file.length - 100))).toMatch(/^gói bị hỏng/);
    expect(await reason(bytes('{"format":"ntm-atlas-slides","version":1}'))).toBe('tệp này không phải gói dữ liệu NTM Atlas');
    expect(await reason(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toBe('tệp này không phải gói dữ liệu NTM Atlas');
    const newer = s.replace('"version":1', '"version":2');
    expect(await reason(bytes(newer))).toBe('gói do phiên bản mới hơn của NTM Atlas tạo ra (gói phiên bản 2, ứng dụng này đọc đến phiên bản 1): hãy dùng phiên bản mới');
  });

  it('slides already in the deck are not added twice', () => {
    expect(mergeSlides(deck, deck)).toEqual({ deck, added: 0 });
    const empty: SlideDeck = { format: 'ntm-atlas-slides', version: 1, title: '', slides: [] };
    expect(mergeSlides(empty, deck)).toEqual({ deck: { ...empty, title: 'Hội nghị', slides: deck.slides }, added: 1 });
  });
});
