// A ChatTransport over `vscode.lm` (id 'vscode-lm'): the chat models other extensions provide. Only ever used from a
// user action, so VS Code can ask for consent on the first request.
import * as vscode from 'vscode';
import { DigestError } from '../../core/errors.js';
import type { ChatTransport } from '../../core/llm/types.js';
import { joinLines } from '../../core/text.js';
import { LmAccessError, mergeSystemMessages } from './failures.js';

/** `vscode.lm`, or undefined on a VS Code without the language model API. */
export function languageModelApi(): typeof vscode.lm | undefined {
  const api: Partial<typeof vscode> = vscode;
  return api.lm;
}

export function createVscodeLmTransport(chat: vscode.LanguageModelChat, justification: string): ChatTransport {
  return {
    id: 'vscode-lm',
    model: chat.id,
    async complete(messages, { signal }) {
      if (signal.aborted) throw new DigestError('cancelled');
      const source = new vscode.CancellationTokenSource();
      const onAbort = (): void => source.cancel();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const request = mergeSystemMessages(messages).map((message) => message.role === 'assistant'
          ? vscode.LanguageModelChatMessage.Assistant(message.content)
          : vscode.LanguageModelChatMessage.User(message.content));
        const response = await chat.sendRequest(request, { justification }, source.token);
        let text = '';
        for await (const part of response.text) {
          if (signal.aborted) break;
          text += part;
        }
        if (signal.aborted) throw new DigestError('cancelled');
        return { text, finishReason: 'stop' };
      } catch (error) {
        if (signal.aborted || error instanceof vscode.CancellationError) throw new DigestError('cancelled');
        if (error instanceof DigestError) throw error;
        const code = languageModelErrorCode(error);
        if (code !== undefined) throw new LmAccessError(code, error instanceof Error ? error.message : code);
        throw new Error(joinLines(error instanceof Error ? error.message : String(error)) || 'the language model failed');
      } finally {
        signal.removeEventListener('abort', onAbort);
        source.dispose();
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
