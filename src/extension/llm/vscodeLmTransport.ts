// A ChatTransport over `vscode.lm` (id 'vscode-lm'): the chat models other extensions provide. Only ever used from a
// user action, so VS Code can ask for consent on the first request. It keeps the core's contract: a request is bound
// by the timeout (tried once more when it runs out, as the HTTP transport does) and the run's deadline, aborting the
// signal cancels it, and failures are ModelErrors the run's tally counts by cause.
import * as vscode from 'vscode';
import { MODEL_TIMEOUT_SECONDS } from '../../core/domain/defaults.js';
import { DigestError } from '../../core/errors.js';
import { ModelError } from '../../core/llm/errors.js';
import type { ChatMessage, ChatOptions, ChatResult, ChatTransport } from '../../core/llm/types.js';
import { joinLines } from '../../core/text.js';
import { languageModelFailure, mergeSystemMessages } from './failures.js';

/** `vscode.lm`, or undefined on a VS Code without the language model API. */
export function languageModelApi(): typeof vscode.lm | undefined {
  const api: Partial<typeof vscode> = vscode;
  return api.lm;
}

/** Why one attempt ended early: the request's timeout, or the run's deadline. */
type Cut = 'timeout' | 'deadline';

export function createVscodeLmTransport(chat: vscode.LanguageModelChat, justification: string): ChatTransport {
  const label = chat.name || chat.id;
  /** A retried timeout timed out again: the model is too slow for the timeout, later timeouts are not retried. */
  let tooSlow = false;

  async function attempt(messages: ChatMessage[], options: ChatOptions, tries: number): Promise<ChatResult> {
    const { signal } = options;
    const perAttempt = options.timeoutMs ?? MODEL_TIMEOUT_SECONDS.default * 1000;
    const left = options.deadline === undefined ? Number.POSITIVE_INFINITY : options.deadline - Date.now();
    if (left <= 0) throw new ModelError('time-limit', { endpoint: label });
    const source = new vscode.CancellationTokenSource();
    let cut: Cut | undefined;
    const timer = setTimeout(() => {
      cut = left < perAttempt ? 'deadline' : 'timeout';
      source.cancel();
    }, Math.min(perAttempt, left));
    const onAbort = (): void => source.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    const ended = (): Error => {
      if (signal.aborted) return new DigestError('cancelled');
      if (cut === 'deadline') return new ModelError('time-limit', { endpoint: label });
      return new ModelError('timeout', { endpoint: label, seconds: String(Math.round(perAttempt / 100) / 10), tries: String(tries) });
    };
    try {
      const request = mergeSystemMessages(messages).map((message) => message.role === 'assistant'
        ? vscode.LanguageModelChatMessage.Assistant(message.content)
        : vscode.LanguageModelChatMessage.User(message.content));
      const response = await chat.sendRequest(request, { justification }, source.token);
      let text = '';
      for await (const part of response.text) {
        if (source.token.isCancellationRequested) break;
        text += part;
      }
      if (source.token.isCancellationRequested) throw ended();
      // The API says nothing of why an answer ended: no finish reason, so a cut answer reads as "not JSON".
      return { text };
    } catch (error) {
      if (signal.aborted || cut !== undefined || error instanceof vscode.CancellationError) throw ended();
      if (error instanceof DigestError || error instanceof ModelError) throw error;
      const code = languageModelErrorCode(error);
      const message = error instanceof Error ? error.message : String(error);
      if (code !== undefined) throw languageModelFailure(code, message, label);
      throw new Error(joinLines(message) || 'the language model failed');
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      source.dispose();
    }
  }

  return {
    id: 'vscode-lm',
    model: chat.id,
    async complete(messages, options) {
      if (options.signal.aborted) throw new DigestError('cancelled');
      for (let tries = 1; ; tries += 1) {
        try {
          return await attempt(messages, options, tries);
        } catch (error) {
          const timedOut = error instanceof ModelError && error.code === 'timeout';
          if (timedOut && tries > 1) tooSlow = true;
          if (timedOut && !tooSlow && tries === 1) continue;
          throw error;
        }
      }
    },
  };
}

/** The `code` of a `vscode.LanguageModelError` (NoPermissions, Blocked, NotFound, …), else undefined. */
export function languageModelErrorCode(error: unknown): string | undefined {
  const LanguageModelError: Partial<typeof vscode>['LanguageModelError'] = (vscode as Partial<typeof vscode>).LanguageModelError;
  const isLmError = (typeof LanguageModelError === 'function' && error instanceof LanguageModelError) ||
    (error instanceof Error && error.name === 'LanguageModelError');
  if (!isLmError) return undefined;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : 'Unknown';
}
