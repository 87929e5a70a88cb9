// Resolutions: the fix-up list's choices saved as a file and applied again to the same file read afresh (in
// another browser, or by the edition build), only to rows still written as they were.
import { readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTable, keepDuplicate, resolve, type ImportContext, type ImportResult } from '../../../src/import/index.ts';
import { applyResolutions, parseResolutions, resolutionsDocument, resolutionsFor, resolutionsOf, waitingRows } from '../../../src/import/resolutions.ts';
import { focusUnits } from '../import/helpers.ts';

const BAD = resolvePath(import.meta.dirname, '../../fixtures/bad');
const ctx = (): ImportContext => ({ units: focusUnits(), currentYear: 2026, province: '45', defaultYear: 2024 });
const bytes = (text: string) => new TextEncoder().encode(text);
const buckets = (r: ImportResult) => Object.fromEntries(Object.entries(r.report.buckets).filter(([, n]) => n > 0));
/** "Phường 1" twice in Quảng Trị (Đông Hà, Thị xã Quảng Trị), a name found nowhere, a good row. */
const AMBIGUOUS = 'Tên đơn vị,Năm,Tổng số hộ,Số hộ nghèo\r\nPhường 1,2024,1800,9\r\nPhường Đông Giang,2024,2100,12\r\nXã Không Có,2024,900,40\r\nPhường 2,2024,1500,7\r\n';
const read = (name: string, data: Uint8Array) => importTable({ name, bytes: data }, ctx());

/** Saved and read back, as a person's file would be. */
const roundTrip = (r: ImportResult) => {
  const parsed = parseResolutions(JSON.stringify(resolutionsDocument([resolutionsOf(r)])));
  if (!parsed.ok) throw new Error(parsed.reason);
  return resolutionsFor([parsed.document], r.file, r.sheet)!;
};

describe('resolutions', () => {
  it('the units chosen and the rows left out settle the same rows of the file read again', async () => {
    const first = await read('phuong.csv', bytes(AMBIGUOUS));
    expect(waitingRows(first).map((r) => r.sourceRow)).toEqual([2, 4, 5]);
    let chosen = resolve(first, 2, '19333', focusUnits());
    chosen = resolve(chosen, 4, null);
    chosen = resolve(chosen, 5, '19360', focusUnits());
    const saved = roundTrip(chosen);
    expect(saved.units.map((u) => [u.row, u.unit])).toEqual([[2, '19333'], [4, null], [5, '19360']]);

    const again = applyResolutions(await read('phuong.csv', bytes(AMBIGUOUS)), saved, focusUnits());
    expect(again.applied).toBe(3);
    expect(again.stale).toEqual([]);
    expect(waitingRows(again.result)).toEqual([]);
    expect(buckets(again.result)).toEqual(buckets(chosen));
    expect(again.result.rows.find((r) => r.sourceRow === 5)?.commune_code).toBe('19360');
  });

  it('a choice follows its row when rows move, and is not applied to a row written otherwise', async () => {
    const saved = roundTrip(resolve(await read('phuong.csv', bytes(AMBIGUOUS)), 2, '19333', focusUnits()));
    // a row added above: "Phường 1" is now row 3
    const moved = AMBIGUOUS.replace('\r\n', '\r\nPhường Đông Lễ,2024,1700,5\r\n');
    const applied = applyResolutions(await read('phuong.csv', bytes(moved)), saved, focusUnits());
    expect(applied.result.rows.find((r) => r.sourceRow === 3)).toMatchObject({ commune_code: '19333', match: 'manual' });
    // the row now says "Phường 3": the choice is stale, the row still waits
    const changed = applyResolutions(await read('phuong.csv', bytes(AMBIGUOUS.replace('Phường 1,', 'Phường 3,'))), saved, focusUnits());
    expect(changed.applied).toBe(0);
    expect(changed.stale).toEqual([{ row: 2, written: { code: null, name: 'Phường 1', district: null, year: 2024 } }]);
    expect(waitingRows(changed.result).map((r) => r.sourceRow)).toContain(2);
  });

  it('the version kept of a unit-year given twice, and "keep none", are applied again', async () => {
    const file = () => read('conflicting_duplicates.csv', new Uint8Array(readFileSync(join(BAD, 'conflicting_duplicates.csv'))));
    const kept = keepDuplicate(await file(), [3, 6], 6);
    const savedKept = roundTrip(kept);
    expect(savedKept.versions).toEqual([{ rows: [3, 6], keep: 6, unit: '19372', year: 2025 }]);
    const again = applyResolutions(await file(), savedKept, focusUnits());
    expect(buckets(again.result)).toEqual(buckets(kept));

    const none = keepDuplicate(await file(), [3, 6], null);
    const againNone = applyResolutions(await file(), roundTrip(none), focusUnits());
    expect(buckets(againNone.result)).toEqual(buckets(none));
    expect(waitingRows(againNone.result)).toEqual([]);
  });

  it('a file that is not a resolutions file, a newer one or a damaged one is refused with the reason', () => {
    expect(parseResolutions('not json')).toEqual({ ok: false, reason: 'not_json' });
    expect(parseResolutions('{"format":"ntm-atlas-slides"}')).toEqual({ ok: false, reason: 'not_resolutions' });
    expect(parseResolutions('{"format":"ntm-atlas-resolutions","version":2,"files":[]}')).toEqual({ ok: false, reason: 'newer', version: 2 });
    expect(parseResolutions('{"format":"ntm-atlas-resolutions","version":1,"files":[{"file":"a.csv","units":[{"row":"x"}],"versions":[]}]}')).toEqual({ ok: false, reason: 'damaged' });
  });
});
