import { useCallback, useRef } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { shortDistrictName, shortProvinceName } from '../../common/vn-name';
import { PlotFigure, type PlotModule } from '../charts/PlotFigure';
import { palette } from '../../map/palette';
import { useSize } from './use-size';

/** The ranking chart of the slide's view, filling the slide: share of communes meeting NTM, trajectory ticks. */
export function SlideRanking() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['planner', 'province']);
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const size = useSize(host);
  const short = s.province === null ? shortProvinceName : shortDistrictName;
  const build = useCallback((Plot: PlotModule) => {
    const data = s.planner.filter((r) => r.ntm_share !== null).map((r) => ({ name: short(r.group_name), share: r.ntm_share! * 100, behind: r.behind, expected: r.expected_share === null ? null : r.expected_share * 100 }));
    const fontSize = data.length > 30 ? 11 : 18;
    return Plot.plot({
      width: Math.max(320, size.width),
      height: Math.max(200, size.height - 8),
      marginLeft: data.length > 30 ? 120 : 200,
      style: { fontSize: `${fontSize}px`, fontFamily: "'Noto Sans', sans-serif" },
      x: { domain: [0, 100], label: t('planner.chartX'), grid: true },
      y: { label: null },
      color: { domain: [false, true], range: ['#41ab5d', palette.flagged] },
      marks: [
        Plot.barX(data, { x: 'share', y: 'name', fill: 'behind', sort: { y: 'x', reverse: true } }),
        Plot.tickX(data.filter((d) => d.expected !== null), { x: 'expected', y: 'name', stroke: '#222', strokeWidth: 3 }),
        Plot.ruleX([0]),
      ],
    });
  }, [s.planner, short, t, size.width, size.height]);
  return (
    <div className="slide-ranking" ref={host} data-testid="slide-ranking">
      {size.width > 0 && <PlotFigure build={build} label={t('planner.chartLabel')} />}
    </div>
  );
}
