import { createRequire } from 'node:module';
import { afterEach, describe, expect, test } from 'vitest';
import { openApp, openBrowser, type Session } from './harness';
import { baseUrl } from './session';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core in the page (CSP bypassed for the injected checker only); serious and critical violations. */
async function seriousViolations(session: Session): Promise<Violation[]> {
  await session.page.addScriptTag({ path: axePath });
  const result = await session.page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return (result.violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" ") as never })) }));
}

async function open(path: string) {
  s = await openBrowser(baseUrl(), { width: 1440, height: 900 }, { bypassCSP: true });
  await openApp(s, baseUrl(), path);
  return s;
}

describe('accessibility (axe-core): no serious or critical violations', () => {
  test.each([
    ['main view', ''],
    ['district table', '?panel=districts'],
    ['sponsor view', '?sponsor=qt-lmhtx'],
  ])('%s', async (_name, path) => {
    const session = await open(path);
    expect(await seriousViolations(session)).toEqual([]);
  });

  test('presentation view', async () => {
    const session = await open('?panel=slides');
    await session.page.evaluate(() => localStorage.removeItem('ntm-atlas:slides'));
    await session.page.getByTestId('add-slide').click();
    await session.page.getByTestId('start-presentation').click();
    await session.page.waitForFunction(() => (window as any).ntmAtlas.state().presenting === 0);
    expect(await seriousViolations(session)).toEqual([]);
  });

  test('every control is reachable with the keyboard and shows focus', async () => {
    const session = await open('');
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await session.page.keyboard.press('Tab');
      const info = await session.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { key: el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent?.trim().slice(0, 20) || `${el.tagName}.${el.className}`), outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
      });
      if (info) {
        seen.add(info.key);
        expect(info.outline, `focus visible on ${info.key}`).toBe(true);
      }
    }
    for (const id of ['province-picker', 'search', 'indicator-picker', 'year-slider', 'play']) expect([...seen]).toContain(id);
  });
});
