import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from './use-translation';
import { useStoreFields } from '../state/store';
import { useAtlas } from './AtlasContext';
import { TopBar } from './TopBar';
import { Tooltip } from './Tooltip';
import { SidePanel } from './SidePanel';
import { Breadcrumbs } from './Breadcrumbs';
import { YearSlider } from './controls/YearSlider';
import { IndicatorControls } from './controls/IndicatorControls';
import { Presentation } from './present/Presentation';
import { CompareMap } from './compare/CompareMap';
import { CompareControls } from './compare/CompareControls';
import { EditionFooter } from './EditionFooter';
import { POST_REFORM } from '../common/vintage';
import { PrintHeading } from './PrintHeading';
import './layout.css';

/** `mapNotices`: notes from outside the atlas shown over the map (the offline copy's, src/app-main.tsx). */
export function App({ mapNotices }: { mapNotices?: ReactNode } = {}) {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['compare', 'error', 'notice', 'phase', 'presenting', 'vintage']);
  const { t } = useTranslation();
  const mapRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void atlas.start(mapRef.current!);
  }, [atlas]);
  const presenting = s.presenting !== null;
  // phone: the panel as a bottom sheet (raised or lowered), the toolbar folded behind a button
  const [sheetOpen, setSheetOpen] = useState(false);
  const [toolbarOpen, setToolbarOpen] = useState(false);
  useEffect(() => {
    atlas.mapInstance()?.resize(); // the map area changes size when the chrome is hidden or shown
  }, [atlas, presenting, sheetOpen, toolbarOpen]);
  return (
    <div className={`app${presenting ? ' presenting' : ''}${sheetOpen ? ' sheet-open' : ''}`}>
      <PrintHeading />
      {!presenting && <TopBar />}
      <main className="body">
        <div className="map-wrap">
          {!presenting && (
            <div className={toolbarOpen ? 'map-toolbar open' : 'map-toolbar'}>
              <button type="button" className="toolbar-toggle" aria-expanded={toolbarOpen} data-testid="toolbar-toggle" onClick={() => setToolbarOpen(!toolbarOpen)}>
                {toolbarOpen ? t('layout.toolbarClose') : t('layout.toolbarOpen')}
              </button>
              <Breadcrumbs />
              <IndicatorControls />
              <YearSlider />
              <CompareControls />
            </div>
          )}
          <Presentation />
          <div className={s.compare ? 'maps split' : 'maps'}>
            <div ref={mapRef} className="map main-map" data-testid="map" role="region" aria-label={t('controls.indicatorStatus')} />
            {s.compare && <CompareMap />}
          </div>
          <Tooltip />
          {s.phase === 'loading' && <div className="status-line">{t('app.loading')}</div>}
          {s.phase === 'error' && (
            <div className="status-line error" role="alert">
              {t('app.loadError', { message: s.error })}{' '}
              <button type="button" onClick={() => window.location.reload()}>
                {t('app.reload')}
              </button>
            </div>
          )}
          {mapNotices}
          {s.notice && (
            <div className="status-line notice" role="status" data-testid="notice">
              {s.notice}{' '}
              <button type="button" onClick={() => atlas.setUiState({ notice: null })} aria-label="OK">
                ×
              </button>
            </div>
          )}
          <div className="attribution" data-testid="footer">
            <span className="vintage">{t('vintage.footer', { name: t(`vintage.name.${s.vintage}`) })}</span> ·{' '}
            {t(s.vintage === POST_REFORM ? 'vintage.attribution' : 'map.attribution')}
          </div>
          <EditionFooter />
        </div>
        {!presenting && (
          <div className="sheet">
            <button type="button" className="sheet-handle" aria-expanded={sheetOpen} aria-label={t(sheetOpen ? 'layout.sheetLower' : 'layout.sheetRaise')} data-testid="sheet-handle" onClick={() => setSheetOpen(!sheetOpen)} />
            <SidePanel />
          </div>
        )}
      </main>
    </div>
  );
}
