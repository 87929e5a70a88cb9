import { useSyncExternalStore } from 'react';

/** A store as its readers see it: the value and change notifications, no setter (both bound: React takes them as they are). */
export interface ReadonlyStore<T> {
  readonly get: () => T;
  readonly subscribe: (listener: () => void) => () => void;
}

/** A minimal observable value for React (useSyncExternalStore) and for non-React code (the map, the automation API). */
export class Store<T> implements ReadonlyStore<T> {
  private listeners = new Set<() => void>();
  constructor(private value: T) {}

  get = (): T => this.value;

  set(patch: Partial<T>): void {
    this.value = { ...this.value, ...patch };
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useStore<T>(store: ReadonlyStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
