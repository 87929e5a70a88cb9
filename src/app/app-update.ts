import { Workbox } from 'workbox-window';
import { Store, type ReadonlyStore } from '../state/store';

/**
 * The offline copy of this version: `none` (no service worker here: a dev build, plain http on another host),
 * `saving` (the first visit's worker is downloading every file), `saved` (saved during this visit: say so once),
 * `ready` (saved on an earlier visit). Once saved or ready the app opens and works without the network.
 */
export type OfflineCopy = 'none' | 'saving' | 'saved' | 'ready';

export interface UpdateState {
  offline: OfflineCopy;
  /** A new version is downloaded in full and waits for the user's word (it is never half-loaded). */
  waiting: boolean;
}

/** How often an open app asks the server for a new version (a reload asks too). */
const checkEveryMs = 60 * 60 * 1000;

/**
 * The installable, offline app (vite-plugin-pwa's service worker, vite.config.ts): the worker precaches the whole
 * build (app, DuckDB's wasm and worker, fonts, geometry and data assets) with a versioned manifest; a returning
 * visit loads from that cache, with or without the network. A new version is precached beside the running one,
 * announced, and applied (the page reloaded onto it) only when the user says so.
 */
export class AppUpdate {
  private readonly store = new Store<UpdateState>({ offline: 'none', waiting: false });
  private wb: Workbox | null = null;
  /** The user asked for the new version: reload once it controls the page. */
  private applying = false;

  get state(): ReadonlyStore<UpdateState> {
    return this.store;
  }

  /**
   * Registers the service worker at `url`. Called once the app has started, so that downloading the precache never
   * competes with the first map. Where service workers are unavailable (plain http on another host) the app runs
   * online as before.
   */
  async register(url: string): Promise<void> {
    if (this.wb || !('serviceWorker' in navigator)) return;
    const wb = (this.wb = new Workbox(url));
    wb.addEventListener('waiting', () => this.store.set({ waiting: true }));
    wb.addEventListener('activated', (e) => {
      if (!e.isUpdate) this.store.set({ offline: 'saved' });
    });
    wb.addEventListener('controlling', () => {
      if (this.applying) window.location.reload();
    });
    try {
      await wb.register();
    } catch (e) {
      console.warn(`offline use unavailable: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    // a page the worker already controls was opened from the offline copy; otherwise the copy is being made (unless
    // the worker activated during register())
    if (navigator.serviceWorker.controller) this.store.set({ offline: 'ready' });
    else if (this.store.get().offline === 'none') this.store.set({ offline: 'saving' });
    setInterval(() => void wb.update().catch(() => undefined), checkEveryMs);
  }

  /** The user's word: the waiting version takes over and the page reloads onto it. */
  apply(): void {
    if (!this.wb || !this.store.get().waiting) return;
    this.applying = true;
    this.wb.messageSkipWaiting();
  }
}
