import { POST_REFORM, type Vintage } from '../common/vintage';

/** What decides whether the map can outline the groups (districts, provinces) behind their target trajectory. */
export interface OutlineView {
  vintage?: Vintage;
  /** null: the national view, whose groups are provinces (outlined on every vintage). */
  province: string | null;
  /** Post-reform units: whether the former districts are drawn over the new communes. */
  showFormerDistricts: boolean;
}

/**
 * Whether the dashed outline of lagging groups is drawn: the post-reform units have no districts, so in a province
 * their groups (the former districts) have a line only while the former districts are shown. The map and its legend
 * both ask this, so the legend never names an outline that is not on the map.
 */
export function laggingOutlineDrawn(v: OutlineView): boolean {
  return v.province === null || v.vintage !== POST_REFORM || v.showFormerDistricts;
}
