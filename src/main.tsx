// Starts DuckDB first (./boot), then loads the app: the engine's wasm compiles while the UI code downloads.
import './boot';

void import('./app-main');
