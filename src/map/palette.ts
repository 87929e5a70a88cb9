// The base map's colours, shared by the screen style (style.ts) and the exported maps (src/export/scene-builder.ts).
export const palette = {
  sea: '#c6dbe9',
  land: '#f4f1ea',
  landOther: '#e7e3da',
  /** Neighbouring countries: land, a shade apart from Việt Nam's provinces. */
  foreignLand: '#d8d4ca',
  foreignBorder: '#a8a397',
  foreignLabel: '#6f6a5f',
  island: '#8a8a8a',
  /** Districts (or provinces) behind their target trajectory. */
  flagged: '#c51b7d',
  /** A sponsor's communes. */
  sponsored: '#6a3d9a',
  /** The selected commune's outline (over its own colour). */
  selected: '#0b2e6b',
  communeLine: '#ffffff',
  districtLine: '#5b5b5b',
  provinceLine: '#222222',
  label: '#1d1d1d',
  halo: '#ffffff',
};
