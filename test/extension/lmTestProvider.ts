// A chat model provider registered in VS Code's own model registry for the suites (vscode.lm.registerLanguageModelChatProvider,
// looked up at run time: the 1.90 typings the extension builds against don't have it). Its vendor is declared by the
// test-only extension test/extension/lmVendor, which the integration runner installs into code-server's extensions
// folder. It answers like test/llm/fakeOpenAiServer.ts: scripted answers in turn (a good one, a wrong-language one,
// a refusal, an error, a hang until cancelled), then a fallback; headline requests are answered and counted apart.
import * as vscode from 'vscode';

export const TEST_VENDOR = 'daily-digest-test';
export const TEST_FAMILY = 'stub';
export const TEST_MODEL_NAME = 'Stub Model';

/** What the model does with one request. */
export type LmAnswer =
  | { kind: 'text'; text: string }
  | { kind: 'error'; error: () => Error }
  /** Waits until the request is cancelled (a timeout, the run's Cancel). */
  | { kind: 'hang' };

export interface LmRequest {
  /** The messages' text, joined (the system prompt is at the top of the first user message). */
  text: string;
  headline: boolean;
  cancelled: boolean;
}

export interface TestProvider {
  /** Whether this VS Code has the API (1.104 and later). */
  readonly registered: boolean;
  /** Why registering failed, when it did. */
  readonly error?: string;
  readonly requests: LmRequest[];
  readonly headlineRequests: LmRequest[];
  /** Answers for the next commit requests, in order; then `fallback`. */
  script(...answers: LmAnswer[]): void;
  fallback: LmAnswer;
  /** Answers every headline request. */
  headline: LmAnswer;
  reset(): void;
  dispose(): void;
}

export const text = (value: string): LmAnswer => ({ kind: 'text', text: value });
export const hang = (): LmAnswer => ({ kind: 'hang' });
export const fail = (error: () => Error): LmAnswer => ({ kind: 'error', error });

interface ProgressLike { report(part: unknown): void }

function messageText(message: unknown): string {
  const content = (message as { content?: unknown }).content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: unknown) => (typeof part === 'object' && part !== null && 'value' in part ? String((part as { value: unknown }).value) : '')).join('');
}

export function registerTestProvider(goodAnswer: string, headlineAnswer: string): TestProvider {
  const queue: LmAnswer[] = [];
  const requests: LmRequest[] = [];
  const headlineRequests: LmRequest[] = [];
  const state: TestProvider = {
    registered: false,
    requests,
    headlineRequests,
    script: (...answers) => {
      queue.push(...answers);
    },
    fallback: text(goodAnswer),
    headline: text(headlineAnswer),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      headlineRequests.length = 0;
      state.fallback = text(goodAnswer);
      state.headline = text(headlineAnswer);
    },
    dispose: () => undefined,
  };
  const lm = vscode.lm as unknown as Record<string, unknown>;
  const register = lm['registerLanguageModelChatProvider'];
  const TextPart = (vscode as unknown as Record<string, unknown>)['LanguageModelTextPart'] as (new (value: string) => unknown) | undefined;
  if (typeof register !== 'function' || typeof TextPart !== 'function') return state;
  const info = {
    id: 'stub-model', name: TEST_MODEL_NAME, family: TEST_FAMILY, version: '1', maxInputTokens: 32_000, maxOutputTokens: 4_000, capabilities: {},
  };
  const provider = {
    provideLanguageModelChatInformation: () => [info],
    provideLanguageModelChatResponse: async (_model: unknown, messages: readonly unknown[], _options: unknown,
      progress: ProgressLike, token: vscode.CancellationToken) => {
      const joined = messages.map(messageText).join('\n\n');
      const headline = joined.startsWith('You write the headline of a daily digest');
      const request: LmRequest = { text: joined, headline, cancelled: false };
      (headline ? headlineRequests : requests).push(request);
      const answer = headline ? state.headline : queue.shift() ?? state.fallback;
      token.onCancellationRequested(() => {
        request.cancelled = true;
      });
      if (answer.kind === 'error') throw answer.error();
      if (answer.kind === 'hang') {
        await new Promise<void>((resolve) => {
          if (token.isCancellationRequested) resolve();
          token.onCancellationRequested(() => resolve());
        });
        throw new vscode.CancellationError();
      }
      progress.report(new TextPart(answer.text));
    },
    provideTokenCount: (_model: unknown, value: unknown) => Promise.resolve(typeof value === 'string' ? Math.ceil(value.length / 4) : 1),
  };
  try {
    const disposable = (register as (vendor: string, provider: unknown) => vscode.Disposable).call(vscode.lm, TEST_VENDOR, provider);
    return Object.assign(state, { registered: true, dispose: () => disposable.dispose() });
  } catch (error) {
    return Object.assign(state, { error: error instanceof Error ? error.message : String(error) });
  }
}
