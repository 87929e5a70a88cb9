import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { formatPercent } from '../../i18n';
import { progressSummary, sponsorRowKey, useSponsorCommunes, useSponsors } from './sponsor-data';
import {
  exportSponsorReport, formerText, sponsorRowMarks, sponsorViewIllustrative, standardChangedIn, statusText, summaryIllustrative,
} from '../../export/sponsor-report-file';
import { IllustrativeMark, IllustrativeNote } from '../IllustrativeMark';
import { Assignment, NextSteps, PovertyChange } from './NextSteps';
import { useTask } from '../TaskProgress';
import { mapTexts, vintageText } from '../../export/view-text';
import { stepTo } from '../../export/task';

/** One organisation's communes: status, criteria met and missing, poverty change since the assignment, report. */
export function SponsorView() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['locale', 'sponsor', 'vintage', 'year']);
  const { t } = useTranslation();
  const sponsor = useSponsors(s.vintage).find((sp) => sp.sponsor_id === s.sponsor);
  // on the post-reform units: the new communes the assigned ones went to, each with the former commune's history
  const communes = useSponsorCommunes(s.sponsor, s.year, s.vintage);
  const task = useTask();
  if (!sponsor || !communes) return <p>{t('app.loading')}</p>;
  const summary = progressSummary(communes);
  const changedIn = standardChangedIn(communes);
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
        {summary.former
          ? t('sponsor.summaryFormer', { year: s.year, count: summary.former.count, ntm: summary.former.ntm, last: summary.former.year })
          : t('sponsor.summary', { ntm: summary.ntmNow, count: summary.communes, reached: summary.reachedSinceAssignment, year: s.year })}
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
            <tr key={sponsorRowKey(c)} data-code={c.commune_code} data-former={c.former_code ?? undefined} data-part={c.part_type ?? undefined}>
              <th scope="row">
                <button type="button" className="link" onClick={() => atlas.select(c.commune_code)}>
                  {c.commune_name}
                </button>
                <div className="small" data-testid={c.former_code ? 'sponsor-former' : undefined}>
                  {formerText(c, t, s.locale) ?? c.district_name}
                </div>
              </th>
              <td data-series="ntm" data-testid="sponsor-status">
                {statusText(c, t)}
                <IllustrativeMark show={m.ntm} compact />
              </td>
              <td data-series="ntm" data-testid="sponsor-criteria">
                {c.criteria_met === null ? '–' : c.criteria_total === null ? c.criteria_met : t('tooltip.criteriaValue', { met: c.criteria_met, total: c.criteria_total })}
                <IllustrativeMark show={m.ntm} compact />
              </td>
              <td data-series="poverty">
                {c.approximate && <span title={t('vintage.approximate')}>≈ </span>}
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
      {changedIn !== null && <p className="small">{t('sponsor.standardChanged', { year: changedIn })}</p>}
      {communes.some((c) => c.approximate) && <p className="small">{t('vintage.approximate')}</p>}
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
