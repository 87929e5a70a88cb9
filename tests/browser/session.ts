// One browser + app per test file, with small helpers around window.ntmAtlas.
import { inject } from 'vitest';
import { openApp, openBrowser, type Session } from './harness';

export const baseUrl = () => inject('baseUrl');

export async function startSession(path = '', viewport?: { width: number; height: number }): Promise<Session> {
  const s = await openBrowser(baseUrl(), viewport);
  await openApp(s, baseUrl(), path);
  return s;
}

export const api = <T>(s: Session, fn: string, ...args: unknown[]): Promise<T> =>
  s.page.evaluate(async ([f, a]) => (window as any).ntmAtlas[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;

export async function settle(s: Session) {
  await s.page.evaluate(async () => {
    await (window as any).ntmAtlas.settled();
  });
}

export const sql = <T>(s: Session, query: string, params: unknown[] = []) => api<T[]>(s, 'sql', query, params);
