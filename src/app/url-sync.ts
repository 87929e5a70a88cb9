import type { Atlas } from './atlas';
import { initialState } from '../state/app-state';
import { writeUrlState } from '../state/url-state';

/** Keeps the address bar equal to the view (replaceState: the back button is not flooded by the slider). */
export function syncUrl(atlas: Atlas): void {
  let last = '';
  let scheduled = false;
  const write = () => {
    scheduled = false;
    const s = atlas.state.get();
    if (s.phase !== 'ready') return;
    const search = writeUrlState(s, initialState);
    if (search === last) return;
    last = search;
    window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  };
  // once per task, after the change: a year switch sets the state several times and must not wait for the address bar
  atlas.state.subscribe(() => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(write, 0);
  });
}
