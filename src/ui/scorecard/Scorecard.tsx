import { useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from '../use-translation';
import type { TFunction } from 'i18next';
import { formatNumber, type Locale } from '../../i18n';
import { useStoreFields } from '../../state/store';
import { useAtlasMembers } from '../AtlasContext';
import { useSql } from '../use-sql';
import { keyFiguresOfVintageSQL, PER_YEAR_MEASURES, scorecardOfVintageSQL, type ScoredTarget } from '../../db/sql/scorecard';
import { isIllustrativeProvenance } from '../../db/sql/provenance';
import { shortProvinceName } from '../../common/vn-name';
import type { UserTargets } from '../../app/user-targets';
import { IllustrativeMark, IllustrativeNote } from '../IllustrativeMark';
import { formatMeasure, goalText, indicatorName, whyText } from './target-text';
import { TargetDetail } from './TargetDetail';
import { TargetForm } from './TargetForm';
import { KeyFigures } from './KeyFigures';
import './scorecard.css';

const noTargets = { subscribe: () => () => undefined, revision: 0 };

/** Re-renders when the user's targets change; their revision goes into the queries' keys. */
function useTargetsRevision(targets: UserTargets | null): number {
  const t = targets ?? noTargets;
  return useSyncExternalStore((l) => t.subscribe(l), () => t.revision);
}

/** Whether a value rests on an illustrative (generated) row: its provenance set. */
const marked = (p: string | null) => isIllustrativeProvenance(p);

/**
 * The scorecard: every target of the province shown (nationally, of every province and the country), scored by SQL
 * in the shown year: the value at the base year and now, where the straight line to the target stands, a verdict;
 * each target opens its trajectory and the places holding it back. Targets can be entered for any province or
 * period (kept in this browser) and are scored the same way.
 */
export function Scorecard() {
  const atlas = useAtlasMembers();
  const s = useStoreFields(atlas.state, ['floor', 'province', 'provinces', 'vintage', 'year']);
  const { t } = useTranslation();
  const revision = useTargetsRevision(atlas.targets);
  // the targets whose codes are of the units shown (2026 on: the post-reform provinces), scored on those units
  const [scorecardSQL, keyFiguresSQL] = useMemo(() => [scorecardOfVintageSQL(s.vintage), keyFiguresOfVintageSQL(s.vintage)], [s.vintage]);
  const rows = useSql<ScoredTarget>(scorecardSQL, [s.province, s.year], revision).rows;
  const figures = useSql<ScoredTarget>(keyFiguresSQL, [s.province, s.year, s.floor], revision).rows;
  const [open, setOpen] = useState<string | null>(null);
  const placeName = (code: string) =>
    code === '00' ? t('scorecard.national') : shortProvinceName(s.provinces.find((p) => p.code === code)?.name ?? code);
  const place = s.province === null ? t('scorecard.national') : placeName(s.province);
  const anyMarked = (rows ?? []).some((r) => r.measure && (marked(r.now_provenance) || marked(r.base_provenance)));
  return (
    <section className="scorecard" data-testid="scorecard">
      <h2>{s.province === null ? t('scorecard.titleNational', { year: s.year }) : t('scorecard.title', { place, year: s.year })}</h2>
      {figures && <KeyFigures rows={figures} place={place} />}
      <p className="small">{t('scorecard.intro')}</p>
      {rows === null ? (
        <p>{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p data-testid="scorecard-none">{t('scorecard.none', { place })}</p>
      ) : (
        <ul className="target-list" data-testid="target-list">
          {rows.map((r, i) => (
            <li
              key={r.target_id}
              className={`target verdict-${r.verdict}${r.parent_id ? ' sub' : ''}`}
              data-target={r.target_id}
              data-verdict={r.verdict}
              data-origin={r.origin}
            >
              {s.province === null && rows[i - 1]?.province_code !== r.province_code && <h3 className="target-place">{placeName(r.province_code)}</h3>}
              <TargetRow row={r} place={placeName(r.province_code)} open={open === r.target_id} onToggle={() => setOpen(open === r.target_id ? null : r.target_id)} />
            </li>
          ))}
        </ul>
      )}
      <TargetForm />
      <IllustrativeNote show={anyMarked} marked />
    </section>
  );
}

function TargetRow({ row: r, place, open, onToggle }: { row: ScoredTarget; place: string; open: boolean; onToggle: () => void }) {
  const atlas = useAtlasMembers();
  const s = useStoreFields(atlas.state, ['locale', 'year']);
  const { t } = useTranslation();
  const fmt = (v: number | null) => (r.measure ? formatMeasure(r.measure, v, s.locale, t) : '–');
  const why = whyText(r, s.year, place, t);
  const perYear = r.measure !== null && PER_YEAR_MEASURES.includes(r.measure);
  return (
    <>
      <div className="target-head">
        <span className="verdict-badge" data-testid="verdict">
          {t(`scorecard.verdict.${r.verdict}`)}
        </span>
        <span className="target-name">
          {r.parent_id && <span aria-hidden="true">↳ </span>}
          <strong>{indicatorName(r.indicator, t)}</strong> <span className="goal">{goalText(r, s.locale, t)}</span>{' '}
          <span className="small">{t('scorecard.by', { year: r.target_year })}</span>
        </span>
      </div>
      {r.measure && r.verdict !== 'not_started' && (
        <dl className="target-values">
          <div>
            <dt>{perYear ? t('scorecard.poorAt', { year: r.base_year }) : t('scorecard.base', { year: r.base_year })}</dt>
            <dd data-value="base">
              {perYear ? poorText(r.poor_base, r.poor_rate_base, s.locale, t) : fmt(r.value_base)}
              <IllustrativeMark show={marked(r.base_provenance)} compact />
            </dd>
          </div>
          <div>
            <dt>{perYear ? t('scorecard.perYearTo', { from: r.base_year, year: r.eval_year }) : t('scorecard.now', { year: r.eval_year })}</dt>
            <dd data-value="now">
              {fmt(r.value_now)}
              <IllustrativeMark show={marked(r.now_provenance)} compact />
            </dd>
          </div>
          <div>
            <dt>{perYear ? t('scorecard.needed') : t('scorecard.expected', { year: r.eval_year })}</dt>
            <dd data-value="expected">{fmt(r.expected_now)}</dd>
          </div>
        </dl>
      )}
      {why && <p className="why small">{why}</p>}
      {perYear && r.pairs !== null && (
        <p className="small" data-testid="pairs-note">
          {t('scorecard.pairs', { count: r.pairs, skipped: r.skipped_pairs ?? 0 })}
        </p>
      )}
      <p className="small source">
        {r.origin === 'entered' ? `${t('scorecard.entered')} · ` : ''}
        {r.parent_id ? `${t('scorecard.fromNote', { note: r.note })} · ` : ''}
        {t('scorecard.period', { from: r.period_from, to: r.target_year })} · {t('legend.source')}: {r.source || '–'}
      </p>
      <div className="row">
        {r.measure && (
          <button type="button" className="link" aria-expanded={open} onClick={onToggle} data-testid="target-open">
            {open ? t('scorecard.hideDetail') : t('scorecard.showDetail')}
          </button>
        )}
        {r.origin === 'entered' && (
          <button type="button" className="link" onClick={() => void atlas.targets?.remove(r.target_id)}>
            {t('scorecard.form.remove')}
          </button>
        )}
      </div>
      {open && <TargetDetail row={r} />}
    </>
  );
}

/** Poor households and rate in a year ("16.512 hộ nghèo (9,1%)"). */
function poorText(poor: number | null, rate: number | null, locale: Locale, t: TFunction): string {
  if (poor === null) return '–';
  return t('scorecard.poorHouseholds', { n: formatNumber(poor, locale), rate: rate === null ? '–' : formatNumber(rate, locale, 1) });
}
