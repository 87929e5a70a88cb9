import { useRef, useState } from 'react';
import { useTranslation } from '../use-translation';
import { useStore } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { loadDeck, parseDeck, saveDeck, viewOf, type SlideDeck, type SlideKind } from '../../present/slides';
import { downloadBytes } from '../../export/download';
import { paperPreset, presets, type Preset } from '../../export/presets';
import { exportMapPdfFile, exportMapPngFile, type MapExportJob } from '../../export/map-export';
import { mapTexts } from '../../export/view-text';
import { stepTo, type TaskProgress } from '../../export/task';
import { useTask } from '../TaskProgress';
import { autoTitle } from './slide-text';
import { scorecardAvailable } from './slide-parts';

type Paper = 'A4' | 'A3' | '16:9';
type Orientation = 'portrait' | 'landscape';

/** Build a presentation from the current view, carry it as JSON, start it; export the current map. */
export function SlidesPanel() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  const [deck, setDeckState] = useState<SlideDeck>(loadDeck);
  const [message, setMessage] = useState<string | null>(null);
  const [paper, setPaper] = useState<Paper>('A4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const task = useTask();
  const fileRef = useRef<HTMLInputElement>(null);
  const setDeck = (d: SlideDeck) => {
    saveDeck(d);
    setDeckState(d);
  };
  // texts left empty are written for the view when shown, in the language of that moment
  const add = (kind: SlideKind) =>
    setDeck({
      ...deck,
      slides: [...deck.slides, { id: `${Date.now().toString(36)}${deck.slides.length}`, kind, title: '', subtitle: '', source: '', dataDate: '', view: viewOf(s) }],
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
  const preset = (): Preset => (paper === '16:9' ? presets.projector : paperPreset(paper, orientation));
  /** The current view, fitted to the chosen format. */
  const job = async (taskProgress: TaskProgress): Promise<MapExportJob> => {
    await stepTo(taskProgress, 'scene');
    const scene = await atlas.exportScene();
    if (!scene) throw new Error(t('app.loading'));
    return { scene, texts: mapTexts(atlas.state.get(), t), preset: preset() };
  };
  const formatName = paper === '16:9' ? t('export.projector') : `${paper} ${t(`export.${orientation}`)}`;
  return (
    <section className="slides-panel" data-testid="slides-panel">
      <h2>{t('present.title')}</h2>
      <div className="row add-slides" role="group" aria-label={t('present.addLabel')}>
        <span>{t('present.addLabel')}</span>
        <button type="button" data-testid="add-slide" onClick={() => add('map')}>
          {t('present.addMap')}
        </button>
        <button type="button" data-testid="add-slide-table" onClick={() => add('table')}>
          {t('present.addTable')}
        </button>
        <button type="button" data-testid="add-slide-ranking" onClick={() => add('ranking')}>
          {t('present.addRanking')}
        </button>
        {scorecardAvailable() && (
          <button type="button" data-testid="add-slide-scorecard" onClick={() => add('scorecard')}>
            {t('present.addScorecard')}
          </button>
        )}
      </div>
      <div className="row">
        <button type="button" data-testid="start-presentation" disabled={deck.slides.length === 0} onClick={() => void atlas.present(0)}>
          {t('present.start')}
        </button>
      </div>
      <ol className="slide-list" data-testid="slide-list">
        {deck.slides.map((sl, i) => (
          <li key={sl.id} data-kind={sl.kind}>
            <span className="slide-kind">{t(`present.kind.${sl.kind}`)}</span>
            <input
              aria-label={t('present.slideTitle', { n: i + 1 })}
              value={sl.title}
              placeholder={autoTitle(sl, s, t)}
              onChange={(e) => update(i, { title: e.target.value })}
            />
            <input aria-label={t('present.slideSubtitle', { n: i + 1 })} value={sl.subtitle} placeholder={t('present.subtitleDefault')} onChange={(e) => update(i, { subtitle: e.target.value })} />
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
        <label>
          {t('export.paper')}
          <select value={paper} onChange={(e) => setPaper(e.target.value as Paper)} data-testid="pdf-paper">
            <option value="A4">A4</option>
            <option value="A3">A3</option>
            <option value="16:9">{t('export.projector')}</option>
          </select>
        </label>
        <label>
          {t('export.orientation')}
          <select value={orientation} disabled={paper === '16:9'} onChange={(e) => setOrientation(e.target.value as Orientation)} data-testid="pdf-orientation">
            <option value="landscape">{t('export.landscape')}</option>
            <option value="portrait">{t('export.portrait')}</option>
          </select>
        </label>
      </div>
      <div className="row export-row">
        {([1, 2, 4] as const).map((k) => (
          <button
            key={k}
            type="button"
            data-testid={`export-png-${k}`}
            disabled={task.busy}
            onClick={() => void task.run(`PNG ${k}x · ${formatName}`, async (p) => exportMapPngFile(await job(p), k, p))}
          >
            PNG {k}x
          </button>
        ))}
        <button type="button" data-testid="export-pdf" disabled={task.busy} onClick={() => void task.run(`PDF · ${formatName}`, async (p) => exportMapPdfFile(await job(p), p))}>
          PDF
        </button>
      </div>
      {task.view}
    </section>
  );
}
