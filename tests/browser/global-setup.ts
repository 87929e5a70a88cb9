// Serves the production build (dist/) on 127.0.0.1 for the browser tests.
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // NTM_DIST lets several checkouts of work in progress build and test side by side (vite build --outDir)
  const outDir = process.env.NTM_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run "vite build" first (npm test does it)`);
  const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 4317, strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
