// Chromium for the benchmark: the test harness's flags plus precise memory figures and an exposed gc().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../browser/harness';

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
  const dir = mkdtempSync(join(tmpdir(), 'ntm-bench-chromium-'));
  const context = await chromium.launchPersistentContext(dir, { headless: true, executablePath: chromiumPath, args: benchArgs, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
