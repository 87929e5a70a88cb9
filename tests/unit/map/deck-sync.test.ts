import { describe, expect, test, vi } from 'vitest';
import { Deck, LayerManager } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { DeckSync } from '../../../src/map/deck-sync';

/** A map that lets a test fire its events. */
function fakeMap() {
  const handlers: Record<string, (() => void)[]> = {};
  const calls: string[] = [];
  const map = {
    on: (type: string, f: () => void) => void (handlers[type] ??= []).push(f),
  };
  return { map: map as unknown as MapLibreMap, calls, fire: (type: string) => handlers[type]?.forEach((f) => f()) };
}

function fakeOverlay(calls: string[]) {
  const deck = {
    layerManager: { updateLayers: () => calls.push('updateLayers') },
    needsRedraw: vi.fn(() => false as const),
  };
  const overlay = { _deck: deck };
  return { overlay: overlay as unknown as MapLibreOverlay, deck };
}

describe('deck.gl and MapLibre frames in step', () => {
  test('applyNow applies the layers handed over before the next MapLibre frame', () => {
    const { map, calls } = fakeMap();
    const { overlay } = fakeOverlay(calls);
    new DeckSync(map, overlay).applyNow();
    expect(calls).toEqual(['updateLayers']);
  });

  test("after each MapLibre frame deck.gl's redraw flags are cleared: it asks for no second frame of the same picture", () => {
    const { map, calls, fire } = fakeMap();
    const { overlay, deck } = fakeOverlay(calls);
    new DeckSync(map, overlay);
    expect(deck.needsRedraw).not.toHaveBeenCalled();
    fire('render');
    expect(deck.needsRedraw).toHaveBeenCalledWith({ clearRedrawFlags: true });
  });

  test('an overlay without its Deck is refused, not silently left out of step', () => {
    const { map } = fakeMap();
    expect(() => new DeckSync(map, {} as MapLibreOverlay)).toThrow(/deck.gl upgraded/);
  });

  test('deck.gl still has the internals DeckSync relies on (fails on an upgrade that renames them)', () => {
    expect(typeof LayerManager.prototype.updateLayers).toBe('function');
    expect(typeof Deck.prototype.needsRedraw).toBe('function');
    // the overlay keeps its Deck as `_deck` (a private field: read from its source)
    expect(MapLibreOverlay.toString()).toMatch(/this\._deck = /);
  });
});
