import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { PER_YEAR_MEASURES, type ScoredTarget } from '../../db/sql/scorecard';
import { isIllustrativeProvenance } from '../../db/sql/provenance';
import { IllustrativeMark } from '../IllustrativeMark';
import { formatMeasure } from './target-text';

/**
 * The key figures of the place in the shown year, whatever its targets: NTM, advanced and model shares, communes
 * under the planner's floor, districts recognised in the programme period, poor households and points of poverty
 * fewer per year (over the years of one poverty standard).
 */
export function KeyFigures({ rows, place }: { rows: ScoredTarget[]; place: string }) {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['floor', 'locale', 'year']);
  const { t } = useTranslation();
  return (
    <section className="key-figures" data-testid="key-figures" aria-label={t('scorecard.figures.title', { place, year: s.year })}>
      <h3>{t('scorecard.figures.title', { place, year: s.year })}</h3>
      <dl>
        {rows.map((r) => {
          const perYear = r.measure !== null && PER_YEAR_MEASURES.includes(r.measure);
          const label = t(`scorecard.figures.${r.indicator.replace(/^target_/, '')}`, { floor: s.floor, from: r.period_from, to: r.eval_year });
          return (
            <div key={r.indicator} data-figure={r.indicator}>
              <dt>{label}</dt>
              <dd>
                {r.measure ? formatMeasure(r.measure, r.value_now, s.locale, t) : '–'}
                <IllustrativeMark show={r.measure !== 'districts_recognised' && isIllustrativeProvenance(r.now_provenance)} compact />
                {perYear && r.pairs !== null && r.pairs > 0 && (
                  <span className="small note">{t('scorecard.figures.over', { from: r.base_year, to: r.eval_year, count: r.pairs })}</span>
                )}
                {r.measure === 'districts_recognised' && <span className="small note">{t('scorecard.figures.recognitionsKnown')}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
