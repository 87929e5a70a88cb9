import { initialState, type AppState } from '../state/app-state';
import type { ReadonlyStore } from '../state/store';
import { writeUrlState } from '../state/url-state';

/** Keeps the address bar equal to the view (replaceState: the back button is not flooded by the slider). */
export function syncUrl(state: ReadonlyStore<AppState>): void {
  // null: the first write always happens, so that values the app ignored (and said so) leave the address bar
  let last: string | null = null;
  let scheduled = false;
  const write = () => {
    scheduled = false;
    const s = state.get();
    if (s.phase !== 'ready') return;
    const search = writeUrlState(s, initialState);
    if (search === last) return;
    last = search;
    window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  };
  // once per task, after the change: a year switch sets the state several times and must not wait for the address bar
  state.subscribe(() => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(write, 0);
  });
}
