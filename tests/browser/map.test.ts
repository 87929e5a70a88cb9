import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { atlasState, openApp, openBrowser, type Session } from './harness';
import { decodePng, differingPixels, distinctColours, pixelAt } from './pixels';
import { categoryColour } from '../../src/map/status-colours';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
  s = await openBrowser(baseUrl);
  await openApp(s, baseUrl);
});
afterAll(async () => {
  await s?.close();
});

const api = <T>(fn: string, ...args: unknown[]): Promise<T> =>
  s.page.evaluate(async ([f, a]) => (window as any).ntmAtlas[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;

async function switchProvince(code: string | null) {
  await s.page.evaluate(async (c) => {
    await (window as any).ntmAtlas.setProvince(c);
    await (window as any).ntmAtlas.settled();
  }, code);
}

/** How far a screen pixel is from the colour of a status (sum over the channels). */
const offStatusColour = (rgb: readonly number[], status: string) => {
  const want = categoryColour(status);
  return rgb.reduce((sum, v, i) => sum + Math.abs(v - want[i]), 0);
};

/** The unit list, asked independently of the map's own queries. */
const listedCodes = (province: string) =>
  api<{ commune_code: string }[]>('sql', 'SELECT commune_code FROM unit_commune WHERE province_code = ? ORDER BY 1', [province]).then((r) =>
    r.map((x) => x.commune_code),
  );

describe('focus provinces are drawn whole', () => {
  test('opens on Quảng Trị: 125 communes in 10 districts, coloured by status', async () => {
    const st = await atlasState(s.page);
    expect(st.phase).toBe('ready');
    expect(st.province).toBe('45');
    expect(st.communesDrawn).toBe(125);
    const drawn = (await api<string[]>('drawnCodes')).sort();
    expect(drawn).toEqual(await listedCodes('45'));
    // 10 district-level units: 9 with communes and the island district Cồn Cỏ; all are labelled on the map.
    const districts = await api<{ n: number }[]>('sql', 'SELECT count(*)::INTEGER AS n FROM unit_district WHERE province_code = ?', ['45']);
    expect(districts[0].n).toBe(10);
    const labelled = await s.page.evaluate(() =>
      [...new Set((window as any).ntmAtlas.debugMap().queryRenderedFeatures(undefined, { layers: ['district-labels'] }).map((f: any) => f.properties.code))],
    );
    expect(labelled).toHaveLength(10);
    const total = Object.values(st.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(125);
    expect(st.counts.out_of_scope).toBe(24); // 13 phường + 11 thị trấn
  });

  test('Tuyên Quang: all 138 communes drawn', async () => {
    await switchProvince('08');
    const st = await atlasState(s.page);
    expect(st.communesDrawn).toBe(138);
    expect((await api<string[]>('drawnCodes')).sort()).toEqual(await listedCodes('08'));
    expect(st.withoutBoundary).toEqual([]);
  });

  test('Bến Tre: 153 drawn and the 4 without a polygon listed, none dropped', async () => {
    await switchProvince('83');
    const st = await atlasState(s.page);
    expect(st.communesDrawn).toBe(153);
    expect(st.withoutBoundary).toEqual(['28757', '28889', '28900', '28940']);
    const listed = await listedCodes('83');
    expect(listed).toHaveLength(157);
    expect([...(await api<string[]>('drawnCodes')), ...st.withoutBoundary].sort()).toEqual(listed);
    expect(Object.values(st.counts).reduce((a, b) => a + b, 0)).toBe(157);
    expect(await s.page.getByTestId('without-boundary').textContent()).toContain('Xã Hưng Khánh Trung B');
  });

  test('national view draws every commune with a polygon', async () => {
    await switchProvince(null);
    const st = await atlasState(s.page);
    expect(st.drawnLayer).toBe('communes');
    const withPolygon = await api<{ n: number }[]>('sql', 'SELECT count(DISTINCT code)::INTEGER AS n FROM boundary_feature WHERE layer = ? AND code IS NOT NULL', ['communes']);
    expect(st.communesDrawn).toBe(withPolygon[0].n);
    expect(st.communesDrawn).toBeGreaterThan(10_400);
  });

  test('national view: communes from the first feature to the last are painted their status colour', async () => {
    await switchProvince(null);
    // one commune in each few thousand features, the last included; outlines and labels hidden so that the pixel
    // read is the fill
    const picked = await s.page.evaluate(() => {
      const atlas = (window as any).ntmAtlas;
      const map = atlas.debugMap();
      const codes: string[] = atlas.drawnCodes();
      const layers = map.getStyle().layers.filter((l: any) => l.type === 'line' || l.type === 'symbol');
      const visibility = layers.map((l: any) => [l.id, map.getLayoutProperty(l.id, 'visibility') ?? 'visible']);
      for (const l of layers) map.setLayoutProperty(l.id, 'visibility', 'none');
      return { codes: [0, 1500, 3100, 5200, 7300, 9400, codes.length - 1].map((i) => codes[i]), visibility };
    });
    const box = (await s.page.getByTestId('map').boundingBox())!;
    const seen: string[] = [];
    try {
      for (const code of picked.codes) {
        const { status } = await api<{ status: string }>('details', code);
        // zoomed in, still below the detail zoom: the national geometry, the commune some pixels across
        await s.page.evaluate(async (c) => {
          const atlas = (window as any).ntmAtlas;
          const map = atlas.debugMap();
          const p = atlas.screenPointOf(c);
          map.jumpTo({ center: map.unproject([p.x, p.y]), zoom: 6.8 });
          await new Promise<void>((r) => map.once('idle', () => r()));
        }, code);
        const p = await api<{ x: number; y: number }>('screenPointOf', code);
        const rgb = pixelAt(decodePng(await s.page.screenshot({ clip: box })), p.x, p.y);
        seen.push(`${code} ${status} rgb(${rgb.join(',')})`);
        expect(offStatusColour(rgb, status), seen.join('; ')).toBeLessThan(30);
      }
    } finally {
      await s.page.evaluate((visibility: [string, string][]) => {
        const map = (window as any).ntmAtlas.debugMap();
        for (const [id, v] of visibility) map.setLayoutProperty(id, 'visibility', v);
      }, picked.visibility as [string, string][]);
    }
  });
});

describe('what a user sees', () => {
  test('tooltip names the commune with correct diacritics', async () => {
    await switchProvince('45');
    const p = await api<{ x: number; y: number }>('screenPointOf', '19474');
    const box = (await s.page.getByTestId('map').boundingBox())!;
    await s.page.mouse.move(box.x + p.x, box.y + p.y);
    const tooltip = s.page.getByTestId('tooltip');
    await expect.poll(() => tooltip.textContent(), { timeout: 10_000 }).toContain('Xã Hướng Lộc');
    const text = (await tooltip.textContent())!;
    expect(text).toContain('Huyện Hướng Hóa');
    expect(text).toContain('Tỉnh Quảng Trị');
    expect(text).toMatch(/Số tiêu chí đạt: \d+\/19/);
    expect(text).toBe(text.normalize('NFC'));
    await s.page.mouse.move(box.x + 2, box.y + 2);
  });

  test('each commune is painted in the colour of its status from SQL', async () => {
    const status = await api<{ status: string }>('details', '19708');
    const p = await api<{ x: number; y: number }>('screenPointOf', '19708');
    const box = (await s.page.getByTestId('map').boundingBox())!;
    const png = decodePng(await s.page.screenshot({ clip: box }));
    expect(offStatusColour(pixelAt(png, p.x, p.y), status.status)).toBeLessThan(30);
  });

  test('the first coloured frame counted is one the user sees: the canvas was shown by then, the communes slotted under the outlines', async () => {
    const t = await api<Record<string, number>>('timings');
    expect(t.mapShown).toBeGreaterThan(0);
    expect(t.firstColouredFrame).toBeGreaterThanOrEqual(t.mapShown);
    const order = await s.page.evaluate(() => (window as any).ntmAtlas.debugMap().getLayersOrder() as string[]);
    expect(order[order.indexOf('commune-lines') - 1]).toBe('deck-maplibre-layer-group-before:commune-lines');
    expect(await s.page.evaluate(() => (window as any).ntmAtlas.debugMap().getCanvas().style.visibility)).toBe('');
  });

  test('a change that recolours no commune draws no frame; one that does draws one', async () => {
    const framesAfter = (change: string) =>
      s.page.evaluate(async (c) => {
        const atlas = (window as any).ntmAtlas;
        const map = atlas.debugMap();
        await atlas.settled();
        await new Promise<void>((r) => { map.once('idle', () => r()); map.triggerRepaint(); });
        let frames = 0;
        const count = () => frames++;
        map.on('render', count);
        const { year, years } = atlas.state();
        await atlas.setYear(c === 'same' ? year : years.find((y: number) => y !== year));
        await new Promise((r) => setTimeout(r, 600));
        map.off('render', count);
        return frames;
      }, change);
    // before, every refresh handed deck.gl its layers again and it drew a frame (rasterised on the CPU here)
    expect(await framesAfter('same')).toBe(0);
    expect(await framesAfter('other')).toBeGreaterThan(0);
  });

  test('a year switch is drawn in the animation frame that hands deck.gl its colours, not one frame later', async () => {
    const ticks = await s.page.evaluate(async () => {
      const atlas = (window as any).ntmAtlas;
      const map = atlas.debugMap();
      await atlas.settled();
      // every callback of one animation frame is given the same timestamp: tag the frame each callback runs in
      const original = window.requestAnimationFrame;
      let tick = -1;
      window.requestAnimationFrame = (cb) => original((ts) => { tick = ts; cb(ts); });
      const deck = map._controls.find((c: any) => c && c._deck)._deck;
      const proto = Object.getPrototypeOf(deck.layerManager);
      const update = proto.updateLayers;
      const seen: { deck: number[]; frames: number[] } = { deck: [], frames: [] };
      proto.updateLayers = function (...args: unknown[]) {
        if (this.needsUpdate()) seen.deck.push(tick);
        return update.apply(this, args);
      };
      const onRender = () => seen.frames.push(tick);
      try {
        // two frames for the wrapped callbacks to be the ones queued
        for (let i = 0; i < 2; i++) await new Promise<void>((r) => { map.once('render', () => r()); map.triggerRepaint(); });
        seen.deck.length = 0;
        seen.frames.length = 0;
        map.on('render', onRender);
        const { year, years } = atlas.state();
        const drawn = new Promise((r) => map.once('render', r));
        await atlas.setYear(years.find((y: number) => y !== year));
        await Promise.race([drawn, new Promise((r) => setTimeout(r, 2000))]);
        return seen;
      } finally {
        map.off('render', onRender);
        proto.updateLayers = update;
        window.requestAnimationFrame = original;
      }
    });
    expect(ticks.deck, `deck.gl applied the new colours once: ${JSON.stringify(ticks)}`).toHaveLength(1);
    expect(ticks.frames.length, JSON.stringify(ticks)).toBeGreaterThan(0);
    expect(ticks.frames[0], `deck.gl in the frame of ${ticks.deck[0]}, MapLibre drew at ${ticks.frames.join(', ')}`).toBe(ticks.deck[0]);
  });

  test('the legend is told of a year switch after the frame that draws it; the slider and the indicator picker show a choice at once', async () => {
    const seen = await s.page.evaluate(async () => {
      const atlas = (window as any).ntmAtlas;
      const map = atlas.debugMap();
      await atlas.settled();
      const legend = document.querySelector('[data-testid="legend"]')!;
      const order: string[] = [];
      const note = (what: string) => !order.includes(what) && order.push(what);
      const observer = new MutationObserver(() => note('legend'));
      observer.observe(legend, { subtree: true, childList: true, characterData: true });
      const onRender = () => note('frame');
      map.on('render', onRender);
      const { year, years } = atlas.state();
      const to = years.find((y: number) => y !== year);
      await atlas.setYear(to);
      await atlas.settled();
      observer.disconnect();
      map.off('render', onRender);
      return { order, to, title: legend.querySelector('h2')!.textContent };
    });
    // before, the legend rendered (and the layout it dirtied ran) inside the switch, ahead of the map's frame
    expect(seen.order).toEqual(['frame', 'legend']);
    expect(seen.title).toContain(String(seen.to));

    // what a drag or a pick does: the native value set, then the event React listens to. Read back in the same
    // task: React would set a controlled input back to the state's value while the panel has not been told
    const shown = await s.page.evaluate(() => {
      const choose = <E extends HTMLInputElement | HTMLSelectElement>(el: E, value: string, event: string) => {
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!.call(el, value);
        el.dispatchEvent(new Event(event, { bubbles: true }));
        return el.value;
      };
      const slider = document.querySelector<HTMLInputElement>('[data-testid="year-slider"]')!;
      const index = Number(slider.value) === 0 ? '1' : '0';
      const picker = document.querySelector<HTMLSelectElement>('[data-testid="indicator-picker"]')!;
      return {
        index,
        slider: choose(slider, index, 'input'),
        label: document.querySelector('[data-testid="year-value"]')!.textContent,
        picker: choose(picker, 'poor_rate', 'change'),
      };
    });
    expect(shown.slider).toBe(shown.index);
    expect(shown.picker).toBe('poor_rate');
    await api('settled');
    const after = await api<{ year: number; years: number[]; indicator: string }>('state');
    expect(shown.label).toBe(String(after.years[Number(shown.index)]));
    expect([after.year, after.indicator]).toEqual([after.years[Number(shown.index)], 'poor_rate']);
    await api('setIndicator', 'status');
    await api('settled');
  });

  test('a switch of province sends MapLibre only the base data that changed (not the districts, islands, sea labels again)', async () => {
    const sent = await s.page.evaluate(async () => {
      const atlas = (window as any).ntmAtlas;
      const map = atlas.debugMap();
      const ids = ['provinces', 'districts', 'islands', 'sea-labels', 'basemap-labels', 'province-labels'];
      const calls: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
      const restore = ids.map((id) => {
        const source = map.getSource(id);
        const setData = source.setData;
        source.setData = function (...a: unknown[]) {
          calls[id]++;
          return setData.apply(this, a);
        };
        return () => (source.setData = setData);
      });
      const before = atlas.state().province;
      await atlas.setProvince(before === '01' ? '45' : '01');
      await atlas.settled();
      await atlas.setProvince(before);
      await atlas.settled();
      restore.forEach((r) => r());
      return calls;
    });
    expect(sent).toEqual({ provinces: 2, districts: 0, islands: 0, 'sea-labels': 0, 'basemap-labels': 0, 'province-labels': 2 });
  });

  test("the page itself preloads the app's main chunk, so its compile starts beside the boot module's (vite.config.ts)", async () => {
    // in the HTML as served: Vite's own preload helper adds links too, but only once the boot module has run
    const html = await s.page.evaluate(async () => (await fetch(location.pathname)).text());
    const scripts = await s.page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /\/assets\/app-main-[^/]+\.js$/.test(n)));
    expect(scripts).toHaveLength(1);
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="./assets/${scripts[0].split('/').pop()}">`);
  });

  test('screenshot is not blank and shows labels', async () => {
    const box = (await s.page.getByTestId('map').boundingBox())!;
    const withLabels = decodePng(await s.page.screenshot({ clip: box, path: 'test-results/quang-tri.png' }));
    expect(distinctColours(withLabels)).toBeGreaterThan(8);
    const rendered = await s.page.evaluate(() => {
      const m = (window as any).ntmAtlas.debugMap();
      return m.queryRenderedFeatures(undefined, { layers: ['district-labels'] }).map((f: any) => f.properties.name);
    });
    expect(rendered).toContain('Hướng Hóa');
    await s.page.evaluate(async () => {
      const m = (window as any).ntmAtlas.debugMap();
      for (const id of ['district-labels', 'province-labels', 'sea-labels']) m.setLayoutProperty(id, 'visibility', 'none');
      await (window as any).ntmAtlas.settled();
    });
    const withoutLabels = decodePng(await s.page.screenshot({ clip: box }));
    await s.page.evaluate(async () => {
      const m = (window as any).ntmAtlas.debugMap();
      for (const id of ['district-labels', 'province-labels', 'sea-labels']) m.setLayoutProperty(id, 'visibility', 'visible');
      await (window as any).ntmAtlas.settled();
    });
    expect(differingPixels(withLabels, withoutLabels)).toBeGreaterThan(500);
  });

  test('English switch translates the interface, names keep their diacritics', async () => {
    await s.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => s.page.getByTestId('legend').textContent()).toContain('NTM status');
    await s.page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => s.page.getByTestId('legend').textContent()).toContain('Tình trạng NTM');
  });

  test('the page made no request outside its own origin and logged no errors', () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
