import { useRef, useSyncExternalStore } from 'react';

/** A store as its readers see it: the value and change notifications, no setter (both bound: React takes them as they are). */
export interface ReadonlyStore<T> {
  readonly get: () => T;
  readonly subscribe: (listener: () => void) => () => void;
}

/** A minimal observable value for React (useSyncExternalStore) and for non-React code (the map, the automation API). */
export class Store<T> implements ReadonlyStore<T> {
  private listeners = new Set<() => void>();
  /** Holds in force (hold), and whether the value changed while one was. */
  private holds = 0;
  private changedWhileHeld = false;
  constructor(private value: T) {}

  get = (): T => this.value;

  set(patch: Partial<T>): void {
    this.value = { ...this.value, ...patch };
    if (this.holds > 0) this.changedWhileHeld = true;
    else this.notify();
  }

  /**
   * Until the returned release is called, readers are not told of changes (`get` has them at once); then they are,
   * once for all. Holds may overlap (a slider dragged): each release tells of what changed before it, so readers
   * never wait for the last one.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (!this.changedWhileHeld) return;
      this.changedWhileHeld = false;
      this.notify();
    };
  }

  private notify(): void {
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

/**
 * Reads some fields of a store's value: the same object for as long as those fields keep their values, so that a
 * component reading it renders again only when one of them changes (a year switch re-renders the legend, not the
 * top bar). The type is `Pick<T, K>`: a field read but not listed does not compile.
 */
export function fieldsReader<T extends object, K extends keyof T>(store: ReadonlyStore<T>, keys: readonly K[]): () => Pick<T, K> {
  let last: Pick<T, K> | null = null;
  return () => {
    const value = store.get();
    if (last !== null && keys.every((k) => Object.is(last![k], value[k]))) return last;
    const next = {} as Pick<T, K>;
    for (const k of keys) next[k] = value[k];
    last = next;
    return next;
  };
}

/** `useStore` for the listed fields only (see `fieldsReader`); the list is read once per component instance. */
export function useStoreFields<T extends object, K extends keyof T>(store: ReadonlyStore<T>, keys: readonly K[]): Pick<T, K> {
  const reader = useRef<{ store: ReadonlyStore<T>; read: () => Pick<T, K> } | null>(null);
  if (reader.current?.store !== store) reader.current = { store, read: fieldsReader(store, keys) };
  return useSyncExternalStore(store.subscribe, reader.current.read);
}

/** A single value computed from a store's value (a primitive: compared by value, so unchanged results render nothing). */
export function useStoreSelect<T, R extends string | number | boolean | null>(store: ReadonlyStore<T>, select: (value: T) => R): R {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
