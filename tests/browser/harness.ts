// Debian's Chromium driven by playwright-core (never a downloaded browser), with the flags measured in stack-notes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request the page made to another origin (must stay empty). */
  foreignRequests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile (no cache: every load is cold), removed again on close. */
export async function launchChromium(
  opts: { args?: string[]; viewport?: { width: number; height: number }; bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    headless: true,
    executablePath: chromiumPath,
    args: opts.args ?? chromiumArgs,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    bypassCSP: opts.bypassCSP ?? false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function openBrowser(baseUrl: string, viewport = { width: 1280, height: 800 }, opts: { bypassCSP?: boolean } = {}): Promise<Session> {
  // bypassCSP only for tests that inject a checker script (axe-core); the app itself runs under its CSP
  const { context, page, close } = await launchChromium({ viewport, bypassCSP: opts.bypassCSP });
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { context, page, foreignRequests, consoleErrors, close };
}

/** Opens the app and waits until data are loaded and the map has settled. */
export async function openApp(s: Session, baseUrl: string, path = ''): Promise<void> {
  await s.page.goto(new URL(path, baseUrl).href);
  await s.page.waitForFunction(() => (window as any).ntmAtlas !== undefined);
  await s.page.evaluate(async () => {
    await (window as any).ntmAtlas.ready;
    await (window as any).ntmAtlas.settled();
  });
}

export type AtlasState = {
  phase: string;
  province: string | null;
  year: number;
  communesDrawn: number;
  drawnLayer: string | null;
  counts: Record<string, number>;
  withoutBoundary: string[];
  [k: string]: unknown;
};

export const atlasState = (page: Page): Promise<AtlasState> => page.evaluate(() => (window as any).ntmAtlas.state());
