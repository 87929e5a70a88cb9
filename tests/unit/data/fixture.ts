// Shared by the data tests: the real unit lists and facts, and one generated output per seed (cached per test file).
import { DEFAULT_SEED, generateIllustrative, type GeneratorOutput } from '../../../data/generate/index.ts';
import { Aggregates } from '../../../data/generate/report.ts';
import { loadInputs, type LoadedInputs } from '../../../data/node/load-inputs.ts';

let inputs: LoadedInputs | null = null;
const outputs = new Map<string, GeneratorOutput>();

export function realInputs(): LoadedInputs {
  return (inputs ??= loadInputs());
}

export function generated(seed = DEFAULT_SEED, provinces: 'all' | 'focus' = 'all'): GeneratorOutput {
  const key = `${seed}:${provinces}`;
  let out = outputs.get(key);
  if (!out) {
    const i = realInputs();
    out = generateIllustrative({ communes: i.communes, districts: i.districts, facts: i.facts, seed, provinces });
    outputs.set(key, out);
  }
  return out;
}

export function aggregates(seed = DEFAULT_SEED): Aggregates {
  const i = realInputs();
  return new Aggregates(generated(seed).tables, i.communes, i.districts);
}
