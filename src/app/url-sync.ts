import { initialState, type AppState } from '../state/app-state';
import type { ReadonlyStore } from '../state/store';
import { writeUrlState } from '../state/url-state';
import { afterNextFrame } from '../common/after-frame';

/**
 * Keeps the address bar equal to the view (replaceState: the back button is not flooded by the slider). Written
 * after the frame that shows a change: Chromium's replaceState took 0.5-16 ms a year switch here (3.7 ms on
 * average over 10), and in a task before that frame it delayed the map.
 */
export function syncUrl(state: ReadonlyStore<AppState>, whenDrawn: (write: () => void) => void = (write) => void afterNextFrame().then(write)): void {
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
  // once per frame, after it: a year switch sets the state several times and must not wait for the address bar
  state.subscribe(() => {
    if (scheduled) return;
    scheduled = true;
    whenDrawn(write);
  });
}
