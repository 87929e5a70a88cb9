import { describe, expect, it } from 'vitest';
import { Store, fieldsReader } from '../../../src/state/store';

describe('fieldsReader: the fields a component reads, unchanged while they are', () => {
  const make = () => new Store({ year: 2024, indicator: 'status', legend: [1, 2], planner: [] as number[] });

  it('returns the same object while only other fields change', () => {
    const store = make();
    const read = fieldsReader(store, ['indicator', 'legend']);
    const first = read();
    store.set({ year: 2023 });
    store.set({ planner: [1] });
    expect(read()).toBe(first);
    expect(first).toEqual({ indicator: 'status', legend: [1, 2] });
    expect(Object.keys(first)).toEqual(['indicator', 'legend']);
  });

  it('returns a new object with the new values when a listed field changes, by identity', () => {
    const store = make();
    const read = fieldsReader(store, ['year', 'legend']);
    const first = read();
    store.set({ year: 2022 });
    const second = read();
    expect(second).not.toBe(first);
    expect(second.year).toBe(2022);
    // an equal but new array is a change: the store's setters hand over new values, never mutate them
    store.set({ legend: [1, 2] });
    expect(read()).not.toBe(second);
  });

  it('keeps each reader to its own fields', () => {
    const store = make();
    const a = fieldsReader(store, ['year']);
    const b = fieldsReader(store, ['indicator']);
    const [a1, b1] = [a(), b()];
    store.set({ indicator: 'poor_rate' });
    expect(a()).toBe(a1);
    expect(b()).not.toBe(b1);
  });
});

describe('Store.hold: readers told after the switch, the value changed at once', () => {
  const make = () => {
    const store = new Store({ year: 2024, legend: 'a' });
    const heard: number[] = [];
    store.subscribe(() => heard.push(store.get().year));
    return { store, heard };
  };

  it('tells of every change made while held once, on release; get() has them at once', () => {
    const { store, heard } = make();
    const release = store.hold();
    store.set({ year: 2023 });
    store.set({ legend: 'b' });
    expect(store.get()).toEqual({ year: 2023, legend: 'b' });
    expect(heard).toEqual([]);
    release();
    expect(heard).toEqual([2023]);
    release(); // a second call is nothing
    store.set({ year: 2022 });
    expect(heard).toEqual([2023, 2022]);
  });

  it('says nothing on release when nothing changed', () => {
    const { store, heard } = make();
    store.hold()();
    expect(heard).toEqual([]);
  });

  it('lets overlapping holds release in turn: a reader never waits for the last', () => {
    const { store, heard } = make();
    const first = store.hold();
    store.set({ year: 2023 });
    const second = store.hold();
    store.set({ year: 2022 });
    first();
    expect(heard).toEqual([2022]);
    store.set({ year: 2021 }); // still held by the second
    expect(heard).toEqual([2022]);
    second();
    expect(heard).toEqual([2022, 2021]);
  });
});
