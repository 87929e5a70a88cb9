import { useEffect, useRef } from 'react';
import type * as PlotLibrary from '@observablehq/plot';

/** Observable Plot, handed to a chart's build function once it is loaded. */
export type PlotModule = typeof PlotLibrary;

// Plot (with its d3 modules, ~250 KB) is loaded with the first chart, not with the app: the first map needs none of it.
let loading: Promise<PlotModule> | null = null;
function loadPlot(): Promise<PlotModule> {
  loading ??= import('@observablehq/plot').catch((e: unknown) => {
    loading = null; // a failed load (e.g. while offline before the files were cached) is tried again by the next chart
    throw e;
  });
  return loading;
}

/** Hosts a chart built by Observable Plot (an SVG/figure element) and replaces it when the chart changes. */
export function PlotFigure({ build, label }: { build: (plot: PlotModule) => Element; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let el: Element | null = null;
    let gone = false;
    void loadPlot().then((plot) => {
      if (gone) return;
      el = build(plot);
      // The host is the accessible image (role="img" + label); Plot's per-mark labels on <g> are not allowed there.
      for (const n of el.querySelectorAll('[aria-label], [aria-description]')) {
        n.removeAttribute('aria-label');
        n.removeAttribute('aria-description');
      }
      el.setAttribute('aria-hidden', 'true');
      ref.current?.replaceChildren(el);
    });
    return () => {
      gone = true;
      el?.remove();
    };
  }, [build]);
  return <div className="plot" role="img" aria-label={label} ref={ref} />;
}
