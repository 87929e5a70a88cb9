import { Fragment, type ReactNode } from 'react';
import { render, type Locale } from '../../i18n';
import type { Message, MessageParam } from '../../i18n/message';

/** Marks a text parameter's place in a rendered sentence (private-use characters: never in the catalogue). */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACE = /\uE000(\d+)\uE001/;

/**
 * A catalogue message whose text parameters (what a file says: names, values, headers) are each shown in bidi
 * isolation (<bdi>), so a right-to-left name cannot reorder the sentence's own words and punctuation around it.
 * Nested messages are translated as they are (their words are the catalogue's).
 */
export function MessageText({ locale, message }: { locale: Locale; message: Message | readonly Message[] }) {
  const messages: readonly Message[] = Array.isArray(message) ? message : [message as Message];
  const values: string[] = [];
  const marked = messages.map((m): Message => {
    if (!m.params) return m;
    const params: Record<string, MessageParam> = {};
    for (const [k, v] of Object.entries(m.params) as [string, MessageParam][]) {
      if (typeof v === 'string' && k !== 'context' && v !== '') {
        params[k] = `${OPEN}${values.length}${CLOSE}`;
        values.push(v);
      } else params[k] = v;
    }
    return { key: m.key, params };
  });
  const parts = render(locale, marked).split(PLACE);
  const out: ReactNode[] = parts.map((p, i) => (i % 2 === 0 ? <Fragment key={i}>{p}</Fragment> : <bdi key={i}>{values[Number(p)]}</bdi>));
  return <>{out}</>;
}

/** Text taken from a file (a name, a header, a cell), isolated from the text around it. */
export function DataText({ children }: { children: ReactNode }) {
  return <bdi className="data-text">{children}</bdi>;
}
