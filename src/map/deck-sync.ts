import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The parts of deck.gl 9.4 this module reaches behind the overlay's API for: its Deck, and the Deck's layer manager
 * (protected). tests/unit/map/deck-sync.test.ts fails when an upgrade renames them.
 */
export interface OverlayInternals {
  _deck?: {
    layerManager: { updateLayers(): void } | null;
    needsRedraw(opts: { clearRedrawFlags: boolean }): string | false;
  };
}

const deckOf = (overlay: MapLibreOverlay) => (overlay as unknown as OverlayInternals)._deck;

/**
 * Keeps MapLibre's frames and deck.gl's layers in step in interleaved mode. deck.gl applies the layers it is handed
 * in its own animation frame, then asks MapLibre for a frame:
 * - a MapLibre frame that comes first draws the previous layers: at start-up, the first frame shown could show the
 *   land without the communes (5 cold loads in 8 here), and the coloured map only one frame later (applyNow);
 * - deck.gl keeps its redraw flags after a MapLibre frame has drawn its current layers (it clears them only after
 *   a camera move), so it asks for another frame that draws the same picture. Where WebGL is rasterised on the CPU
 *   (no GPU), each of those frames costs a few hundred ms of CPU while DuckDB compiles and the tables load.
 */
export class DeckSync {
  /** `overlay`: added to `map` already. */
  constructor(
    map: MapLibreMap,
    private readonly overlay: MapLibreOverlay,
  ) {
    // the overlay makes its Deck when added to the map (interleaved: at once)
    const deck = deckOf(overlay);
    if (!deck || !('layerManager' in deck) || typeof deck.needsRedraw !== 'function') {
      throw new Error('DeckSync: the overlay has no Deck with a layer manager (deck.gl upgraded? see OverlayInternals)');
    }
    // the frame drew deck.gl's current layers (layers still pending are applied in its next animation frame, which
    // then asks for their frame): nothing drawn is left to redraw
    map.on('render', () => deck.needsRedraw({ clearRedrawFlags: true }));
  }

  /**
   * Applies the layers handed over now, so that the next MapLibre frame, whoever asked for it, draws them: the first
   * frame shown. Not on every hand-over: applied in a year switch's call, the switch took more CPU to the end of
   * its frame (year, status: 13.0 -> 17.4 ms median, 4 interleaved runs of 10 switches), for no frame sooner.
   */
  applyNow(): void {
    deckOf(this.overlay)?.layerManager?.updateLayers();
  }
}
