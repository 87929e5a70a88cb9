import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { loadDeck, parseDeck, saveDeck, viewOf, type SlideDeck } from '../../present/slides';
import { downloadBytes } from '../../export/download';
import type { Orientation, Paper } from '../../export/pdf-layout';
import { exportedView, mapPdfText, viewTitle } from './legend-labels';
import { exportMapPdfFile, exportMapPngFile } from '../../export/map-export';

/** Build a presentation from the current view, carry it as JSON, start it; export the current map. */
export function SlidesPanel() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  const [deck, setDeckState] = useState<SlideDeck>(loadDeck);
  const [message, setMessage] = useState<string | null>(null);
  const [paper, setPaper] = useState<Paper>('A4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const setDeck = (d: SlideDeck) => {
    saveDeck(d);
    setDeckState(d);
  };
  const add = () =>
    setDeck({
      ...deck,
      slides: [
        ...deck.slides,
        {
          id: `${Date.now().toString(36)}${deck.slides.length}`,
          title: viewTitle(s, t),
          subtitle: t('present.subtitleDefault'),
          source: t('present.sourceData'),
          dataDate: t('present.dataDate', { year: s.year }),
          view: viewOf(s),
        },
      ],
    });
  const update = (i: number, patch: Partial<SlideDeck['slides'][number]>) => setDeck({ ...deck, slides: deck.slides.map((sl, k) => (k === i ? { ...sl, ...patch } : sl)) });
  const move = (i: number, by: number) => {
    const slides = [...deck.slides];
    const [x] = slides.splice(i, 1);
    slides.splice(Math.max(0, Math.min(slides.length, i + by)), 0, x);
    setDeck({ ...deck, slides });
  };
  const importFile = async (f: File) => {
    const parsed = parseDeck(await f.text());
    if (parsed.ok) {
      setDeck(parsed.deck);
      setMessage(t('present.imported', { n: parsed.deck.slides.length }));
    } else setMessage(t('present.importFailed', { file: f.name, reason: parsed.reason }));
  };
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="slides-panel" data-testid="slides-panel">
      <h2>{t('present.title')}</h2>
      <div className="row">
        <button type="button" data-testid="add-slide" onClick={add}>
          {t('present.add')}
        </button>
        <button type="button" data-testid="start-presentation" disabled={deck.slides.length === 0} onClick={() => void atlas.present(0)}>
          {t('present.start')}
        </button>
      </div>
      <ol className="slide-list" data-testid="slide-list">
        {deck.slides.map((sl, i) => (
          <li key={sl.id}>
            <input aria-label={t('present.slideTitle', { n: i + 1 })} value={sl.title} onChange={(e) => update(i, { title: e.target.value })} />
            <input aria-label={t('present.slideSubtitle', { n: i + 1 })} value={sl.subtitle} onChange={(e) => update(i, { subtitle: e.target.value })} />
            <div className="row">
              <button type="button" onClick={() => void atlas.applyView(sl.view)} aria-label={t('present.show', { n: i + 1 })}>
                👁
              </button>
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('present.up', { n: i + 1 })}>
                ↑
              </button>
              <button type="button" onClick={() => move(i, 1)} disabled={i === deck.slides.length - 1} aria-label={t('present.down', { n: i + 1 })}>
                ↓
              </button>
              <button type="button" onClick={() => setDeck({ ...deck, slides: deck.slides.filter((_, k) => k !== i) })} aria-label={t('present.delete', { n: i + 1 })}>
                ✕
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" disabled={deck.slides.length === 0} onClick={() => downloadBytes(new TextEncoder().encode(JSON.stringify(deck, null, 2)), 'ntm-atlas-trinh-chieu.json', 'application/json')}>
          {t('present.exportJson')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('present.importJson')}
        </button>
        <input ref={fileRef} type="file" accept=".json,application/json" hidden data-testid="slides-file" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
      </div>
      {message && <p role="status">{message}</p>}
      <h2>{t('export.title')}</h2>
      <div className="row export-row">
        {([1, 2, 4] as const).map((k) => (
          <button key={k} type="button" data-testid={`export-png-${k}`} disabled={busy} onClick={() => void run(() => exportMapPngFile((scale) => atlas.capturePng(scale), k, exportedView(atlas.state.get(), t)))}>
            PNG {k}x
          </button>
        ))}
      </div>
      <div className="row export-row">
        <label>
          {t('export.paper')}
          <select value={paper} onChange={(e) => setPaper(e.target.value as Paper)} data-testid="pdf-paper">
            <option value="A4">A4</option>
            <option value="A3">A3</option>
          </select>
        </label>
        <label>
          {t('export.orientation')}
          <select value={orientation} onChange={(e) => setOrientation(e.target.value as Orientation)} data-testid="pdf-orientation">
            <option value="landscape">{t('export.landscape')}</option>
            <option value="portrait">{t('export.portrait')}</option>
          </select>
        </label>
        <button type="button" data-testid="export-pdf" disabled={busy} onClick={() => void run(() => exportMapPdfFile((scale) => atlas.capturePng(scale), mapPdfText(atlas.state.get(), t, viewTitle(s, t), paper, orientation)))}>
          PDF
        </button>
      </div>
      {busy && <p role="status">{t('export.working')}</p>}
    </section>
  );
}
