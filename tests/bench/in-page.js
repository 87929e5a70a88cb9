// Injected into every benchmark page before its own scripts (page.addInitScript): window.__bench.
// Plain JavaScript on purpose: functions handed to page.evaluate from TypeScript get transpiler helpers.
/* global gc -- defined when the bench's Chromium runs with --js-flags=--expose-gc (tests/bench/browser.ts) */
(() => {
  const now = () => performance.now();
  const once = (map, event) => new Promise((resolve) => map.once(event, () => resolve()));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Resolves when the map has nothing left to load or draw. */
  const idle = (map) => {
    const p = once(map, 'idle');
    map.triggerRepaint();
    return p;
  };

  const bench = {
    /** Deck.gl layer updates (attribute recomputation + buffer upload), recorded after instrumentDeck(). */
    deckUpdates: [],

    /** Wraps deck.gl's layer update (run in deck's animation frame after setProps) to time it. */
    instrumentDeck(map) {
      const control = (map._controls || []).find((c) => c && c._deck);
      const deck = control && control._deck;
      if (!deck || !deck.layerManager) return false;
      // deck.gl seals its LayerManager instances: wrap the prototype's method instead.
      const proto = Object.getPrototypeOf(deck.layerManager);
      if (proto.__benchWrapped) return true;
      const original = proto.updateLayers;
      proto.updateLayers = function () {
        const reason = this.needsUpdate();
        const t0 = now();
        const result = original.apply(this, arguments);
        if (reason) bench.deckUpdates.push({ at: t0, ms: now() - t0 });
        return result;
      };
      proto.__benchWrapped = true;
      return true;
    },

    async memory(sqlFn) {
      if (typeof gc === 'function') {
        gc();
        await sleep(50);
        gc();
      }
      const m = performance.memory;
      const out = { usedJSHeapSize: m ? m.usedJSHeapSize : null, totalJSHeapSize: m ? m.totalJSHeapSize : null };
      if (sqlFn) {
        try {
          const rows = await sqlFn('SELECT tag, memory_usage_bytes::BIGINT AS bytes FROM duckdb_memory()');
          out.duckdbMemoryBytes = rows.reduce((s, r) => s + Number(r.bytes), 0);
          out.duckdbMemoryByTag = Object.fromEntries(rows.filter((r) => Number(r.bytes) > 0).map((r) => [r.tag, Number(r.bytes)]));
        } catch (e) {
          out.duckdbMemoryError = String(e);
        }
        try {
          const rows = await sqlFn('SELECT * FROM pragma_database_size()');
          out.duckdbDatabaseSize = rows[0];
        } catch (e) {
          out.duckdbDatabaseSizeError = String(e);
        }
      }
      return out;
    },

    /** MapLibre frames (JS time of Map._render: style/source updates, feature-state, buffer uploads, draw calls). */
    renders: [],

    instrumentMap(map) {
      if (map.__benchRender) return;
      const original = map._render;
      map._render = function () {
        const t0 = now();
        const result = original.apply(this, arguments);
        const t1 = now();
        bench.renders.push({ at: t0, end: t1, ms: t1 - t0 });
        return result;
      };
      map.__benchRender = true;
    },

    /** Blocks until the GPU (SwiftShader, on the same CPU cores) has finished every frame queued so far. */
    drainGpu(map) {
      const gl = map.painter && map.painter.context && map.painter.context.gl;
      if (!gl) return;
      const px = new Uint8Array(4);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    },

    /**
     * Switch timings. `doSwitch(value)` performs the switch and resolves when the app has handed the colours over.
     * Before each switch the map is idle and the GPU drained, so raster of earlier frames does not steal the CPU.
     *   cpuMs    input call until it resolved (ours: includes the await of a query, if any)
     *   deckMs   deck.gl's layer update in the next animation frame: the colour attribute computed and uploaded (ours)
     *   renderMs JS time of the next MapLibre frame after that (baseline: applies feature-state / the new paint
     *            property to the tile buckets and uploads them; ours: deck.gl's draw calls)
     *   frameMs  input until that frame's JS has finished (raster itself is asynchronous, in the GPU process)
     *   panelMs  (opts.panel, a CSS selector) input until the DOM under it first changed (the legend showing the
     *            switch)
     *   wholeFrameMs  the switch's animation frame from deck.gl's update until every callback asked for before the
     *            switch resolved has run and the page is laid out: deck.gl, MapLibre and whatever else the app does
     *            in that frame (ours: the panel's render), the layout of the DOM it changed included. With cpuMs,
     *            all the main thread's work before that frame can be shown
     */
    async switches(map, values, doSwitch, opts) {
      bench.instrumentMap(map);
      const out = [];
      const waitDeck = opts && opts.deck;
      for (const value of values) {
        await idle(map);
        bench.drainGpu(map);
        await sleep(30);
        const markDeck = bench.deckUpdates.length;
        let panelAt = NaN;
        const panel = opts && opts.panel ? document.querySelector(opts.panel) : null;
        const observer = new MutationObserver(() => {
          if (Number.isNaN(panelAt)) panelAt = now();
        });
        if (panel) observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
        const t0 = now();
        const reported = await doSwitch(value);
        const t1 = now();
        let frameEnd = NaN;
        requestAnimationFrame(() => {
          void document.body.offsetHeight; // the layout of what that frame's callbacks changed
          frameEnd = now();
        });
        let deckMs = 0;
        let after = t1;
        const deadline = t1 + 10000;
        if (waitDeck) {
          while (bench.deckUpdates.length === markDeck && now() < deadline) await new Promise((r) => requestAnimationFrame(r));
          for (const u of bench.deckUpdates.slice(markDeck)) {
            deckMs += u.ms;
            after = Math.max(after, u.at + u.ms);
          }
        }
        map.triggerRepaint();
        let frame = null;
        while (!frame && now() < deadline) {
          frame = bench.renders.find((r) => r.at >= after) || null;
          if (!frame) await new Promise((r) => requestAnimationFrame(r));
        }
        if (panel) {
          while (Number.isNaN(panelAt) && now() < deadline) await new Promise((r) => requestAnimationFrame(r));
          observer.disconnect();
        }
        const firstDeck = bench.deckUpdates[markDeck];
        out.push({
          value,
          panelMs: panelAt - t0,
          wholeFrameMs: firstDeck && frameEnd >= firstDeck.at ? frameEnd - firstDeck.at : NaN,
          cpuMs: t1 - t0,
          deckMs,
          renderMs: frame ? frame.ms : NaN,
          reportedMs: reported,
          frameMs: frame ? frame.end - t0 : NaN,
        });
        bench.renders.length = 0;
      }
      return out;
    },

    /**
     * Scripted pan/zoom. Jumps: frameMs = jumpTo until the next frame's JS is done; rasterMs = until the GPU has
     * drawn it (software here); idleMs = until nothing is left to load or draw. Flights: rAF intervals.
     */
    async panZoom(map, jumps, eases) {
      const steps = [];
      await idle(map);
      for (const j of jumps) {
        await idle(map);
        bench.drainGpu(map);
        const t0 = now();
        map.jumpTo(j);
        await once(map, 'render');
        const t1 = now();
        bench.drainGpu(map);
        const t2 = now();
        await idle(map);
        steps.push({ frameMs: t1 - t0, rasterMs: t2 - t0, idleMs: now() - t0 });
      }
      const frames = [];
      let last = null;
      let running = true;
      const tick = (t) => {
        if (last !== null) frames.push(t - last);
        last = t;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      for (const e of eases) {
        const done = once(map, 'moveend');
        map.easeTo(e);
        await done;
      }
      running = false;
      await idle(map);
      return { steps, frames };
    },
  };
  window.__bench = bench;
})();
