// Chromium for the benchmark: the test harness's flags plus precise memory figures and an exposed gc().
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumArgs, launchChromium } from '../browser/harness';

/**
 * Every cold load launches a fresh browser; Chrome then preloads its own top-bar WebUI (a renderer busy for about
 * 3 s of CPU here) while the page loads. A user's browser did that when it started, not during our load, so it is
 * switched off, for the app and the baseline alike.
 */
export const benchArgs = [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc', '--disable-features=PreloadTopChromeWebUI'];

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A fresh profile each time: every load is a cold load (no HTTP cache, no compiled-wasm cache). */
export async function launch(viewport = { width: 1280, height: 800 }): Promise<BenchBrowser> {
  const { context, page, close } = await launchChromium({ args: benchArgs, viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors, close };
}
