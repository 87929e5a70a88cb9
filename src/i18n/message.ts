/**
 * A message as data: a catalogue key and its parameters, translated only when shown. Code that runs where no
 * catalogue is loaded (the import worker) or must not pick the language (the import pipeline, whose report is
 * shown in whichever language the reader switches to) builds messages; `render` in ./catalogue translates them.
 * Messages are plain objects, so they cross a Web Worker boundary (structured clone) unchanged.
 *
 * This module holds types and one tiny constructor only: importing it pulls no catalogue into a bundle.
 */
import type en from './en.json';

/** i18next plural forms (CLDR categories); a key "x_one"/"x_other" is called as "x" with a `count`. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? WithoutPlural<`${P}${K}`> : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the catalogue, dotted ("import.issue.not_a_number"); a typo or a missing entry fails to compile. */
export type MessageKey = Leaves<typeof en>;

/**
 * A parameter: text and numbers are interpolated as they are (`{{x, number}}` in the catalogue formats a
 * number for the language); a message is translated first; a list of messages becomes sentences joined by a
 * space; null and undefined print nothing. `count` picks the plural form, `context` the variant "key_context".
 */
export type MessageParam = string | number | null | undefined | Message | readonly Message[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export function msg(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

export function isMessage(p: MessageParam): p is Message {
  return typeof p === 'object' && p !== null && !Array.isArray(p) && typeof (p as Message).key === 'string';
}
