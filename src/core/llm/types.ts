import type { AnalyzerId, TokenUsage } from '../domain/analysis.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatResult {
  text: string;
  /** `length` means the answer was cut at the model's token limit. */
  finishReason?: 'stop' | 'length' | string;
  usage?: TokenUsage;
}

export interface ChatOptions {
  /** Aborting it cancels the request in flight; the transport then throws DigestError('cancelled'). */
  signal: AbortSignal;
  /** Ask the provider for a JSON object answer when it supports that. */
  jsonMode: boolean;
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
