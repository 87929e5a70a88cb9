import { AssetUnavailableError } from '../db/fetch-asset';
import { i18n } from '../i18n';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import type { MapView } from './map-view';

/**
 * What went wrong with a load, for the user, in the language shown: a file that could not be had is named with
 * why and what to do (offline: connect, then try again); anything else keeps its own message.
 */
export function loadErrorText(error: unknown): string {
  if (error instanceof AssetUnavailableError) return i18n.t(`app.assetUnavailable.${error.failure}`, { asset: error.asset, status: error.status ?? '' });
  return error instanceof Error ? error.message : String(error);
}

/**
 * Waits for what a change of view needs before anything changes: false, with a notice made by `notice` from the
 * reason, when it could not be loaded (the view stays as it was and the user is told what is missing).
 */
export async function loadedOrNoticed(state: Store<AppState>, load: () => Promise<unknown>, notice: (reason: string) => string): Promise<boolean> {
  try {
    await load();
    return true;
  } catch (error) {
    state.set({ notice: notice(loadErrorText(error)) });
    return false;
  }
}

/** Loads what showing a province takes; false, with a notice naming the province and what is missing, if it failed. */
export function provinceLoaded(state: Store<AppState>, view: MapView | null, province: string | null): Promise<boolean> {
  const s = state.get();
  const name = province === null ? i18n.t('controls.nationalView') : (s.provinces.find((p) => p.code === province)?.name ?? province);
  return loadedOrNoticed(state, async () => view?.loadView(province, s.vintage), (reason) => i18n.t('app.provinceNotShown', { province: name, reason }));
}
