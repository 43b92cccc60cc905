import { WordedError } from '../errors.js';
import type { SentenceParams } from '../i18n/sentences.js';
import { MODEL_ERROR_MESSAGES } from '../i18n/llmErrorMessages.js';
import type { ModelErrorCode } from '../i18n/llmErrorMessages.js';

export { MODEL_ERROR_CODES } from '../i18n/llmErrorMessages.js';
export type { ModelErrorCode } from '../i18n/llmErrorMessages.js';

/**
 * A model call that failed for a reason other than cancellation. `message` is English and one line. `status` is the
 * HTTP status of an answer that was not a success (auth, not-found, rate-limited, server, http).
 */
export class ModelError extends WordedError<ModelErrorCode> {
  readonly status: number | undefined;

  constructor(code: ModelErrorCode, params: SentenceParams = {}) {
    super(MODEL_ERROR_MESSAGES, code, params);
    this.name = 'ModelError';
    const status = code === 'not-found' ? 404 : code === 'rate-limited' ? 429 : Number(params.status);
    this.status = Number.isInteger(status) && status > 0 ? status : undefined;
  }
}

export function isModelError(value: unknown): value is ModelError {
  return value instanceof ModelError;
}
