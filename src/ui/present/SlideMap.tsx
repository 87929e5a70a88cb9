import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { composeLayout } from '../../export/composer';
import { presets, PX_PER_MM } from '../../export/presets';
import { canvasMeasure, drawPage, fontsReady } from '../../export/render-canvas';
import { mapTexts } from '../../export/view-text';
import { useSize } from './use-size';

/**
 * A map slide: the view's scene composed for the projector (the subject fitted to the slide, large labels and
 * legend, scale bar and north arrow clear of the subject), drawn by the export composer, not the screen's camera.
 */
export function SlideMap() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['criterion', 'indicator', 'legend', 'locale', 'presenting', 'province', 'sponsor', 'year']);
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useSize(host);
  const [drawn, setDrawn] = useState(0);
  const request = useRef(0);
  const { presenting, legend, locale, year, indicator, province, sponsor } = s;
  useEffect(() => {
    const c = canvas.current;
    if (!c || size.width < 10 || size.height < 10) return;
    const mine = ++request.current;
    void (async () => {
      await atlas.settled();
      await fontsReady();
      const scene = await atlas.exportScene();
      if (!scene || mine !== request.current) return;
      const dpr = window.devicePixelRatio || 1;
      const k = PX_PER_MM * dpr;
      // drawn off screen, then shown at once: the slide never shows a half-drawn map
      const buffer = document.createElement('canvas');
      buffer.width = Math.round(size.width * dpr);
      buffer.height = Math.round(size.height * dpr);
      const ctx = buffer.getContext('2d')!;
      const preset = { ...presets.projector, width: size.width / PX_PER_MM, height: size.height / PX_PER_MM, margin: 2 };
      const layout = composeLayout({ scene, texts: mapTexts(atlas.state.get(), t), preset, measure: canvasMeasure(ctx), parts: 'map' });
      await drawPage(ctx, scene, layout, k);
      if (mine !== request.current) return;
      c.width = buffer.width;
      c.height = buffer.height;
      c.getContext('2d')!.drawImage(buffer, 0, 0);
      setDrawn((n) => n + 1);
    })().catch((e: unknown) => console.error(e));
  }, [atlas, t, size.width, size.height, presenting, legend, locale, year, indicator, province, sponsor]);
  return (
    <div className="slide-map" ref={host} data-testid="slide-map" data-drawn={drawn}>
      <canvas ref={canvas} style={{ width: size.width, height: size.height }} role="img" aria-label={t(`indicator.${indicator}`, { n: s.criterion })} />
    </div>
  );
}
