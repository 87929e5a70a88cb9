import type { RGBA } from '../classify/palettes';

/**
 * Category colours: a sequential green scale for the NTM tiers (ColorBrewer YlGn, colour-blind safe), a warm
 * orange for "not yet", neutral greys for no data / out of scope; for the two-year comparison, blue for newly
 * recognised and brown for fell back; for the communes missing a criterion, red against pale green.
 */
const colours: Record<string, RGBA> = {
  kieu_mau: [0, 90, 50, 255],
  nang_cao: [35, 139, 69, 255],
  dat_chuan: [116, 196, 118, 255],
  chua_dat: [244, 165, 96, 255],
  no_data: [190, 190, 190, 255],
  out_of_scope: [224, 224, 232, 255],
  unattributed: [236, 236, 236, 255],
  newly_recognised: [33, 102, 172, 255],
  still_ntm: [166, 219, 160, 255],
  fell_back: [140, 81, 10, 255],
  still_not: [253, 219, 199, 255],
  // communes missing criterion n: red against a pale green (they had no colour of their own: all grey)
  criterion_missing: [215, 48, 39, 255],
  criterion_met: [199, 233, 192, 255],
};

export function categoryColour(category: string): RGBA {
  return colours[category] ?? colours.no_data;
}

/** Polygons that belong to no current unit (2008 orphans, island districts). */
export const unattributedColour = colours.unattributed;

export const cssColour = ([r, g, b, a]: RGBA) => `rgba(${r}, ${g}, ${b}, ${a / 255})`;
