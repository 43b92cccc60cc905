import type { TokenUsage } from '../domain/analysis.js';
import { joinLines as oneLine } from '../text.js';
import { ModelError } from './errors.js';
import type { ChatResult } from './types.js';

/** The OpenAI chat-completions wire format: a completion, a stream of server-sent events, an error body. */

interface CompletionChoice {
  message?: { content?: unknown; refusal?: unknown };
  delta?: { content?: unknown };
  finish_reason?: unknown;
}

interface CompletionBody {
  choices?: CompletionChoice[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
  error?: unknown;
}

export function parseCompletion(text: string, endpoint: string): ChatResult {
  let body: CompletionBody;
  try {
    body = JSON.parse(text) as CompletionBody;
  } catch {
    throw new ModelError('bad-response', { endpoint, detail: 'the body is not JSON' });
  }
  if (body === null || typeof body !== 'object') throw new ModelError('bad-response', { endpoint, detail: 'the body is not an object' });
  if (body.error) throw new ModelError('http', { endpoint, status: '200', detail: shorten(oneLine(errorText(body.error)), 160) });
  const choice = Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!choice || typeof choice !== 'object') throw new ModelError('bad-response', { endpoint, detail: 'no choices' });
  const content = choice.message?.content;
  const refusal = choice.message?.refusal;
  const result: ChatResult = {
    text: typeof content === 'string' ? content : '',
    finishReason: typeof choice.finish_reason === 'string' ? choice.finish_reason : undefined,
    usage: parseUsage(body.usage),
  };
  if (typeof refusal === 'string' && refusal.trim()) result.refusal = shorten(oneLine(refusal), 200);
  return result;
}

export async function readStream(response: Response, endpoint: string): Promise<ChatResult> {
  if (!response.body) throw new ModelError('bad-response', { endpoint, detail: 'an empty stream' });
  const decoder = new TextDecoder();
  let buffer = '';
  let text = '';
  let finishReason: string | undefined;
  let usage: TokenUsage | undefined;
  let done = false;

  const handleLine = (rawLine: string): void => {
    const line = rawLine.replace(/\r$/, '');
    if (!line.startsWith('data:')) return; // comments (": keep-alive"), event names, blank separators
    const data = line.slice(5).trim();
    if (data === '[DONE]') {
      done = true;
      return;
    }
    if (!data) return;
    let chunk: CompletionBody;
    try {
      chunk = JSON.parse(data) as CompletionBody;
    } catch {
      throw new ModelError('bad-response', { endpoint, detail: 'a stream chunk is not JSON' });
    }
    if (chunk.error) throw new ModelError('http', { endpoint, status: '200', detail: shorten(oneLine(errorText(chunk.error)), 160) });
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    const piece = choice?.delta?.content ?? choice?.message?.content;
    if (typeof piece === 'string') text += piece;
    if (typeof choice?.finish_reason === 'string') finishReason = choice.finish_reason;
    usage = parseUsage(chunk.usage) ?? usage;
  };

  const reader = response.body.getReader();
  try {
    while (!done) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0 && !done) {
        handleLine(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
    }
    if (!done) {
      buffer += decoder.decode();
      if (buffer) handleLine(buffer);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return { text, finishReason, usage };
}

function parseUsage(usage: CompletionBody['usage']): TokenUsage | undefined {
  if (!usage || typeof usage !== 'object') return undefined;
  const prompt = Number(usage.prompt_tokens);
  const completion = Number(usage.completion_tokens);
  if (!Number.isFinite(prompt) && !Number.isFinite(completion)) return undefined;
  return { promptTokens: Number.isFinite(prompt) ? prompt : 0, completionTokens: Number.isFinite(completion) ? completion : 0 };
}

export function extractErrorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown; detail?: unknown };
    if (body && typeof body === 'object') {
      if (body.error !== undefined) return errorText(body.error);
      if (typeof body.message === 'string') return body.message;
      if (typeof body.detail === 'string') return body.detail;
    }
  } catch {
    // not JSON: use the text itself
  }
  return withoutTags(text);
}

/**
 * `text.replace(/<[^>]*>/g, ' ')` in one pass: that expression is quadratic in a reply of many `<` without `>`
 * (every `<` scans to the end), and a server's error page is hostile input.
 */
export function withoutTags(text: string): string {
  let result = '';
  let from = 0;
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', from)) {
    const close = text.indexOf('>', open);
    if (close < 0) break;
    result += `${text.slice(from, open)} `;
    from = close + 1;
  }
  return result + text.slice(from);
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  return JSON.stringify(error);
}

export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

