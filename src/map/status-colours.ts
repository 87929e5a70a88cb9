import { statusClasses, type StatusClass } from '../db/sql/status';

type RGBA = [number, number, number, number];

/**
 * Status colours: a sequential green scale for the tiers (ColorBrewer YlGn, colour-blind safe), a warm
 * orange for "not yet", neutral greys for no data / out of scope, hatch-like pale grey for unattributed.
 */
export const statusColour: Record<StatusClass, RGBA> = {
  kieu_mau: [0, 90, 50, 255],
  nang_cao: [35, 139, 69, 255],
  dat_chuan: [116, 196, 118, 255],
  chua_dat: [244, 165, 96, 255],
  no_data: [190, 190, 190, 255],
  out_of_scope: [224, 224, 232, 255],
  unattributed: [236, 236, 236, 255],
};

/** Colour table indexed by status class index (what the SQL returns). */
export const statusColourTable: RGBA[] = statusClasses.map((s) => statusColour[s]);

export const cssColour = ([r, g, b, a]: RGBA) => `rgba(${r}, ${g}, ${b}, ${a / 255})`;
