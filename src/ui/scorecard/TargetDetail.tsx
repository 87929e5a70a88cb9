import { useCallback } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { useSql } from '../use-sql';
import { PER_YEAR_MEASURES, targetSeriesSQL, type ScoredTarget } from '../../db/sql/scorecard';
import { holdoutsSQL, type Holdout } from '../../db/sql/scorecard-holdouts';
import { POST_REFORM } from '../../common/vintage';
import { isIllustrativeProvenance } from '../../db/sql/provenance';
import { shortDistrictName } from '../../common/vn-name';
import { PlotFigure, type PlotModule } from '../charts/PlotFigure';
import { IllustrativeMark } from '../IllustrativeMark';
import { formatMeasure } from './target-text';

/** About how many value ticks the trajectory chart draws (150 px high). */
const Y_TICKS = 5;

/**
 * One target opened: the measure year by year against the straight line from the base year to the goal, and the
 * places holding it back in the year read (each opens on the map).
 */
export function TargetDetail({ row: r }: { row: ScoredTarget }) {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['locale', 'year']);
  const { t } = useTranslation();
  const series = useSql<{ year: number; value: number; provenance: string | null }>(targetSeriesSQL, [r.target_id, s.year]).rows;
  // the places holding a target back are districts (or their communes): a post-reform province has none
  // (none before the period starts: nothing is behind yet)
  const places = r.measure !== null && r.vintage !== POST_REFORM && r.verdict !== 'not_started';
  const holdouts = useSql<Holdout>(places ? holdoutsSQL(r.measure!) : null, [r.target_id, s.year]).rows;
  const perYear = r.measure !== null && PER_YEAR_MEASURES.includes(r.measure);
  const chart = useCallback((Plot: PlotModule) => {
    const data = (series ?? []).filter((d) => d.year >= r.period_from - 1);
    const line = perYear
      ? [{ year: r.base_year, value: r.goal }, { year: r.target_year, value: r.goal }]
      : [{ year: r.base_year, value: r.value_base }, { year: r.target_year, value: r.goal }];
    return Plot.plot({
      width: 380,
      height: 150,
      marginLeft: 48,
      x: { label: null, tickFormat: 'd', domain: [Math.min(r.base_year, ...data.map((d) => d.year)), r.target_year] },
      // the axis (its domain spans every mark, the goal's star too) runs on to a tick at or past the goal: a 90 % goal
      // over an axis whose last tick was 80 read as off the chart. Nice to the ticks drawn (nice: true rounds to
      // tenths of the range, 90 stayed, and the ticks went by 20)
      y: { label: null, grid: true, zero: !perYear, ticks: Y_TICKS, nice: Y_TICKS },
      marks: [
        Plot.line(line.filter((d) => d.value !== null), { x: 'year', y: 'value', stroke: '#777', strokeDasharray: '4,3' }),
        Plot.dot([{ year: r.target_year, value: r.goal }], { x: 'year', y: 'value', stroke: '#333', symbol: 'star' }),
        Plot.line(data, { x: 'year', y: 'value', stroke: '#21669c', strokeWidth: 2 }),
        Plot.dot(data, { x: 'year', y: 'value', fill: '#21669c', r: 2.5 }),
      ],
    });
  }, [series, r, perYear]);
  const open = (h: Holdout) => {
    if (h.level === 'commune') return void atlas.focusCommune(h.code);
    if (h.level === 'province') return void atlas.setProvince(h.code);
    return void atlas.setDistrict(h.code);
  };
  const fmt = (v: number | null) => (r.measure ? formatMeasure(r.measure, v, s.locale, t) : '–');
  const name = (h: Holdout) => (h.level === 'district' ? shortDistrictName(h.name) : h.name);
  return (
    <div className="target-detail" data-testid="target-detail">
      {series && series.length > 0 && <PlotFigure build={chart} label={t('scorecard.chart', { year: r.target_year })} />}
      {places && <h4>{t(`scorecard.holdouts.title.${r.measure === 'below_floor' ? 'communes' : 'districts'}`, { year: r.eval_year })}</h4>}
      {!places ? null : holdouts === null ? (
        <p>{t('app.loading')}</p>
      ) : holdouts.length === 0 ? (
        <p className="small" data-testid="holdouts-none">{t('scorecard.holdouts.none')}</p>
      ) : (
        <table className="holdouts" data-testid="holdouts">
          <thead>
            <tr>
              <th scope="col">{t(`scorecard.holdouts.place.${holdouts[0].level}`)}</th>
              <th scope="col">{t('scorecard.holdouts.value')}</th>
              <th scope="col">{t(r.measure === 'below_floor' ? 'scorecard.holdouts.floor' : 'scorecard.holdouts.expected')}</th>
              <th scope="col">{t(`scorecard.holdouts.extra.${r.measure === 'below_floor' ? 'criteria' : 'left'}`)}</th>
            </tr>
          </thead>
          <tbody>
            {holdouts.map((h) => (
              <tr key={h.code} data-code={h.code}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => open(h)}>
                    {name(h)}
                  </button>
                  {h.district_name && <div className="small">{shortDistrictName(h.district_name)}</div>}
                </th>
                <td>
                  {r.measure === 'below_floor' ? `${h.value ?? '–'}/${h.extra ?? '–'}` : r.measure === 'districts_recognised' ? `${(h.value ?? 0).toFixed(0)}%` : fmt(h.value)}
                  <IllustrativeMark show={isIllustrativeProvenance(h.provenance)} compact />
                </td>
                <td>{r.measure === 'below_floor' ? h.expected : r.measure === 'districts_recognised' ? '100%' : fmt(h.expected)}</td>
                <td>{r.measure === 'below_floor' ? Math.max(0, (h.expected ?? 0) - (h.value ?? 0)) : (h.extra ?? '–')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {perYear && <p className="small">{t('scorecard.holdouts.perYearNote')}</p>}
    </div>
  );
}
