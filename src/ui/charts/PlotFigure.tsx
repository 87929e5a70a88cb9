import { useEffect, useRef } from 'react';

/** Hosts a chart built by Observable Plot (an SVG/figure element) and replaces it when the chart changes. */
export function PlotFigure({ build, label }: { build: () => Element; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = build();
    // The host is the accessible image (role="img" + label); Plot's per-mark labels on <g> are not allowed there.
    for (const n of el.querySelectorAll('[aria-label], [aria-description]')) {
      n.removeAttribute('aria-label');
      n.removeAttribute('aria-description');
    }
    el.setAttribute('aria-hidden', 'true');
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [build]);
  return <div className="plot" role="img" aria-label={label} ref={ref} />;
}
