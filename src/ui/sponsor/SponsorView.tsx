import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { formatPercent, formatNumber } from '../../i18n';
import { progressSummary, useSponsorCommunes, useSponsors } from './sponsor-data';
import { exportSponsorReport, sponsorRowMarks, sponsorViewIllustrative, summaryIllustrative } from '../../export/sponsor-report-file';
import { IllustrativeMark, IllustrativeNote } from '../IllustrativeMark';

/** One organisation's communes: status, criteria met and missing, poverty change since the assignment, report. */
export function SponsorView() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  const sponsor = useSponsors().find((sp) => sp.sponsor_id === s.sponsor);
  const communes = useSponsorCommunes(s.sponsor, s.year);
  const [busy, setBusy] = useState(false);
  if (!sponsor || !communes) return <p>{t('app.loading')}</p>;
  const summary = progressSummary(communes);
  const report = async () => {
    setBusy(true);
    try {
      await exportSponsorReport((scale) => atlas.capturePng(scale), sponsor, communes, atlas.state.get(), t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="sponsor-view" data-testid="sponsor-view">
      <h2>{sponsor.sponsor_org}</h2>
      <p className="small">
        {sponsor.basis} · {sponsor.from_year}–{sponsor.to_year}
      </p>
      <p data-testid="sponsor-summary">
        {t('sponsor.summary', { ntm: summary.ntmNow, count: summary.communes, reached: summary.reachedSinceAssignment, year: s.year })}
        <IllustrativeMark show={summaryIllustrative(communes)} compact />
      </p>
      <table className="sponsor-communes" data-testid="sponsor-communes">
        <thead>
          <tr>
            <th scope="col">{t('criteria.commune')}</th>
            <th scope="col">{t('tooltip.status')}</th>
            <th scope="col">{t('tooltip.criteria')}</th>
            <th scope="col">{t('planner.col.poor_rate')}</th>
            <th scope="col">{t('sponsor.changeSince')}</th>
          </tr>
        </thead>
        <tbody>
          {communes.map((c) => ({ c, m: sponsorRowMarks(c) })).map(({ c, m }) => (
            <tr key={c.commune_code} data-code={c.commune_code}>
              <th scope="row">
                <button type="button" className="link" onClick={() => atlas.select(c.commune_code)}>
                  {c.commune_name}
                </button>
                <div className="small">{c.district_name}</div>
              </th>
              <td data-series="ntm">
                {c.tier ? t(`status.${c.tier}`) : '–'}
                <IllustrativeMark show={m.ntm} compact />
              </td>
              <td data-series="ntm" data-testid="sponsor-criteria">
                {c.criteria_met === null ? '–' : c.criteria_total === null ? c.criteria_met : t('tooltip.criteriaValue', { met: c.criteria_met, total: c.criteria_total })}
                <IllustrativeMark show={m.ntm} compact />
              </td>
              <td data-series="poverty">
                {c.poor_rate === null ? '–' : formatPercent(c.poor_rate, s.locale)}
                <IllustrativeMark show={m.poverty} compact />
              </td>
              <td data-series="poverty">
                {c.poor_rate_change === null ? '–' : `${c.poor_rate_change > 0 ? '+' : ''}${formatNumber(c.poor_rate_change * 100, s.locale, 1)}`}
                <IllustrativeMark show={m.change} compact />
                <div className="small">{t('sponsor.since', { year: c.from_year })}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('sponsor.missingTitle', { year: s.year })}</h3>
      <ul className="missing-by-commune" data-testid="sponsor-missing">
        {communes.map((c) => (
          <li key={c.commune_code}>
            <strong>{c.commune_name}</strong>:{' '}
            {c.missing.length === 0 ? t('profile.noneMissing') : c.missing.map((m) => t('criteria.numbered', { n: m.number, name: s.locale === 'vi' ? m.name_vi : m.name_en })).join('; ')}
            <IllustrativeMark show={sponsorRowMarks(c).ntm} compact />
          </li>
        ))}
      </ul>
      <p className="source">
        {t('legend.source')}: {sponsor.source}
      </p>
      <IllustrativeNote show={sponsorViewIllustrative(communes)} marked />
      <div className="row">
        <button type="button" data-testid="sponsor-report" onClick={() => void report()} disabled={busy}>
          {t('sponsor.report')}
        </button>
        <button type="button" onClick={() => void atlas.setSponsor(null)}>
          {t('sponsor.back')}
        </button>
      </div>
    </section>
  );
}
