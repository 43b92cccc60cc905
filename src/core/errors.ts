import type { Language } from './domain/language.js';
import { ERROR_MESSAGES } from './i18n/errorMessages.js';
import type { ErrorCode } from './i18n/errorMessages.js';
import type { SentenceParams, Sentences } from './i18n/sentences.js';
import { joinLines } from './text.js';

/**
 * A failure with a code and its params, worded from a sentence table (src/core/i18n) in the language each adapter
 * and each report asks for. `message` is the English sentence, on one line.
 */
export class WordedError<Code extends string> extends Error {
  readonly #sentences: Sentences<Code>;

  constructor(sentences: Sentences<Code>, readonly code: Code, readonly params: SentenceParams = {}) {
    super(joinLines(sentences.en[code](params)));
    this.#sentences = sentences;
  }

  format(language: Language): string {
    return joinLines(this.#sentences[language][this.code](this.params));
  }
}

/** Every failure the user can meet, each with a one-line message that names the cause and the fix. */
export class DigestError extends WordedError<ErrorCode> {
  constructor(code: ErrorCode, params: SentenceParams = {}) {
    super(ERROR_MESSAGES, code, params);
    this.name = 'DigestError';
  }
}

export function isDigestError(value: unknown): value is DigestError {
  return value instanceof DigestError;
}

/** Formats any thrown value as one line in the given language. */
export function describeError(error: unknown, language: Language = 'en'): string {
  if (error instanceof DigestError) return error.format(language);
  if (error instanceof Error) return joinLines(error.message);
  return joinLines(String(error));
}
