// A ChatTransport wrapper that counts requests, records the first failure that every other commit would meet too (no
// access to the model, a rejected key, a server that is down: the analyzer then sends no more), and rewords the
// core's model errors for the extension while keeping their cause. Pure (no vscode).
import type { Language } from '../../core/domain/language.js';
import { ModelError } from '../../core/llm/errors.js';
import type { ChatTransport } from '../../core/llm/types.js';
import { classifyFailure, ExtensionModelError, type ModelFailure } from './failures.js';

/** A failure with the error it came from (to word it again in another language). */
export interface RecordedFailure extends ModelFailure {
  error: unknown;
}

export interface GuardedTransport extends ChatTransport {
  /** Requests sent to the model (cache hits send none). */
  readonly calls: number;
  /** The first failure that stopped the run's requests. */
  readonly fatal: RecordedFailure | undefined;
  /** The first failure of a request (fatal or not), for the message after the run. */
  readonly firstFailure: RecordedFailure | undefined;
}

export interface GuardOptions {
  /** The report language: the rethrown error becomes the commit's note, worded in it. */
  language: Language;
}

export function guardTransport(inner: ChatTransport, options: GuardOptions): GuardedTransport {
  let calls = 0;
  let fatal: RecordedFailure | undefined;
  let firstFailure: RecordedFailure | undefined;
  return {
    id: inner.id,
    model: inner.model,
    get calls() {
      return calls;
    },
    get fatal() {
      return fatal;
    },
    get firstFailure() {
      return firstFailure;
    },
    async complete(messages, chatOptions) {
      calls += 1;
      try {
        return await inner.complete(messages, chatOptions);
      } catch (error) {
        const failure = classifyFailure(error, options.language);
        if (failure === undefined || chatOptions.signal.aborted) throw error;
        firstFailure ??= { ...failure, error };
        if (failure.fatal) fatal ??= { ...failure, error };
        // The cause stays (the tally counts it); the words name settings and commands, not CLI flags.
        throw error instanceof ModelError && !(error instanceof ExtensionModelError) ? new ExtensionModelError(error) : error;
      }
    },
  };
}
