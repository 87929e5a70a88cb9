import { useEffect, useRef } from 'react';

/** Hosts a chart built by Observable Plot (an SVG/figure element) and replaces it when the chart changes. */
export function PlotFigure({ build, label }: { build: () => Element; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = build();
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [build]);
  return <div className="plot" role="img" aria-label={label} ref={ref} />;
}
