// Pure pieces of the model analysis (no vscode): message merging for vscode.lm, model failures classified for the
// user, and the core's CLI-worded model errors reworded for the extension.
import { DigestError, describeError } from '../../core/errors.js';
import type { Language } from '../../core/domain/language.js';
import { ModelError } from '../../core/llm/errors.js';
import type { ChatMessage } from '../../core/llm/types.js';
import { joinLines } from '../../core/text.js';
import { CLI_WORDING } from '../i18n/llmErrorWording.js';

export interface LmMessage {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * vscode.lm has no system role: the system messages are put, in order, at the top of the first user message (or make
 * one when there is none). The other messages keep their order.
 */
export function mergeSystemMessages(messages: readonly ChatMessage[]): LmMessage[] {
  const system = messages.filter((message) => message.role === 'system').map((message) => message.content);
  const rest: LmMessage[] = messages
    .filter((message): message is ChatMessage & LmMessage => message.role !== 'system')
    .map((message) => ({ role: message.role, content: message.content }));
  if (system.length === 0) return rest;
  const preamble = system.join('\n\n');
  const first = rest.findIndex((message) => message.role === 'user');
  if (first < 0) return [{ role: 'user', content: preamble }, ...rest];
  return rest.map((message, index) =>
    index === first ? { role: 'user', content: `${preamble}\n\n${message.content}` } : message);
}

/**
 * A `vscode.LanguageModelError` (its code and message) as the error the core counts: NoPermissions and Blocked are
 * `no-access`, NotFound is `model-unavailable` (both stop the run: every commit would meet them), any other code is a
 * plain failure of one request.
 */
export function languageModelFailure(code: string, message: string, model: string): Error {
  const detail = joinLines(message) || code;
  if (code === 'NoPermissions' || code === 'Blocked') return new ModelError('no-access', { model, detail, reason: code });
  if (code === 'NotFound') return new ModelError('model-unavailable', { model, detail });
  return new Error(detail);
}

/**
 * A ModelError worded for the extension: its message and `format()` name the settings and commands, not the CLI's
 * flags. The code, params and status (what the tally counts) are the original's.
 */
export class ExtensionModelError extends ModelError {
  constructor(source: ModelError) {
    super(source.code, source.params);
    this.message = extensionModelErrorText(source, 'en');
  }

  override format(language: Language): string {
    return reword(super.format(language), language);
  }
}

export type FailureKind =
  | 'lm-no-permission' | 'lm-blocked' | 'lm-not-found' | 'auth' | 'unreachable' | 'endpoint-not-found' | 'other';

export interface ModelFailure {
  kind: FailureKind;
  /** Stops the whole run: every other commit would fail the same way (no access, bad key, server down). */
  fatal: boolean;
  /** One line, in the given language where the source has one. Never contains the API key (the core masks it). */
  detail: string;
}

/** What went wrong with a model call, for the message the user sees. Cancellation is not a failure: undefined. */
export function classifyFailure(error: unknown, language: Language = 'en'): ModelFailure | undefined {
  if (error instanceof DigestError && error.code === 'cancelled') return undefined;
  if (error instanceof ModelError) {
    const detail = extensionModelErrorText(error, language);
    switch (error.code) {
      // The messages of these quote VS Code's own words: the detail is the provider's message.
      case 'no-access': return { kind: error.params.reason === 'Blocked' ? 'lm-blocked' : 'lm-no-permission', fatal: true, detail: String(error.params.detail ?? '') };
      case 'model-unavailable': return { kind: 'lm-not-found', fatal: true, detail: String(error.params.detail ?? '') };
      case 'auth': return { kind: 'auth', fatal: true, detail };
      case 'refused':
      case 'unknown-host': return { kind: 'unreachable', fatal: true, detail };
      case 'not-found': return { kind: 'endpoint-not-found', fatal: true, detail };
      default: return { kind: 'other', fatal: false, detail };
    }
  }
  return { kind: 'other', fatal: false, detail: describeError(error, language) };
}

/** A ModelError in the given language, naming the extension's settings and commands instead of the CLI's flags. */
export function extensionModelErrorText(error: ModelError, language: Language): string {
  return reword(ModelError.prototype.format.call(error, language), language);
}

function reword(text: string, language: Language): string {
  let out = text;
  for (const [pattern, replacement] of CLI_WORDING[language]) out = out.replace(pattern, replacement);
  return out;
}
