import { useTranslation } from './use-translation';
import { useStoreFields } from '../state/store';
import { useAtlas } from './AtlasContext';
import { palette } from '../map/palette';
import { laggingOutlineDrawn } from '../map/lagging-outline';
import { categoryColour, cssColour, unattributedColour } from '../map/status-colours';
import { noDataColour } from '../classify/palettes';
import { indicators } from '../indicators/registry';
import './decisions.css';

/**
 * Every mark the map draws besides the indicator's colours, explained: the dashed outline of districts (provinces)
 * behind their target trajectory, the selected commune's outline, sponsored communes' outlines and the muting of
 * the others in a sponsor view, the units outside the NTM programme, polygons of no unit and units without a
 * boundary. Marks the map does not draw now are left out (the lagging outline says when nothing is behind, and is
 * left out where the map cannot draw it: laggingOutlineDrawn).
 */
export function MapMarks() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['indicator', 'legend', 'planner', 'province', 'selectedCode', 'showFormerDistricts', 'showSponsored', 'sponsor', 'vintage', 'withoutBoundary']);
  const { t } = useTranslation();
  const level = s.province === null ? 'province' : 'district';
  const behind = s.planner.filter((r) => r.behind).length;
  const hasTrajectory = s.planner.some((r) => r.expected_share !== null);
  const lagging = laggingOutlineDrawn(s) && (hasTrajectory || behind > 0);
  const def = indicators[s.indicator];
  // the NTM programme covers Xã only: on an NTM indicator without an out-of-scope class, phường and thị trấn show as no data
  const outOfScopeAsNoData = def.series.includes('ntm') && def.kind === 'numeric';
  const outOfScopeClass = def.kind === 'categorical' && s.legend.some((l) => l.category === 'out_of_scope');
  return (
    <section className="map-marks" data-testid="map-marks" aria-label={t('legend.marks.title')}>
      <h3>{t('legend.marks.title')}</h3>
      <ul>
        {lagging && (
          <li data-mark="lagging">
            <span className="mark-swatch" style={{ border: `3px dashed ${palette.flagged}` }} />
            <span>{behind > 0 ? t(`legend.marks.lagging.${level}`, { count: behind }) : t(`legend.marks.noneLagging.${level}`)}</span>
          </li>
        )}
        {s.selectedCode && (
          <li data-mark="selected">
            <span className="mark-swatch" style={{ border: `3px solid ${palette.selected}`, boxShadow: '0 0 0 2px #fff inset' }} />
            <span>{t('legend.marks.selected')}</span>
          </li>
        )}
        {(s.showSponsored || s.sponsor) && (
          <li data-mark="sponsored">
            <span className="mark-swatch" style={{ border: `3px solid ${palette.sponsored}` }} />
            <span>{t(s.sponsor ? 'legend.marks.sponsorView' : 'legend.marks.sponsored')}</span>
          </li>
        )}
        {s.sponsor && (
          <li data-mark="muted">
            <span className="mark-swatch" style={{ background: '#f2f2f2' }} />
            <span>{t('legend.marks.muted')}</span>
          </li>
        )}
        {(outOfScopeClass || outOfScopeAsNoData) && (
          <li data-mark="out_of_scope">
            <span className="mark-swatch" style={{ background: cssColour(outOfScopeClass ? categoryColour('out_of_scope') : noDataColour) }} />
            <span>{t(outOfScopeClass ? 'legend.marks.outOfScope' : 'legend.marks.outOfScopeNoData')}</span>
          </li>
        )}
        <li data-mark="unattributed">
          <span className="mark-swatch" style={{ background: cssColour(unattributedColour) }} />
          <span>{t('legend.marks.unattributed')}</span>
        </li>
        {s.withoutBoundary.length > 0 && (
          <li data-mark="no_boundary">
            <span className="mark-swatch mark-none" />
            <span>{t('legend.marks.noBoundary', { count: s.withoutBoundary.length })}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
