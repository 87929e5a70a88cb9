import { useMemo, useState } from 'react';
import { useTranslation } from './use-translation';
import { useStoreFields } from '../state/store';
import { useAtlas } from './AtlasContext';
import { buildSearchIndex, search, type SearchEntry } from './search-index';
import './decisions.css';
import { openOtherVintage, useOtherVintageHits } from './vintage/vintage-search';

/**
 * Finds provinces, districts and communes with or without diacritics ("huong loc" -> Hướng Lộc), several words
 * over a commune and its district ("phu my mo cay"), ranked as a person would (search-index.ts), each with its
 * level. A commune opens zoomed with its neighbours around it; a district opens its communes.
 */
export function SearchBox() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['phase', 'province', 'vintage']);
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // the indexes (~0.1 s for every commune of both vintages) are built when the box is first used, not in the render
  // of whichever switch follows the units' arrival
  const [focused, setFocused] = useState(false);
  const ready = s.phase === 'ready' && (focused || text !== '');
  const index = useMemo(() => (atlas.units && ready ? buildSearchIndex(atlas.units) : []), [atlas.units, ready]);
  const hits = useMemo(() => search(index, text, s.province), [index, text, s.province]);
  // communes of the other vintage, each tagged with it (codes collide across vintages): "where did my commune go"
  const others = useOtherVintageHits(atlas, s.vintage, text, ready);

  const open = async (h: SearchEntry) => {
    setText('');
    if (h.level === 'commune') return atlas.focusCommune(h.code);
    if (atlas.state.get().province !== h.province) await atlas.setProvince(h.province);
    if (h.level === 'district') await atlas.setDistrict(h.code);
  };
  return (
    <div className="search" role="search">
      <input
        data-testid="search"
        type="search"
        value={text}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        disabled={s.phase !== 'ready'}
        onFocus={() => setFocused(true)}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) void open(hits[0]);
          else if (e.key === 'Enter' && others[0]) void openOtherVintage(atlas, others[0]).then(() => setText(''));
          if (e.key === 'Escape') setText('');
        }}
      />
      {hits.length + others.length > 0 && (
        <ul className="search-results" data-testid="search-results" role="listbox">
          {hits.map((h) => (
            <li key={`${h.vintage ?? ''}-${h.level}-${h.code}`} role="option" aria-selected={false} data-level={h.level} data-code={h.code} data-vintage={h.vintage}>
              <button type="button" onClick={() => void open(h)}>
                <span className={`level level-${h.level}`}>{t(`search.level.${h.level}`)}</span>
                <strong>{h.name}</strong> <span className="context">{h.context}</span>
              </button>
            </li>
          ))}
          {others.map((h) => (
            <li key={`${h.vintage}-${h.code}`} role="option" aria-selected={false} data-level={h.level} data-code={h.code} data-vintage={h.vintage}>
              <button type="button" onClick={() => void openOtherVintage(atlas, h).then(() => setText(''))}>
                <span className="vintage-tag">{t(`vintage.short.${h.vintage}`)}</span>
                <strong>{h.name}</strong> <span className="context">{h.context}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
