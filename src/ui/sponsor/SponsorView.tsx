import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { formatPercent } from '../../i18n';
import { progressSummary, useSponsorCommunes, useSponsors } from './sponsor-data';
import { exportSponsorReport, sponsorRowMarks, sponsorViewIllustrative, summaryIllustrative } from '../../export/sponsor-report-file';
import { IllustrativeMark, IllustrativeNote } from '../IllustrativeMark';
import { Assignment, NextSteps, PovertyChange } from './NextSteps';
import { useTask } from '../TaskProgress';
import { mapTexts, vintageText } from '../../export/view-text';
import { stepTo } from '../../export/task';

/** One organisation's communes: status, criteria met and missing, poverty change since the assignment, report. */
export function SponsorView() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  const sponsor = useSponsors().find((sp) => sp.sponsor_id === s.sponsor);
  const communes = useSponsorCommunes(s.sponsor, s.year);
  const task = useTask();
  if (!sponsor || !communes) return <p>{t('app.loading')}</p>;
  const summary = progressSummary(communes);
  // the sponsor's communes composed for the report's map (fitted to it, named, with the legend), not a screen crop
  const report = () =>
    task.run(t('export.sponsorReport'), async (p) => {
      await stepTo(p, 'scene');
      const scene = await atlas.exportScene();
      const view = atlas.state.get();
      await exportSponsorReport(scene && { scene, texts: mapTexts(view, t) }, sponsor, communes, { ...view, vintage: vintageText(view, t) }, t, p);
    });
  return (
    <section className="sponsor-view" data-testid="sponsor-view">
      <h2>{sponsor.sponsor_org}</h2>
      <Assignment sponsor={sponsor} />
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
                <PovertyChange c={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {communes.some((c) => c.standard_changed_in !== null) && <p className="small">{t('sponsor.standardChanged', { year: communes.find((c) => c.standard_changed_in !== null)!.standard_changed_in })}</p>}
      <h3>{t('sponsor.nextTitle', { year: s.year })}</h3>
      <NextSteps communes={communes} />
      <p className="source">
        {t('legend.source')}: {sponsor.source}
      </p>
      <IllustrativeNote show={sponsorViewIllustrative(communes)} marked />
      <div className="row">
        <button type="button" data-testid="sponsor-report" onClick={() => void report()} disabled={task.busy}>
          {t('sponsor.report')}
        </button>
        <button type="button" onClick={() => void atlas.setSponsor(null)}>
          {t('sponsor.back')}
        </button>
      </div>
      {task.view}
    </section>
  );
}
