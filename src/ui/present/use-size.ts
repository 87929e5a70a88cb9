import { useEffect, useState, type RefObject } from 'react';

/** The CSS pixel size of an element, following its resizes. */
export function useSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      setSize((old) => (Math.round(r.width) === old.width && Math.round(r.height) === old.height ? old : { width: Math.round(r.width), height: Math.round(r.height) }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
