import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Plot from '@observablehq/plot';
import { useStore } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import type { PlannerRow } from '../../db/sql/planner';
import { formatNumber, formatPercent, type Locale } from '../../i18n';
import { vietnameseCollator } from '../../i18n/collate';
import { shortDistrictName, shortProvinceName } from '../../common/vn-name';
import { PlotFigure } from '../charts/PlotFigure';
import { exportPlannerTable, plannerColumnIllustrative, plannerColumnSeries } from '../../export/planner-table';
import { IllustrativeMark, IllustrativeNote } from '../IllustrativeMark';
import { YearSelect } from '../controls/YearSelect';

type Key = keyof PlannerRow;

const columns: { key: Key; format: 'int' | 'share' | 'dec' | 'pts' | 'text' }[] = [
  { key: 'in_scope', format: 'int' },
  { key: 'ntm', format: 'int' },
  { key: 'ntm_share', format: 'share' },
  { key: 'nang_cao', format: 'int' },
  { key: 'kieu_mau', format: 'int' },
  { key: 'avg_criteria', format: 'dec' },
  { key: 'below_floor', format: 'int' },
  { key: 'poor_rate', format: 'share' },
  { key: 'near_poor_rate', format: 'share' },
  { key: 'ntm_share_change', format: 'pts' },
  { key: 'poor_rate_change', format: 'pts' },
  { key: 'expected_share', format: 'share' },
  { key: 'target_gap', format: 'pts' },
  { key: 'recognition_year', format: 'text' },
];

function cell(v: unknown, format: string, locale: Locale): string {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '–';
  const n = v as number;
  if (format === 'int') return formatNumber(n, locale);
  if (format === 'share') return formatPercent(n, locale);
  if (format === 'dec') return formatNumber(n, locale, 1);
  if (format === 'pts') return `${n > 0 ? '+' : ''}${formatNumber(n * 100, locale, 1)}`;
  return String(v);
}

/** District table (or province table in the national view) with sorting, flags and a ranking chart. */
export function DistrictTable() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'ntm_share', desc: true });
  const short = s.province === null ? shortProvinceName : shortDistrictName;
  const rows = useMemo(() => {
    const out = [...s.planner];
    out.sort((a, b) => {
      const x = a[sort.key], y = b[sort.key];
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const c = typeof x === 'string' ? vietnameseCollator.compare(x, y as string) : (x as number) - (y as number);
      return sort.desc ? -c : c;
    });
    return out;
  }, [s.planner, sort]);
  const chart = useCallback(() => {
    const data = s.planner.filter((r) => r.ntm_share !== null).map((r) => ({ name: short(r.group_name), share: r.ntm_share! * 100, behind: r.behind, expected: r.expected_share === null ? null : r.expected_share * 100 }));
    return Plot.plot({
      width: 280,
      height: Math.max(120, data.length * 16 + 40),
      marginLeft: 96,
      x: { domain: [0, 100], label: t('planner.chartX'), grid: true },
      y: { label: null },
      color: { domain: [false, true], range: ['#41ab5d', '#c51b7d'] },
      marks: [
        Plot.barX(data, { x: 'share', y: 'name', fill: 'behind', sort: { y: 'x', reverse: true } }),
        Plot.tickX(data.filter((d) => d.expected !== null), { x: 'expected', y: 'name', stroke: '#222', strokeWidth: 2 }),
        Plot.ruleX([0]),
      ],
    });
  }, [s.planner, short, t]);
  const level = s.province === null ? 'province' : 'district';
  const behind = s.planner.filter((r) => r.behind).length;
  // columns marked by the series they are computed from, where a shown row's value of it is illustrative
  const marked = new Set(columns.map((c) => c.key).filter((k) => plannerColumnIllustrative(s.planner, k)));
  return (
    <section className="district-table" data-testid="district-table">
      <h2>{t(`planner.title.${level}`, { year: s.year, base: s.compareYear })}</h2>
      <div className="planner-options">
        <YearSelect label={t('planner.baseYear')} value={s.compareYear} onChange={(y) => void atlas.setCompareYear(y)} />
        <label>
          {t('planner.floor')}
          <input type="number" min={0} max={19} value={s.floor} onChange={(e) => void atlas.setFloor(Number(e.target.value))} style={{ width: '4em' }} />
        </label>
      </div>
      <p className="planner-summary" data-testid="planner-summary">
        {t('planner.behindSummary', { count: behind, total: s.planner.length })}
      </p>
      <div className="row no-print">
        <button type="button" data-testid="table-csv" onClick={() => void exportPlannerTable(s, 'csv', t)}>
          {t('export.csv')}
        </button>
        <button type="button" data-testid="table-xlsx" onClick={() => void exportPlannerTable(s, 'xlsx', t)}>
          {t('export.xlsx')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('export.print')}
        </button>
      </div>
      <PlotFigure build={chart} label={t('planner.chartLabel')} />
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">
                <button type="button" onClick={() => setSort({ key: 'group_name', desc: sort.key === 'group_name' ? !sort.desc : false })}>
                  {t(`planner.col.name_${level}`)}
                </button>
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" data-key={c.key} data-series={plannerColumnSeries(c.key) ?? undefined} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" onClick={() => setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : true })}>
                    {t(`planner.col.${c.key}`, { floor: s.floor })}
                  </button>
                  <IllustrativeMark show={marked.has(c.key)} compact />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group_code} data-code={r.group_code} className={r.behind ? 'behind' : undefined}>
                <th scope="row">
                  <button type="button" onClick={() => void (level === 'district' ? atlas.setDistrict(r.group_code) : atlas.setProvince(r.group_code))}>
                    {short(r.group_name)}
                  </button>
                  {r.behind && <span className="flag" title={t('planner.behind')}> ⚑</span>}
                </th>
                {columns.map((c) => (
                  <td key={c.key}>{c.key === 'recognition_year' && r.recognition ? `${t(`planner.recognition.${r.recognition}`)} ${r.recognition_year}` : cell(r[c.key], c.format, s.locale)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <IllustrativeNote show={marked.size > 0} marked />
    </section>
  );
}
