import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { useAtlas } from './AtlasContext';
import { searchKey, stripUnitPrefix } from '../common/vn-name';
import { vietnameseCollator } from '../i18n/collate';

interface Hit {
  kind: 'commune' | 'district';
  code: string;
  name: string;
  context: string;
  province: string;
}

const maxHits = 12;

/** Finds communes and districts with or without diacritics ("huong loc" -> Hướng Lộc), sorted the Vietnamese way. */
export function SearchBox() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const index = useMemo(() => {
    const u = atlas.units;
    if (!u || s.phase !== 'ready') return [];
    // key: what a query is compared with; bare: the name without its prefix, for sorting
    const entries: (Hit & { key: string; bare: string })[] = [];
    const districts = new Map<string, Hit & { key: string; bare: string }>();
    for (let i = 0; i < u.length; i++) {
      entries.push({ kind: 'commune', code: u.code[i], name: u.name[i], context: `${u.districtName[i]}, ${u.provinceName[i]}`, province: u.provinceCode[i], key: searchKey(u.name[i]), bare: stripUnitPrefix(u.name[i]) });
      if (!districts.has(u.districtCode[i]))
        districts.set(u.districtCode[i], { kind: 'district', code: u.districtCode[i], name: u.districtName[i], context: u.provinceName[i], province: u.provinceCode[i], key: searchKey(u.districtName[i]), bare: stripUnitPrefix(u.districtName[i]) });
    }
    return [...entries, ...districts.values()];
  }, [atlas.units, s.phase]);

  const query = searchKey(text);
  const hits = useMemo(() => {
    if (query.length < 2) return [];
    const words = query.split(' ');
    const found = index.filter((e) => words.every((w) => e.key.includes(w)));
    // Current province first, then Vietnamese collation of the name without its prefix.
    found.sort(
      (a, b) =>
        Number(b.province === s.province) - Number(a.province === s.province) ||
        vietnameseCollator.compare(a.bare, b.bare) ||
        vietnameseCollator.compare(a.context, b.context),
    );
    return found.slice(0, maxHits);
  }, [index, query, s.province]);

  const open = async (h: Hit) => {
    setText('');
    if (h.kind === 'commune') await atlas.focusCommune(h.code);
    else {
      if (atlas.state.get().province !== h.province) await atlas.setProvince(h.province);
      await atlas.setDistrict(h.code);
    }
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
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) void open(hits[0]);
          if (e.key === 'Escape') setText('');
        }}
      />
      {hits.length > 0 && (
        <ul className="search-results" data-testid="search-results" role="listbox">
          {hits.map((h) => (
            <li key={`${h.kind}-${h.code}`} role="option" aria-selected={false}>
              <button type="button" onClick={() => void open(h)}>
                <strong>{h.name}</strong> <span className="context">{h.context}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
