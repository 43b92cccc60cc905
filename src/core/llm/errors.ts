import { WordedError } from '../errors.js';
import type { SentenceParams } from '../i18n/sentences.js';
import { MODEL_ERROR_MESSAGES } from '../i18n/llmErrorMessages.js';
import type { ModelErrorCode } from '../i18n/llmErrorMessages.js';

export { MODEL_ERROR_CODES } from '../i18n/llmErrorMessages.js';
export type { ModelErrorCode } from '../i18n/llmErrorMessages.js';

/** A model call that failed for a reason other than cancellation. `message` is English and one line. */
export class ModelError extends WordedError<ModelErrorCode> {
  constructor(code: ModelErrorCode, params: SentenceParams = {}) {
    super(MODEL_ERROR_MESSAGES, code, params);
    this.name = 'ModelError';
  }
}

export function isModelError(value: unknown): value is ModelError {
  return value instanceof ModelError;
}
