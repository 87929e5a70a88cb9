import { afterEach, describe, expect, test, vi } from 'vitest';
import { syncUrl } from '../../../src/app/url-sync';
import { initialState, type AppState } from '../../../src/state/app-state';
import { Store } from '../../../src/state/store';

describe('the address bar follows the view after the frame that shows it', () => {
  afterEach(() => vi.unstubAllGlobals());

  function setUp() {
    const written: string[] = [];
    vi.stubGlobal('window', { location: { pathname: '/atlas/' }, history: { replaceState: (_: unknown, __: string, url: string) => written.push(url) } });
    const frames: (() => void)[] = [];
    const state = new Store<AppState>({ ...initialState, phase: 'ready' });
    syncUrl(state, (write) => frames.push(write));
    const drawFrame = () => frames.splice(0).forEach((write) => write());
    return { written, state, drawFrame };
  }

  test('nothing is written before the frame; the changes of one frame are written once, as they end', () => {
    const { written, state, drawFrame } = setUp();
    state.set({ year: 2023 });
    state.set({ year: 2022 });
    state.set({ indicator: 'poor_rate' });
    expect(written).toEqual([]);
    drawFrame();
    expect(written).toHaveLength(1);
    const q = new URLSearchParams(written[0].split('?')[1]);
    expect(written[0].startsWith('/atlas/?')).toBe(true);
    expect(q.get('year')).toBe('2022');
    expect(q.get('indicator')).toBe('poor_rate');
  });

  test('a change that leaves the address as it was writes nothing; the next one writes again', () => {
    const { written, state, drawFrame } = setUp();
    state.set({ year: 2023 });
    drawFrame();
    state.set({ notice: null });
    drawFrame();
    expect(written).toHaveLength(1);
    state.set({ year: 2021 });
    drawFrame();
    expect(written).toHaveLength(2);
    expect(new URLSearchParams(written[1].split('?')[1]).get('year')).toBe('2021');
  });
});
