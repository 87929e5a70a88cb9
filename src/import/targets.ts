/**
 * A targets table (programme targets per province and target year: "Tỉnh | Chỉ tiêu | Năm mục tiêu | Giá trị |
 * Ghi chú | Nguồn"), read from the grid the import pipeline made of the file (encodings, CSV/XLSX, hidden controls
 * already dealt with: see importTable). Each row's province is found by code or name among the provinces of the
 * vintage of its target year (2026 and later: the 34 post-reform provinces, whose codes collide with the old ones:
 * 44 is new Quảng Trị there, old Quảng Bình before). Every row of the file is accounted for: a header or blank row,
 * a target read, or a row refused with messages naming the row, the column and what to do.
 */
import { PROGRAMME_YEARS } from '../common/programme';
import { otherVintage, vintageOfYear } from '../common/vintage';
import { foldWords } from '../common/vn-name';
import { msg, type MessageParams } from '../i18n/message';
import { findProvince, type UnitIndex } from './match';
import type { TargetsHeader } from './targets-headers';
import type { ReadTarget, RefusedTarget, TargetColumn, TargetField, TargetIssue, TargetIssueCode, TargetsOfProvince, TargetsRead } from './targets-types';
import { cellText, foldKey } from './text';
import { parseNumber } from './values';
import { unitVintageOf, type Cell, type Grid, type UnitVintage } from './types';
import { inProgrammeYears } from './year';

export { findTargetsHeader, type TargetsHeader } from './targets-headers';
export type * from './targets-types';

/** A target indicator the scorecard measures (src/db/sql/scorecard.ts TARGET_MEASURES), and the names it goes by. */
export interface TargetIndicator {
  key: string;
  /** what a file may write for it: the key, its labels in the catalogue's languages */
  names: readonly string[];
}

/** "75" / "75,5" / "1800-2200" / "1.800 – 2.200" -> its bounds; null when it is neither a number nor a range. */
export function parseTargetValue(text: string): { num: number | null; min: number; max: number } | null {
  // the import's number reader: as a count first ("1.800" groups thousands), else as a decimal ("75,5", "1.5")
  const number = (t: string) => {
    const asCount = parseNumber(t, 'count');
    const n = asCount.error === 'not_integer' ? parseNumber(t, 'decimal') : asCount;
    return n.error ? null : n.value;
  };
  const range = /^(.+?)\s*[-–]\s*(.+)$/.exec(text.trim());
  if (range) {
    const [a, b] = [number(range[1]), number(range[2])];
    return a !== null && b !== null && a <= b ? { num: null, min: a, max: b } : null;
  }
  const n = number(text);
  return n === null ? null : { num: n, min: n, max: n };
}

/** The whole country: the scorecard's province '00'. */
export const NATIONAL_CODE = '00';
const NATIONAL = /^(0{1,2}|ca nuoc|toan quoc|viet nam|vietnam|national|whole country|country)$/;

export interface TargetsContext {
  /** the province lists of each vintage (one is absent only when it could not be loaded: its rows are refused, saying so) */
  units: Partial<Record<UnitVintage, UnitIndex>>;
  indicators: readonly TargetIndicator[];
}

function indicatorKeys(indicators: readonly TargetIndicator[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const i of indicators) for (const n of [i.key, i.key.replace(/^target_/, ''), ...i.names]) byName.set(foldKey(n), i.key);
  return byName;
}

/** The names (at most four) of the indicators a name written short begins ("Tỷ lệ hộ nghèo": two of them). */
function indicatorsBegunBy(indicators: readonly TargetIndicator[], text: string): string[] {
  const k = foldKey(text);
  return indicators.flatMap((i) => i.names.find((n) => foldKey(n).startsWith(k)) ?? []).slice(0, 4);
}

const isBlank = (c: Cell | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** Reads the rows below the header found by findTargetsHeader. */
export function readTargets(grid: Grid, header: TargetsHeader, ctx: TargetsContext): TargetsRead {
  const byName = indicatorKeys(ctx.indicators);
  const col = (f: TargetField) => header.columns.find((c) => c.field === f) ?? null;
  const [codeCol, nameCol, indicatorCol, yearCol, valueCol, noteCol, sourceCol] = (
    ['province_code', 'province_name', 'indicator', 'target_year', 'value', 'note', 'source'] as const
  ).map(col);
  const used = header.columns.filter((c) => c.field).map((c) => c.index);
  const targets: ReadTarget[] = [];
  const refused: RefusedTarget[] = [];
  const seen = new Map<string, number>();
  let blankRows = 0;
  for (const r of grid.rows.slice(header.gridIndex + 1)) {
    if (used.every((i) => isBlank(r.cells[i]))) {
      blankRows++;
      continue;
    }
    const text = (c: TargetColumn | null) => (c ? cellText(r.cells[c.index] ?? null) : '');
    const issues: TargetIssue[] = [];
    const problem = (code: TargetIssueCode, c: TargetColumn | null, params: MessageParams = {}) =>
      issues.push({ row: r.rowNumber, column: c?.header ?? null, code, message: msg(`import.targets.issue.${code}`, { row: r.rowNumber, column: c?.header ?? '', ...params }) });
    if (header.missing.length) {
      problem('columns_missing', null);
      refused.push({ row: r.rowNumber, issues });
      continue;
    }

    // indicator
    const indicatorText = text(indicatorCol);
    const indicator = indicatorText ? byName.get(foldKey(indicatorText)) ?? null : null;
    if (!indicatorText) problem('indicator_blank', indicatorCol);
    else if (!indicator) {
      // a name written short is never taken for one of the names it begins: the row names the ones it could be
      const begun = indicatorsBegunBy(ctx.indicators, indicatorText);
      if (begun.length) problem('indicator_short', indicatorCol, { value: indicatorText, names: begun.map((n) => `"${n}"`).join(', ') });
      else problem('indicator_unknown', indicatorCol, { value: indicatorText });
    }

    // target year: it decides the vintage the province is read in
    const yearText = text(yearCol);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    const programme = { first: PROGRAMME_YEARS.first, last: PROGRAMME_YEARS.last };
    if (!yearText) problem('year_blank', yearCol, programme);
    else if (year === null || !inProgrammeYears(year)) problem('year_outside', yearCol, { value: yearText, ...programme });

    // value
    const valueText = text(valueCol);
    const value = valueText ? parseTargetValue(valueText) : null;
    if (!valueText) problem('value_blank', valueCol);
    else if (!value) problem('value_invalid', valueCol, { value: valueText });

    // province, in the vintage of the year
    const vintage = year !== null && inProgrammeYears(year) ? vintageOfYear(year) : null;
    let province: { code: string; name: string } | null = null;
    const given = [codeCol, nameCol].filter((c) => c && text(c)) as TargetColumn[];
    if (!given.length) problem('province_blank', codeCol ?? nameCol);
    else if (vintage) {
      const index = ctx.units[unitVintageOf(vintage)];
      if (!index) problem('province_list_missing', given[0], { vintage: msg(`vintage.name.${vintage}`) });
      else {
        const found = given.map((c) => ({ c, p: provinceIn(index, text(c)) }));
        const miss = found.find((f) => !f.p);
        if (miss) {
          const other = ctx.units[unitVintageOf(otherVintage(vintage))];
          const there = other ? provinceIn(other, text(miss.c)) : null;
          const params = { value: text(miss.c), year: year!, vintage: msg(`vintage.name.${vintage}`) };
          if (there && there.code !== NATIONAL_CODE) problem('province_other_vintage', miss.c, { ...params, name: there.name, other: msg(`vintage.name.${otherVintage(vintage)}`) });
          else problem('province_unknown', miss.c, params);
        } else if (found.length === 2 && found[0].p!.code !== found[1].p!.code) {
          problem('province_mismatch', found[1].c, { code: text(found[0].c), codeName: found[0].p!.name, value: text(found[1].c), name: found[1].p!.name });
        } else province = found[0].p;
      }
    }

    if (!issues.length && province && indicator && year !== null && value && vintage) {
      const key = [province.code, vintage, indicator, year].join('|');
      const first = seen.get(key);
      if (first !== undefined) problem('duplicate', null, { first });
      else {
        seen.set(key, r.rowNumber);
        targets.push({
          row: r.rowNumber, province_code: province.code, province_name: province.name, vintage, indicator, target_year: year,
          value: valueText, value_num: value.num, value_min: value.min, value_max: value.max, note: text(noteCol), source: text(sourceCol),
        });
        continue;
      }
    }
    refused.push({ row: r.rowNumber, issues });
  }
  return {
    headerRow: header.rowNumber,
    columns: header.columns,
    missing: header.missing,
    targets,
    refused,
    provinces: byProvince(targets),
    rowsInFile: grid.rows.length,
    headerRows: header.gridIndex + 1,
    blankRows,
  };
}

/** A province by code or name, or the whole country. */
function provinceIn(index: UnitIndex, text: string): { code: string; name: string } | null {
  if (NATIONAL.test(foldWords(text))) return { code: NATIONAL_CODE, name: '' };
  const p = findProvince(index, text);
  return p ? { code: p.province_code, name: p.province_name } : null;
}

function byProvince(targets: readonly ReadTarget[]): TargetsOfProvince[] {
  const out = new Map<string, TargetsOfProvince>();
  for (const t of targets) {
    const k = `${t.vintage}|${t.province_code}`;
    const o = out.get(k) ?? { province_code: t.province_code, province_name: t.province_name, vintage: t.vintage, count: 0 };
    o.count++;
    out.set(k, o);
  }
  return [...out.values()];
}
