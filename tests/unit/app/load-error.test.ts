// A file the app could not load is named for the user, with why and what to do, in the language shown.
import { describe, expect, it } from 'vitest';
import { AssetUnavailableError } from '../../../src/db/fetch-asset';
import { loadErrorText, provinceLoaded } from '../../../src/app/load-error';
import type { MapView } from '../../../src/app/map-view';
import { initialState, type AppState } from '../../../src/state/app-state';
import { Store } from '../../../src/state/store';
import { i18n } from '../../../src/i18n/index.ts';

describe('loadErrorText', () => {
  it('names the file, why it is missing and what to do, in Vietnamese and in English', async () => {
    const offline = new AssetUnavailableError('geom_communes_2025.bin', 'offline');
    await i18n.changeLanguage('vi');
    expect(loadErrorText(offline)).toBe('tệp geom_communes_2025.bin chưa có trong bản lưu ngoại tuyến và máy đang mất mạng. Hãy kết nối mạng rồi thử lại.');
    expect(loadErrorText(new AssetUnavailableError('units_communes.arrow', 'http', 503))).toBe('máy chủ báo lỗi 503 khi tải tệp units_communes.arrow. Hãy thử lại sau ít phút.');
    await i18n.changeLanguage('en');
    expect(loadErrorText(offline)).toBe('the file geom_communes_2025.bin is not in the offline copy and this computer is offline. Connect to the network, then try again.');
    await i18n.changeLanguage('vi');
  });

  it('any other error keeps its own message', () => {
    expect(loadErrorText(new Error('engine not ready'))).toBe('engine not ready');
    expect(loadErrorText('plain')).toBe('plain');
  });
});

describe('provinceLoaded', () => {
  const state = () => new Store<AppState>({ ...initialState, provinces: [{ code: '83', name: 'Tỉnh Bến Tre' }] as AppState['provinces'] });
  const viewLoading = (load: () => Promise<void>) => ({ loadView: load }) as unknown as MapView;

  it('true once the province can be drawn; nothing is said', async () => {
    const s = state();
    expect(await provinceLoaded(s, viewLoading(async () => undefined), '83')).toBe(true);
    expect(s.get().notice).toBeNull();
  });

  it('false with a notice naming the province, the file and what to do, when its geometry could not be had', async () => {
    await i18n.changeLanguage('vi');
    const s = state();
    const missing = viewLoading(() => Promise.reject(new AssetUnavailableError('geom_communes_83.bin', 'offline')));
    expect(await provinceLoaded(s, missing, '83')).toBe(false);
    expect(s.get().notice).toBe('Chưa mở được Tỉnh Bến Tre: tệp geom_communes_83.bin chưa có trong bản lưu ngoại tuyến và máy đang mất mạng. Hãy kết nối mạng rồi thử lại.');
    expect(s.get().province).toBe(initialState.province);
  });
});
