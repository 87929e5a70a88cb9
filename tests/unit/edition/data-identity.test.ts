// Links carry the data's identity (data=): the edition, the packages, the imports; what this browser lacks is named.
import { describe, expect, it } from 'vitest';
import { dataIdentity, missingData, missingDataNotice } from '../../../src/app/data-identity.ts';
import { i18n } from '../../../src/i18n/index.ts';

const none = new Map<string, string[]>();

describe('data identity', () => {
  it('names the edition, each package once and each import made here', () => {
    expect(dataIdentity({ edition: null, datasets: [] })).toBeNull();
    expect(dataIdentity({ edition: 'quang-tri-2024', datasets: [{ id: 'm1-1', package: 'abc123' }, { id: 'm1-2', package: 'abc123' }, { id: 'm2-3' }] })).toBe('e.quang-tri-2024~p.abc123~i.m2-3');
  });

  it('a link opened where its data is missing says what is missing; data made here or brought by its package is not', async () => {
    const here = { edition: 'quang-tri-2024', datasets: [{ id: 'm1-1', package: 'abc123' }], madeHere: new Map([['def456', ['m1-1']]]) };
    expect(missingData('e.quang-tri-2024~p.abc123~i.m1-1~p.def456', here)).toBeNull();
    expect(missingData(null, here)).toBeNull();
    const sample = { edition: null, datasets: [], madeHere: none };
    const m = missingData('e.quang-tri-2024~p.abc123~i.zz-9~i.zz-10~bad', sample);
    expect(m).toEqual({ edition: 'quang-tri-2024', packages: ['abc123'], imports: 2 });
    await i18n.changeLanguage('vi');
    expect(missingDataNotice(m!)).toBe(
      'Liên kết này được tạo từ dữ liệu không có ở đây: ấn bản "quang-tri-2024"; gói dữ liệu abc123; 2 bảng đã nhập ở trình duyệt khác. Bản đồ đang hiện dữ liệu có trong trình duyệt này, không phải số liệu của liên kết.',
    );
  });
});
