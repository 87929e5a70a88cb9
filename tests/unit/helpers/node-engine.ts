// The browser's exact engine (DuckDB-WASM, blocking bundle) in Node, behind the same SqlEngine interface: the one the
// build computes the first map with (prebuilt/wasm-engine.ts).
export { startWasmEngine as startNodeEngine } from '../../../prebuilt/wasm-engine';
