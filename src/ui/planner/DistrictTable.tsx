import { useCallback, useMemo } from 'react';
import { useTranslation } from '../use-translation';
import { POST_REFORM } from '../../common/vintage';
import { useStore, useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import type { PlannerRow } from '../../db/sql/planner';
import { shortDistrictName, shortProvinceName } from '../../common/vn-name';
import { PlotFigure, type PlotModule } from '../charts/PlotFigure';
import { exportPlannerTable, plannerColumnIllustrative, plannerColumnSeries } from '../../export/planner-table';
import { IllustrativeMark, IllustrativeNote } from '../IllustrativeMark';
import { YearSelect } from '../controls/YearSelect';
import { DistrictCommunes } from './DistrictCommunes';
import { nextSort, sortRows, tableView } from './table-view';
import { PlannerTableRow, type PlannerColumn } from './PlannerTableRow';
import '../decisions.css';

type Key = keyof PlannerRow;

/** The few columns a planner reads first; the others on demand ("all columns"). */
const keyColumns: PlannerColumn[] = [
  { key: 'in_scope', format: 'int' },
  { key: 'ntm_share', format: 'share' },
  { key: 'expected_share', format: 'share' },
  { key: 'target_gap', format: 'gap' },
  { key: 'below_floor', format: 'int' },
  { key: 'poor_rate', format: 'share' },
];
const moreColumns: PlannerColumn[] = [
  { key: 'ntm', format: 'int' },
  { key: 'nang_cao', format: 'int' },
  { key: 'kieu_mau', format: 'int' },
  { key: 'avg_criteria', format: 'dec' },
  { key: 'near_poor_rate', format: 'share' },
  { key: 'ntm_share_change', format: 'pts' },
  { key: 'poor_rate_change', format: 'pts' },
  { key: 'recognition_year', format: 'text' },
];

/**
 * District table (province table nationally): the name column stays in view when scrolled, the key columns come
 * first (the others on demand), the gap to the target is signed in words, the sort survives a year change, and a
 * row opens its district (its communes, below) or province.
 */
export function DistrictTable() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['compareYear', 'district', 'floor', 'locale', 'planner', 'province', 'vintage', 'year']);
  const view = useStore(tableView);
  const { t } = useTranslation();
  const level = s.province === null ? 'province' : 'district';
  const short = level === 'province' ? shortProvinceName : shortDistrictName;
  const columns = view.allColumns ? [...keyColumns, ...moreColumns] : keyColumns;
  const rows = useMemo(() => sortRows(s.planner, view.districts), [s.planner, view.districts]);
  const chart = useCallback((Plot: PlotModule) => {
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
  const behind = s.planner.filter((r) => r.behind).length;
  const marked = new Set(columns.map((c) => c.key).filter((k) => plannerColumnIllustrative(s.planner, k)));
  const open = (code: string) => void (level === 'district' ? atlas.setDistrict(code) : atlas.setProvince(code));
  const sortBy = (key: Key, descFirst: boolean) => tableView.set({ districts: nextSort(view.districts, key, descFirst) });
  const ariaSort = (key: Key) => (view.districts.key === key ? (view.districts.desc ? 'descending' : 'ascending') : 'none');
  if (level === 'district' && s.district) return <DistrictCommunes district={s.district} />;
  return (
    <section className="district-table" data-testid="district-table">
      <h2>{t(`planner.title.${level}`, { year: s.year, base: s.compareYear })}</h2>
      {s.vintage === POST_REFORM && level === 'district' && (
        <p className="note" data-testid="grouped-by-former">
          {t('vintage.groupedByFormer')}
        </p>
      )}
      <div className="planner-options">
        <YearSelect label={t('planner.baseYear')} value={s.compareYear} onChange={(y) => void atlas.setCompareYear(y)} />
        <label>
          {t('planner.floor')}
          <input type="number" min={0} max={19} value={s.floor} onChange={(e) => void atlas.setFloor(Number(e.target.value))} style={{ width: '4em' }} />
        </label>
        <label className="row">
          <input type="checkbox" checked={view.allColumns} onChange={(e) => tableView.set({ allColumns: e.target.checked })} data-testid="all-columns" />
          {t('planner.allColumns')}
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
      <div className="table-scroll sticky-first" data-testid="district-table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('group_name')} data-key="group_name">
                <button type="button" onClick={() => sortBy('group_name', false)}>
                  {t(`planner.col.name_${level}`)}
                </button>
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" data-key={c.key} data-series={plannerColumnSeries(c.key) ?? undefined} aria-sort={ariaSort(c.key)} title={t(`planner.colHelp.${c.key}`, { floor: s.floor, defaultValue: '' }) || undefined}>
                  <button type="button" onClick={() => sortBy(c.key, c.key !== 'target_gap' && c.key !== 'below_floor' && c.key !== 'poor_rate')}>
                    {t(`planner.col.${c.key}`, { floor: s.floor })}
                  </button>
                  <IllustrativeMark show={marked.has(c.key)} compact />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <PlannerTableRow key={r.group_code} row={r} columns={columns} short={short} locale={s.locale} open={open} selected={s.district === r.group_code} />
            ))}
          </tbody>
        </table>
      </div>
      <PlotFigure build={chart} label={t('planner.chartLabel')} />
      <IllustrativeNote show={marked.size > 0} marked />
    </section>
  );
}
