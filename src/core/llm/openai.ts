import { DigestError } from '../errors.js';
import { MODEL_TIMEOUT_SECONDS } from '../domain/defaults.js';
import { joinLines as oneLine } from '../text.js';
import { ModelError } from './errors.js';
import { extractErrorMessage, parseCompletion, readStream, shorten } from './openaiWire.js';

export { withoutTags } from './openaiWire.js';
import type { ChatMessage, ChatOptions, ChatResult, ChatTransport } from './types.js';

/** Known OpenAI-compatible providers. `apiKeyEnv` is only a suggestion for `--api-key-env`. */
export interface ProviderPreset {
  label: string;
  baseUrl: string;
  /** Whether the provider needs an API key. */
  needsKey: boolean;
  apiKeyEnv?: string;
  /** Shown in "is … running?" when the connection is refused. */
  server: string;
}

export const PROVIDER_PRESETS = {
  ollama: { label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', needsKey: false, server: 'Ollama' },
  lmstudio: { label: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1', needsKey: false, server: 'the LM Studio server' },
  vllm: { label: 'vLLM', baseUrl: 'http://127.0.0.1:8000/v1', needsKey: false, server: 'vLLM' },
  openai: { label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', needsKey: true, apiKeyEnv: 'OPENAI_API_KEY', server: 'the OpenAI API' },
  openrouter: { label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', needsKey: true, apiKeyEnv: 'OPENROUTER_API_KEY', server: 'the OpenRouter API' },
} as const satisfies Record<string, ProviderPreset>;

export type ProviderPresetName = keyof typeof PROVIDER_PRESETS;

export interface OpenAiCompatibleOptions {
  /** E.g. `http://127.0.0.1:11434/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  /** Sent only as `Authorization: Bearer …`; never put in a URL or a message. */
  apiKey?: string;
  /** Per attempt, from sending the request to the last byte of the answer. Default 120 000 ms. */
  timeoutMs?: number;
  /** Ask for server-sent events. Default false. */
  stream?: boolean;
  /** Retries of HTTP 429 and 5xx answers. Default 3. */
  maxRetries?: number;
  /**
   * Retries of an attempt that timed out, made at once (the timeout was the wait). Default 1. Once a retry has timed
   * out too, later timeouts of this transport are not retried.
   */
  maxTimeoutRetries?: number;
  /** First backoff delay when the server sends no Retry-After; doubled each retry. Default 1000 ms. */
  retryBaseMs?: number;
  /** Upper bound of one wait, Retry-After included. Default 30 000 ms. */
  maxRetryDelayMs?: number;
  /** Extra request headers (e.g. OpenRouter's HTTP-Referer). The Authorization header can't be set here. */
  headers?: Record<string, string>;
  fetchImpl?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = MODEL_TIMEOUT_SECONDS.default * 1000;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_MAX_TIMEOUT_RETRIES = 1;
const DEFAULT_RETRY_BASE_MS = 1_000;
const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;

export function createOpenAiCompatibleTransport(options: OpenAiCompatibleOptions): ChatTransport {
  const baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(`${baseUrl}/chat/completions`);
  } catch {
    throw new DigestError('usage', { detail: `Invalid --base-url "${displayUrl(baseUrl)}": use a URL such as http://127.0.0.1:11434/v1.` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DigestError('usage', { detail: `Invalid --base-url "${displayUrl(baseUrl)}": use an http:// or https:// URL.` });
  }
  if (url.username || url.password) {
    throw new DigestError('usage', { detail: `Invalid --base-url "${displayUrl(baseUrl)}": remove the user name and password from it, and pass the key with --api-key-env.` });
  }
  const endpoint = displayUrl(baseUrl);
  const server = serverName(url);
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
  const maxTimeoutRetries = Math.max(0, options.maxTimeoutRetries ?? DEFAULT_MAX_TIMEOUT_RETRIES);
  const retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
  const stream = options.stream ?? false;
  const apiKey = options.apiKey?.trim() || undefined;
  /** Turned off for this transport when the server rejects `response_format` (older LM Studio builds do). */
  let jsonModeSupported = true;
  /**
   * Set when a retried timeout timed out again: the server is too slow for the timeout, so later timeouts of this
   * transport are not retried (each would cost another full timeout).
   */
  let tooSlow = false;

  const headers: Record<string, string> = {
    ...(options.headers ?? {}),
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream, application/json' : 'application/json',
  };
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;

  const redact = (text: string): string => (apiKey ? text.split(apiKey).join('***') : text);
  const detailOf = (text: string): string => redact(shorten(oneLine(extractErrorMessage(text)), 160));

  async function attempt(messages: ChatMessage[], jsonMode: boolean, chat: ChatOptions, tries: number): Promise<AttemptResult> {
    const { signal } = chat;
    const body: Record<string, unknown> = { model: options.model, messages, temperature: 0, stream };
    if (jsonMode) body.response_format = { type: 'json_object' };
    if (stream) body.stream_options = { include_usage: true };

    const perAttempt = chat.timeoutMs ?? timeoutMs;
    const left = chat.deadline === undefined ? Number.POSITIVE_INFINITY : chat.deadline - Date.now();
    if (left <= 0) throw new ModelError('time-limit', { endpoint });
    // The run's deadline, not the request's timeout, ends this attempt when it comes first.
    const cutByDeadline = left < perAttempt;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), Math.min(perAttempt, left));
    const onAbort = (): void => timeout.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await fetchImpl(url, { method: 'POST', headers, body: JSON.stringify(body), signal: timeout.signal });
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        return { status: response.status, text, retryAfter: response.headers.get('retry-after') };
      }
      const type = response.headers.get('content-type') ?? '';
      if (stream && type.includes('text/event-stream')) return { result: await readStream(response, endpoint) };
      const text = await response.text();
      return { result: parseCompletion(text, endpoint) };
    } catch (error) {
      if (signal.aborted) throw new DigestError('cancelled');
      if (timeout.signal.aborted) {
        if (cutByDeadline) throw new ModelError('time-limit', { endpoint });
        throw new ModelError('timeout', { endpoint, seconds: String(Math.round(perAttempt / 100) / 10), tries: String(tries) });
      }
      if (error instanceof ModelError) throw error;
      throw networkError(error, endpoint, server, redact);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  return {
    id: 'openai-compatible',
    model: options.model,
    async complete(messages: ChatMessage[], chat: ChatOptions): Promise<ChatResult> {
      const { signal } = chat;
      if (signal.aborted) throw new DigestError('cancelled');
      let retries = 0;
      let timeoutRetries = 0;
      let jsonFallbackTried = false;
      for (;;) {
        const jsonMode = chat.jsonMode && jsonModeSupported;
        let outcome: AttemptResult;
        try {
          outcome = await attempt(messages, jsonMode, chat, timeoutRetries + 1);
        } catch (error) {
          const timedOut = error instanceof ModelError && error.code === 'timeout';
          if (timedOut && timeoutRetries > 0) tooSlow = true;
          if (timedOut && !tooSlow && timeoutRetries < maxTimeoutRetries) {
            timeoutRetries += 1;
            continue;
          }
          throw error;
        }
        if ('result' in outcome) return outcome.result;

        const { status, text, retryAfter } = outcome;
        if (status === 400 && jsonMode && !jsonFallbackTried && /response_format|json_object|json_schema/i.test(text)) {
          jsonFallbackTried = true;
          jsonModeSupported = false;
          continue;
        }
        const retryable = status === 429 || status >= 500;
        if (retryable && retries < maxRetries) {
          const delay = Math.min(maxRetryDelayMs, parseRetryAfter(retryAfter) ?? retryBaseMs * 2 ** retries);
          if (chat.deadline !== undefined && Date.now() + delay >= chat.deadline) throw new ModelError('time-limit', { endpoint });
          retries += 1;
          await sleep(delay, signal);
          continue;
        }
        const detail = detailOf(text);
        if (status === 401 || status === 403) throw new ModelError('auth', { endpoint, status: String(status), detail });
        if (status === 404) throw new ModelError('not-found', { endpoint, model: options.model, detail });
        if (status === 429) throw new ModelError('rate-limited', { endpoint, retries: String(retries) });
        if (status >= 500) throw new ModelError('server', { endpoint, status: String(status), retries: String(retries), detail });
        throw new ModelError('http', { endpoint, status: String(status), detail });
      }
    },
  };
}

type AttemptResult = { result: ChatResult } | { status: number; text: string; retryAfter: string | null };

/** Parses `Retry-After` (delay seconds or an HTTP date) into milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DigestError('cancelled'));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new DigestError('cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function networkError(error: unknown, endpoint: string, server: string, redact: (text: string) => string): ModelError {
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return new ModelError('refused', { endpoint, server });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ModelError('unknown-host', { endpoint });
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const detail = code ?? (cause instanceof Error ? cause.message : String(cause));
  return new ModelError('network', { endpoint, detail: redact(shorten(oneLine(detail), 120)) });
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current === 'object' && 'code' in current && typeof current.code === 'string') return current.code;
    if (current instanceof AggregateError && current.errors.length) current = current.errors[0];
    else current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

/** The base URL without credentials, query or fragment, for messages. */
export function displayUrl(baseUrl: string): string {
  try {
    const parsed = new URL(baseUrl);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString().replace(/\/+$/, '');
  } catch {
    return baseUrl.replace(/[?#].*$/, '').replace(/\/\/[^/@]*@/, '//');
  }
}

function serverName(url: URL): string {
  const local = ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0'].includes(url.hostname);
  if (local) {
    for (const preset of Object.values(PROVIDER_PRESETS)) {
      if (new URL(preset.baseUrl).port === url.port) return preset.server;
    }
    return 'the model server';
  }
  for (const preset of Object.values(PROVIDER_PRESETS)) {
    if (new URL(preset.baseUrl).hostname === url.hostname) return preset.server;
  }
  return 'the model server';
}
