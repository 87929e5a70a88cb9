/**
 * A failure of the import worker in the reader's words (catalogue messages), so that whatever goes wrong there
 * (a report no longer held, memory exhausted while reading or copying a result, the worker stopping) ends in a
 * clear sentence and a usable panel, never an uncaught error in the console.
 */
import { msg, type Message } from '../../i18n/message';

/** A failure the main thread is told about in the reader's words. */
export class ImportFailure extends Error {
  constructor(readonly reason: Message) {
    super(reason.key);
  }
}

/** An import the user cancelled: nothing of it was loaded, and the data already loaded is unchanged. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

const OUT_OF_MEMORY = /memory|allocation|Invalid (array|typed array|string) length|DataCloneError|could not be cloned|Maximum call stack/i;

/** The reader's words for an error: out of memory (allocation failed, clone failed, stack), or what it said. */
export function failureMessage(err: unknown): Message {
  if (err instanceof ImportFailure) return err.reason;
  if (err instanceof ImportCancelled) return msg('import.workerError.cancelled');
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (OUT_OF_MEMORY.test(text)) return msg('import.workerError.memory');
  return msg('import.workerError.failed', { detail: text.slice(0, 200) });
}
