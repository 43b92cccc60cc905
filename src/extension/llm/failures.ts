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
 * A `vscode.LanguageModelError` carried without vscode: `code` is `NoPermissions`, `Blocked`, `NotFound` or another
 * code of the provider (`Unknown`, …).
 */
export class LmAccessError extends Error {
  constructor(readonly code: string, message: string) {
    super(joinLines(message) || code);
    this.name = 'LmAccessError';
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
  if (error instanceof LmAccessError) {
    const kind: FailureKind | undefined = error.code === 'NoPermissions' ? 'lm-no-permission'
      : error.code === 'Blocked' ? 'lm-blocked'
        : error.code === 'NotFound' ? 'lm-not-found' : undefined;
    return kind === undefined
      ? { kind: 'other', fatal: false, detail: error.message }
      : { kind, fatal: true, detail: error.message };
  }
  if (error instanceof ModelError) {
    const detail = extensionModelErrorText(error, language);
    switch (error.code) {
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
  let text = error.format(language);
  for (const [pattern, replacement] of CLI_WORDING[language]) text = text.replace(pattern, replacement);
  return text;
}
