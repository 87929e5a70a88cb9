// Text safety (src/common/text-safety), the worker's failure messages, the view's caps, and the province
// detected against a second unit list (vintage).
import { describe, expect, it } from 'vitest';
import { hasUnsafeControls, quoteValue, unsafeControlsIn, visibleControls, withoutControls } from '../../../src/common/text-safety.ts';
import { buildUnitIndex, importTable, type Unit } from '../../../src/import/index.ts';
import { render } from '../../../src/i18n/catalogue.ts';
import { failureMessage, ImportFailure } from '../../../src/import/service/worker-failure.ts';
import { importView, listedRows } from '../../../src/import/service/import-view.ts';
import { lineRuns } from '../../../src/import/encoding-mixed.ts';
import { nfc } from '../../../src/export/wording.ts';
import { toCsv } from '../../../src/export/table-export.ts';
import { readUrlState } from '../../../src/state/url-state.ts';
import { msg } from '../../../src/i18n/message.ts';
import { focusUnits } from './helpers.ts';

describe('text safety', () => {
  const rlo = 'Hội \u202ENông dân\u202C tỉnh';
  it('finds, removes or shows bidi and control characters, and leaves Vietnamese and tabs alone', () => {
    expect(hasUnsafeControls(rlo)).toBe(true);
    expect(unsafeControlsIn(`${rlo}\u0000\u202E`)).toEqual(['U+202E', 'U+202C', 'U+0000']);
    expect(withoutControls(rlo)).toBe('Hội Nông dân tỉnh');
    expect(visibleControls(rlo)).toBe('Hội <U+202E>Nông dân<U+202C> tỉnh');
    expect(hasUnsafeControls('Xã Hướng Lộc\tA\r\n')).toBe(false);
  });

  it('quotes at most ~80 characters of a value, controls shown', () => {
    const long = 'x'.repeat(10_000);
    expect([...quoteValue(long)].length).toBe(80);
    expect(quoteValue(long).endsWith('…')).toBe(true);
    expect(quoteValue('abc\u202E')).toBe('abc<U+202E>');
    const { invalid } = readUrlState(`?year=${long}&sponsor=%E2%80%AEabc`);
    expect(invalid.map((v) => v.length <= 90)).toEqual([true, true]);
    expect(invalid[1]).toBe('sponsor=<U+202E>abc');
  });

  it('exports make controls visible: a CSV field cannot reorder its line', () => {
    expect(nfc(rlo)).toBe('Hội <U+202E>Nông dân<U+202C> tỉnh');
    const csv = toCsv([{ key: 'org', header: 'Đơn vị' }], [{ org: rlo }], { illustrative: false, source: '', locale: 'vi' });
    expect(csv).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(csv).toContain('<U+202E>');
  });
});

describe('the worker’s failures in words', () => {
  it('names running out of memory, a report no longer held, and anything else', () => {
    expect(render('vi', failureMessage(new RangeError('Array buffer allocation failed')))).toBe('trình duyệt không đủ bộ nhớ cho tệp này');
    expect(render('en', failureMessage(new DOMException('Data cannot be cloned, out of memory.', 'DataCloneError')))).toBe('the browser ran out of memory for this file');
    expect(render('en', failureMessage(new ImportFailure(msg('import.workerError.released'))))).toBe('this file’s report is no longer held; read the file again');
    expect(render('vi', failureMessage(new Error('boom')))).toBe('trình đọc tệp gặp lỗi: Error: boom');
  });
});

describe('the view', () => {
  it('carries at most listedRows rows to resolve, and counts them all', async () => {
    const text = ['Tên xã,Năm,Tổng số hộ', ...Array.from({ length: listedRows + 50 }, (_, i) => `Xa Khong Co ${i},2024,100`)].join('\n');
    const r = await importTable({ name: 'x.csv', bytes: new TextEncoder().encode(text) }, { units: focusUnits(), currentYear: 2026, province: '45' });
    const v = importView(r, 1);
    expect([v.toResolve.length, v.toResolveCount, v.report.unmatched]).toEqual([listedRows, listedRows + 50, listedRows + 50]);
  });
});

describe('lines listed as runs', () => {
  it('"2, 5-9, 14", then an ellipsis', () => {
    expect(lineRuns([2, 5, 6, 7, 8, 9, 14])).toBe('2, 5-9, 14');
    expect(lineRuns(Array.from({ length: 30 }, (_, i) => i * 2), 3)).toBe('0, 2, 4, …');
  });
});

describe('province detection over candidate unit lists', () => {
  // a post-reform list (illustrative): the communes of Bến Tre under new names, in a province coded "99"
  const bt = focusUnits().units.filter((u) => u.province_code === '83');
  const post: Unit[] = bt.map((u) => ({ ...u, commune_code: `9${u.commune_code.slice(1)}`, commune_name: `${u.commune_name} Mới`, province_code: '99', province_name: 'Tỉnh Vĩnh Long' }));

  it('a file on the other vintage’s units is named as such (no switch: the map draws the pre-reform units)', async () => {
    const text = ['Tên xã,Năm,Tổng số hộ', ...post.slice(0, 12).map((u) => `${u.commune_name},2026,100`)].join('\n');
    const r = await importTable(
      { name: 'x.csv', bytes: new TextEncoder().encode(text) },
      { units: focusUnits(), currentYear: 2026, province: '45', candidates: [{ vintage: 'from2025', index: buildUnitIndex(post) }] },
    );
    expect(r.detected).toMatchObject({ vintage: 'from2025', province_code: '99', matched: 12, scored: 12 });
    expect(render('vi', r.fileIssues.find((i) => i.code === 'province_detected')!.message)).toBe(
      'Tệp này khớp 12/12 dòng với danh mục đơn vị sau sắp xếp (từ 1/7/2025) của Tỉnh Vĩnh Long; bản đồ đang dùng danh mục trước sắp xếp.',
    );
  });
});
