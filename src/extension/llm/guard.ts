// A ChatTransport wrapper that counts requests, rewords failures for the extension and stops the run at the first
// failure that every other commit would meet too (no access to the model, a rejected key, a server that is down).
// Pure (no vscode).
import type { Language } from '../../core/domain/language.js';
import type { ChatTransport } from '../../core/llm/types.js';
import { classifyFailure, type ModelFailure } from './failures.js';

/** A failure with the error it came from (to word it again in another language). */
export interface RecordedFailure extends ModelFailure {
  error: unknown;
}

export interface GuardedTransport extends ChatTransport {
  /** Requests sent to the model (cache hits send none). */
  readonly calls: number;
  /** The first failure that stopped the run. */
  readonly fatal: RecordedFailure | undefined;
  /** Failures that only cost one commit its model analysis (timeouts, bad answers, …). */
  readonly failures: readonly RecordedFailure[];
}

export interface GuardOptions {
  /** The report language: the rethrown error becomes the commit's note, worded in it. */
  language: Language;
  /** Called once, at the first fatal failure, before the error is rethrown: abort the run here. */
  onFatal: (failure: ModelFailure) => void;
}

export function guardTransport(inner: ChatTransport, options: GuardOptions): GuardedTransport {
  let calls = 0;
  let fatal: RecordedFailure | undefined;
  const failures: RecordedFailure[] = [];
  return {
    id: inner.id,
    model: inner.model,
    get calls() {
      return calls;
    },
    get fatal() {
      return fatal;
    },
    get failures() {
      return failures;
    },
    async complete(messages, chatOptions) {
      calls += 1;
      try {
        return await inner.complete(messages, chatOptions);
      } catch (error) {
        const failure = classifyFailure(error, options.language);
        if (failure === undefined || chatOptions.signal.aborted) throw error;
        if (failure.fatal) {
          if (fatal === undefined) {
            fatal = { ...failure, error };
            options.onFatal(fatal);
          }
        } else {
          failures.push({ ...failure, error });
        }
        // A plain Error: the analyzer words its note with this message (settings and commands, not CLI flags).
        throw new Error(failure.detail);
      }
    },
  };
}
