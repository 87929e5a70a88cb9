export type RGBA = [number, number, number, number];

/** '#rrggbb' as opaque RGBA. */
export const hex = (h: string): RGBA => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255];

/**
 * Colour-blind-safe schemes (ColorBrewer sequential/diverging, 3-7 classes). Sequential ones for counts and rates,
 * a diverging one for change between two years.
 */
const schemes = {
  // more criteria / recognised earlier = greener
  YlGn: ['#ffffcc', '#d9f0a3', '#addd8e', '#78c679', '#41ab5d', '#238443', '#005a32'],
  // poverty: higher = darker red-purple
  OrRd: ['#fef0d9', '#fdd49e', '#fdbb84', '#fc8d59', '#ef6548', '#d7301f', '#990000'],
  PuBu: ['#f1eef6', '#d0d1e6', '#a6bddb', '#74a9cf', '#3690c0', '#0570b0', '#034e7b'],
  // change: brown (worse) - white - teal (better)
  BrBG: ['#8c510a', '#d8b365', '#f6e8c3', '#f5f5f5', '#c7eae5', '#5ab4ac', '#01665e'],
} as const;

export type SchemeName = keyof typeof schemes;

/** n colours spread evenly over the scheme (n <= 7). */
export function schemeColours(name: SchemeName, n: number): RGBA[] {
  const all = schemes[name];
  if (n <= 1) return [hex(all[Math.floor(all.length / 2)])];
  return Array.from({ length: n }, (_, i) => hex(all[Math.round((i * (all.length - 1)) / (n - 1))]));
}

export const noDataColour: RGBA = [200, 200, 200, 255];
