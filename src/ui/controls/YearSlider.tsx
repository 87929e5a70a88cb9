import { useEffect } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { useChoice } from './use-choice';

const stepMs = 1200;

/** Year slider over the years present, with play/pause that steps through every year once. */
export function YearSlider() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['phase', 'playing', 'year', 'years']);
  const { t } = useTranslation();
  const i = s.years.indexOf(s.year);
  const [year, chooseYear] = useChoice(s.year, (y) => void atlas.setYear(y));

  useEffect(() => {
    if (!s.playing) return;
    const timer = setTimeout(() => {
      const next = s.years[i + 1];
      if (next === undefined) atlas.setUiState({ playing: false });
      else void atlas.setYear(next);
    }, stepMs);
    return () => clearTimeout(timer);
  }, [s.playing, s.year, s.years, i, atlas]);

  const play = () => {
    if (i === s.years.length - 1) void atlas.setYear(s.years[0]);
    atlas.setUiState({ playing: !s.playing });
  };
  return (
    <div className="year-slider">
      <label htmlFor="year-slider">
        {t('controls.year')}: <strong data-testid="year-value">{year}</strong>
      </label>
      <div className="row">
        <button type="button" data-testid="play" onClick={play} aria-label={s.playing ? t('controls.pause') : t('controls.play')} disabled={s.phase !== 'ready'}>
          {s.playing ? '❚❚' : '▶'}
        </button>
        <input
          id="year-slider"
          data-testid="year-slider"
          type="range"
          min={0}
          max={Math.max(0, s.years.length - 1)}
          step={1}
          value={Math.max(0, s.years.indexOf(year))}
          disabled={s.phase !== 'ready'}
          aria-valuetext={String(year)}
          onChange={(e) => chooseYear(s.years[Number(e.target.value)])}
        />
      </div>
    </div>
  );
}
