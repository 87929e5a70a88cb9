import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { viewIllustrative } from '../../indicators/provenance';
import { useAtlas } from '../AtlasContext';
import { loadDeck } from '../../present/slides';
import { cssColour } from '../../map/status-colours';
import { formatNumber } from '../../i18n';
import { legendLabels } from './legend-labels';

/** Full-screen slide: the map with a large title block and legend; arrows/space page, Esc leaves. */
export function Presentation() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  const deck = loadDeck();
  const i = s.presenting;
  useEffect(() => {
    if (i === null) return;
    const onKey = (e: KeyboardEvent) => {
      const last = deck.slides.length - 1;
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
  }, [i, atlas, deck.slides.length]);
  if (i === null) return null;
  const slide = deck.slides[i];
  if (!slide) return null;
  return (
    <>
      <div className="slide-title" data-testid="slide-title">
        <h1>{slide.title}</h1>
        {slide.subtitle && <p className="slide-subtitle">{slide.subtitle}</p>}
      </div>
      <section className="slide-legend" aria-label={t(`indicator.${s.indicator}`, { n: s.criterion })}>
        <h2>{t(`indicator.${s.indicator}`, { n: s.criterion })}</h2>
        <ul>
          {legendLabels(s, t).map((l, k) => (
            <li key={k}>
              <span className="swatch" style={{ background: cssColour([...l.colour, 255]) }} />
              {l.label} <span className="count">{formatNumber(l.count, s.locale)}</span>
            </li>
          ))}
        </ul>
        {viewIllustrative(s) && <p className="illustrative-note">{t('app.illustrativeNote')}</p>}
      </section>
      <footer className="slide-footer" data-testid="slide-footer">
        <span>
          {t('legend.source')}: {slide.source}
        </span>
        <span>{slide.dataDate}</span>
        <span>
          {i + 1}/{deck.slides.length}
        </span>
      </footer>
    </>
  );
}
