/**
 * Large CSV imports end to end (decode, parse, header, values, match, validate, report). Asserts correctness
 * only; timings are printed once (targets: 10,000 rows < 1 s, 100,000 rows < 3 s in Node).
 */
import { describe, expect, it } from 'vitest';
import { importTable } from '../../../src/import/index.ts';
import { buildUnitIndex, type UnitIndex } from '../../../src/import/match.ts';
import type { Unit } from '../../../src/import/types.ts';
import { focusUnits, nationalUnits } from './helpers.ts';

/** The national list when the data pack is there; otherwise 10,600 synthetic units built on the focus list. */
function units(): { list: Unit[]; national: boolean } {
  const national = nationalUnits();
  if (national) return { list: national, national: true };
  const base = focusUnits().units;
  const list = Array.from({ length: 10_600 }, (_, i) => {
    const u = base[i % base.length];
    return { ...u, commune_code: String(10_000 + i).padStart(5, '0'), commune_name: `${u.commune_name} ${Math.floor(i / base.length)}` };
  });
  return { list, national: false };
}

const vn = (n: number) => n.toLocaleString('vi-VN');

function makeCsv(list: Unit[], rows: number): string {
  const out = ['STT,Mã xã,Tên xã,Huyện,Năm,Số tiêu chí đạt,Tổng số hộ,Số hộ nghèo,Số hộ cận nghèo,Tỷ lệ hộ nghèo (%)'];
  for (let i = 0; i < rows; i++) {
    const u = list[i % list.length];
    const year = 2024 - Math.floor(i / list.length);
    const households = 500 + ((i * 7919) % 4000);
    const poor = (i * 104729) % Math.floor(households / 5);
    const near = (i * 1299709) % Math.floor(households / 5);
    const rate = ((100 * poor) / households).toFixed(2).replace('.', ',');
    const criteria = u.commune_type === 'Xã' ? String(5 + (i % 15)) : '';
    out.push(`${i + 1},${u.commune_code},${u.commune_name},${u.district_name},${year},${criteria},"${vn(households)}",${poor},${near},"${rate}"`);
  }
  return '\ufeff' + out.join('\r\n') + '\r\n';
}

describe('performance', () => {
  const { list, national } = units();
  let index: UnitIndex;
  const timings: string[] = [];

  it.each([10_000, 100_000])('imports %i rows correctly', async (n) => {
    index ??= buildUnitIndex(list);
    const bytes = new TextEncoder().encode(makeCsv(list, n));
    const t0 = performance.now();
    const r = await importTable({ name: `big-${n}.csv`, bytes }, { units: index, currentYear: 2025 });
    const ms = performance.now() - t0;
    timings.push(`${n.toLocaleString('en-US')} rows (${(bytes.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms`);
    expect(r.ok).toBe(true);
    expect(r.encoding!.name).toBe('utf-8-bom');
    expect(r.report.read).toBe(n);
    expect(r.report.matchedByCode).toBe(n);
    expect(r.report.rejected).toBe(0);
    expect(r.report.errors).toBe(0);
    expect(r.report.accepted).toBe(n);
    const last = r.rows[n - 1];
    expect(last.sourceRow).toBe(n + 1);
    expect(last.commune_code).toBe(list[(n - 1) % list.length].commune_code);
    expect(last.values.households).toBe(500 + (((n - 1) * 7919) % 4000));
    if (n === 100_000) {
      // eslint-disable-next-line no-console
      console.log(`import timings (${list.length.toLocaleString('en-US')} ${national ? 'national' : 'synthetic'} units): ${timings.join('; ')}`);
    }
  });
});
