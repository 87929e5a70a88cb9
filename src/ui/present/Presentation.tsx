import { useEffect } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { viewIllustrative } from '../../indicators/provenance';
import { useAtlas } from '../AtlasContext';
import { loadDeck } from '../../present/slides';
import { vintageText } from '../../export/view-text';
import { slideTexts } from './slide-text';
import { SlideMap } from './SlideMap';
import { SlideTable } from './SlideTable';
import { SlideRanking } from './SlideRanking';
import { scorecardComponent } from './slide-parts';

/**
 * Full-screen slide: a title band, the slide's map (composed like an export), table, ranking chart or scorecard,
 * and a footer with source, data date, vintage and page; arrows/space page, Esc leaves (and restores the view).
 */
export function Presentation() {
  const presenting = useStoreFields(useAtlas().state, ['presenting']).presenting;
  return presenting === null ? null : <Slide i={presenting} />;
}

function Slide({ i }: { i: number }) {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['compareYear', 'indicator', 'provenance', 'province', 'provinces', 'vintage', 'year']);
  const { t } = useTranslation();
  const deck = loadDeck();
  const slideCount = deck?.slides.length ?? 0;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const last = slideCount - 1;
      if (['ArrowRight', 'PageDown', ' ', 'Enter'].includes(e.key)) void atlas.present(Math.min(last, i + 1));
      else if (['ArrowLeft', 'PageUp', 'Backspace'].includes(e.key)) void atlas.present(Math.max(0, i - 1));
      else if (e.key === 'Home') void atlas.present(0);
      else if (e.key === 'End') void atlas.present(last);
      else if (e.key === 'Escape') void atlas.present(null);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [i, atlas, slideCount]);
  if (!deck) return null;
  const slide = deck.slides[i];
  if (!slide) return null;
  const text = slideTexts(slide, s, t);
  const Scorecard = slide.kind === 'scorecard' ? scorecardComponent() : null;
  return (
    <div className="slide" data-testid="slide" data-kind={slide.kind}>
      <header className="slide-title" data-testid="slide-title">
        <div>
          <h1>{text.title}</h1>
          <p className="slide-subtitle">{text.subtitle}</p>
        </div>
        {slide.kind !== 'scorecard' && viewIllustrative(s) && (
          <span className="illustrative-badge" title={t('app.illustrativeNote')}>
            {t('app.illustrativeBadge')}
          </span>
        )}
      </header>
      <div className="slide-body">
        {slide.kind === 'map' && <SlideMap />}
        {slide.kind === 'table' && <SlideTable />}
        {slide.kind === 'ranking' && <SlideRanking />}
        {slide.kind === 'scorecard' && (Scorecard ? <div className="slide-scorecard"><Scorecard /></div> : <p>{t('present.noScorecard')}</p>)}
      </div>
      <footer className="slide-footer" data-testid="slide-footer">
        <span>{text.source}</span>
        <span>
          {text.dataDate} · {vintageText(s, t)}
        </span>
        <span>
          {i + 1}/{deck.slides.length}
        </span>
      </footer>
    </div>
  );
}
