import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { formatPoints } from '../../i18n';
import { isIllustrativeProvenance } from '../../db/sql/provenance';
import { IllustrativeMark } from '../IllustrativeMark';
import { sponsorRowKey, type SponsorCommune, type SponsorInfo } from './sponsor-data';
import { povertySpans, statusText } from '../../export/sponsor-report-file';
import '../decisions.css';

/** Whether an assignment to the end of `toYear` is over on `today`. */
export const assignmentEnded = (toYear: number, today = new Date()): boolean => today.getFullYear() > toYear;

/** The assignment: its period, whether it has ended, and whether the data reach its end. */
export function Assignment({ sponsor }: { sponsor: SponsorInfo }) {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['year', 'years']);
  const { t } = useTranslation();
  const ended = assignmentEnded(sponsor.to_year);
  const latest = s.years.length > 0 ? s.years[s.years.length - 1] : s.year;
  return (
    <div className={ended ? 'assignment ended' : 'assignment'} data-testid="assignment" data-ended={ended}>
      <strong>{t(ended ? 'sponsor.assignment.ended' : 'sponsor.assignment.running', { from: sponsor.from_year, to: sponsor.to_year })}</strong>
      <div className="small">
        {sponsor.basis}
        {' · '}
        {latest >= sponsor.to_year ? t('sponsor.assignment.dataToEnd', { year: latest }) : t('sponsor.assignment.dataTo', { year: latest, to: sponsor.to_year })}
      </div>
    </div>
  );
}

/** Points of the poor rate, signed, with whether it is better (fewer poor) or worse. */
function Change({ value, marked }: { value: number | null; marked: boolean }) {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['locale']);
  const { t } = useTranslation();
  if (value === null) return <>–</>;
  const points = Math.round(value * 1000) / 10;
  const better = points < 0;
  return (
    <span className={points === 0 ? undefined : better ? 'change-better' : 'change-worse'}>
      {formatPoints(value, s.locale)} {points === 0 ? '' : better ? `▼ ${t('sponsor.better')}` : `▲ ${t('sponsor.worse')}`}
      <IllustrativeMark show={marked} compact />
    </span>
  );
}

/**
 * The change of a commune's poor rate since the assignment began, split where the poverty standard changed
 * (povertySpans, which the report prints too): the change over both standards is not shown as one.
 */
export function PovertyChange({ c }: { c: SponsorCommune }) {
  const { t } = useTranslation();
  const spans = povertySpans(c);
  if (spans === null) {
    const marked = isIllustrativeProvenance(c.poverty_provenance) || isIllustrativeProvenance(c.poverty_start_provenance);
    return (
      <div data-testid="poverty-change">
        <Change value={c.poor_rate_change} marked={c.poor_rate_change !== null && marked} />
        <div className="small">{t('sponsor.since', { year: c.from_year })}</div>
      </div>
    );
  }
  return (
    <div data-testid="poverty-change" data-split={c.standard_changed_in}>
      {spans.map((span) => (
        <div key={span.from}>
          {span.from}–{span.to}: <Change value={span.change} marked={span.illustrative} />
        </div>
      ))}
      <div className="small">{t('sponsor.splitAt', { year: c.standard_changed_in })}</div>
    </div>
  );
}

/**
 * What each commune still needs, closest to its next tier first (the SQL's order): the criteria missing to reach
 * (or keep) the NTM standard, by number and name; for a recognised commune, the next tier (whose own criteria the
 * data do not hold).
 */
export function NextSteps({ communes }: { communes: SponsorCommune[] }) {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['locale']);
  const { t } = useTranslation();
  const name = (m: SponsorCommune['missing'][number]) => t('criteria.numbered', { n: m.number, name: s.locale === 'vi' ? m.name_vi : m.name_en });
  return (
    <ol className="next-steps" data-testid="sponsor-missing">
      {communes.map((c) => {
        const missing = c.missing.length;
        // without a status of its own (the post-reform units before 2026) there is no next tier to name
        const step =
          c.tier === null
            ? statusText(c, t)
            : c.tier === 'chua_dat'
              ? t('sponsor.next.toNtm', { count: missing })
              : missing > 0
                ? t('sponsor.next.keep', { count: missing })
                : c.next_tier
                  ? t('sponsor.next.tier', { tier: t(`status.${c.next_tier}`) })
                  : t('sponsor.next.top');
        return (
          <li key={sponsorRowKey(c)} data-code={c.commune_code} data-missing={missing}>
            <button type="button" className="link" onClick={() => atlas.select(c.commune_code)}>
              {c.commune_name}
            </button>{' '}
            {c.tier && <span className="small">({t(`status.${c.tier}`)})</span>}
            <IllustrativeMark show={isIllustrativeProvenance(c.ntm_provenance)} compact />
            <div className="next">{step}</div>
            {missing > 0 && <div className="small">{c.missing.map(name).join('; ')}</div>}
          </li>
        );
      })}
    </ol>
  );
}
