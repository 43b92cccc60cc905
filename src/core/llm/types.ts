import type { AnalyzerId, TokenUsage } from '../domain/analysis.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatResult {
  text: string;
  /** `length` means the answer was cut at the model's token limit. */
  finishReason?: 'stop' | 'length' | 'content_filter' | string;
  /** The provider's refusal text, when the model declined to answer (OpenAI's `message.refusal`). */
  refusal?: string;
  usage?: TokenUsage;
}

export interface ChatOptions {
  /** Aborting it cancels the request in flight; the transport then throws DigestError('cancelled'). */
  signal: AbortSignal;
  /** Ask the provider for a JSON object answer when it supports that. */
  jsonMode: boolean;
  /** Per attempt, from sending the request to the last byte of the answer; overrides the transport's default. */
  timeoutMs?: number;
  /**
   * `Date.now()` after which no attempt or retry wait may run: an attempt is cut there and the transport throws
   * ModelError('time-limit'). The run's cap on model time.
   */
  deadline?: number;
}

/**
 * One way to reach a chat model. The CLI uses the OpenAI-compatible HTTP transport; the VS Code extension can wrap
 * `vscode.lm` in the same interface (id 'vscode-lm'). A transport throws ModelError for model faults and
 * DigestError('cancelled') when the signal aborts.
 */
export interface ChatTransport {
  readonly id: AnalyzerId;
  readonly model: string;
  complete(messages: ChatMessage[], options: ChatOptions): Promise<ChatResult>;
}
