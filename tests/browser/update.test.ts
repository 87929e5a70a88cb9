// A new version of the app (issue 17): downloaded beside the running one, announced, applied only on the user's word.
// The build under test is copied and served apart; "deploying" a new version rewrites the copy's index.html and the
// service worker's manifest entry for it, as a new build would.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApp, openBrowser, type Session } from './harness';

let dir: string;
let server: PreviewServer;
let url: string;
let s: Session;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ntm-update-'));
  cpSync(process.env.NTM_DIST ?? 'dist', dir, { recursive: true });
  server = await preview({ configFile: false, build: { outDir: dir }, preview: { host: '127.0.0.1', port: 4390, strictPort: false }, logLevel: 'warn' });
  url = server.resolvedUrls!.local[0];
  s = await openBrowser(url);
  await openApp(s, url, '?province=45');
});
afterAll(async () => {
  await s?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function workerInstalled() {
  await s.page.evaluate(async () => {
    for (const until = Date.now() + 120_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
      const r = await navigator.serviceWorker.getRegistration();
      if (r?.active?.state === 'activated' && navigator.serviceWorker.controller) return;
    }
    throw new Error('the service worker did not take over within 2 minutes');
  });
}

/** A new build on the server: index.html carries a version mark, and the worker's manifest a new revision for it. */
function deployNewVersion() {
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head>\n    <meta name="ntm-test-version" content="2" />'));
  const sw = join(dir, 'sw.js');
  const text = readFileSync(sw, 'utf8');
  const rewritten = text.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, '$1feedfacefeedfacefeedfacefeedface"');
  expect(rewritten).not.toBe(text);
  writeFileSync(sw, rewritten);
}

const version = () => s.page.evaluate(() => document.querySelector('meta[name="ntm-test-version"]')?.getAttribute('content') ?? '1');

describe('a new version', () => {
  test('is announced once downloaded, and the running app keeps going until the user says so', async () => {
    await workerInstalled();
    deployNewVersion();
    await s.page.evaluate(() => ((window as any).__beforeUpdate = true));
    await s.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await s.page.getByTestId('update-notice').waitFor({ timeout: 60_000 });
    // nothing was reloaded or swapped: same document, same version, the atlas still answers
    expect(await s.page.evaluate(() => (window as any).__beforeUpdate)).toBe(true);
    expect(await version()).toBe('1');
    expect(await s.page.evaluate(() => (window as any).ntmAtlas.state().phase)).toBe('ready');
  });

  test('is applied on the user\'s word: the page reloads onto the new version, served by the new worker', async () => {
    await Promise.all([s.page.waitForEvent('load', { timeout: 60_000 }), s.page.getByTestId('update-notice').getByRole('button').click()]);
    await s.page.waitForFunction(() => (window as any).ntmAtlas !== undefined, null, { timeout: 60_000 });
    expect(await s.page.evaluate(() => (window as any).__beforeUpdate)).toBeUndefined();
    expect(await version()).toBe('2');
    await s.page.evaluate(async () => (window as any).ntmAtlas.ready);
    expect(await s.page.getByTestId('update-notice').count()).toBe(0);
    // the index.html now in the cache is the new one: the reload came from the new version's precache
    const cached = await s.page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const r of await cache.keys()) if (new URL(r.url).pathname === '/index.html') return (await (await cache.match(r))!.text()).includes('ntm-test-version');
      }
      return null;
    });
    expect(cached).toBe(true);
  });
});
