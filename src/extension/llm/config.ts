// The language-model settings (`dailyDigest.analyzer`, `dailyDigest.lm.*`, `dailyDigest.openai.*`) mapped to what the
// analysis needs. Pure (no vscode): the extension reads the raw values, unit tests check the mapping directly.
import { MODEL_TIMEOUT_SECONDS } from '../../core/domain/defaults.js';
import { DEFAULT_DIFF_BUDGET_TOKENS } from '../../core/llm/prompt.js';
import { PROVIDER_PRESETS } from '../../core/llm/openai.js';

export const ANALYZER_SETTINGS = ['heuristic', 'vscode-lm', 'openai-compatible'] as const;
export type AnalyzerSetting = (typeof ANALYZER_SETTINGS)[number];

export const DEFAULT_BASE_URL: string = PROVIDER_PRESETS.ollama.baseUrl;
export const DEFAULT_CONCURRENCY = 4;
export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 16;
export const MIN_DIFF_BUDGET_TOKENS = 500;
export const MAX_DIFF_BUDGET_TOKENS = 100_000;
/** Prefix of the SecretStorage entry holding the API key of one origin (`dailyDigest.openai.apiKey/https://host`). */
export const API_KEY_SECRET_PREFIX = 'dailyDigest.openai.apiKey/';

/** The values as `WorkspaceConfiguration.get` returns them: anything a settings.json may hold. */
export interface RawModelSettings {
  analyzer?: unknown;
  vendor?: unknown;
  family?: unknown;
  baseUrl?: unknown;
  model?: unknown;
  concurrency?: unknown;
  customInstructions?: unknown;
  diffBudgetTokens?: unknown;
  timeoutSeconds?: unknown;
}

export interface CommonModelConfig {
  concurrency: number;
  customInstructions?: string;
  diffBudgetTokens: number;
  /** Seconds one request may take (`dailyDigest.model.timeoutSeconds`). */
  timeoutSeconds: number;
}

export interface VscodeLmConfig extends CommonModelConfig {
  kind: 'vscode-lm';
  /** For `vscode.lm.selectChatModels`; empty values are left out (any vendor / family). */
  selector: { vendor?: string; family?: string };
}

export interface OpenAiConfig extends CommonModelConfig {
  kind: 'openai-compatible';
  /** Trimmed, without trailing slashes. */
  baseUrl: string;
  model: string;
  /** `https://api.example.com`: the API key is stored per origin, so a key is only ever sent where it was set. */
  origin: string;
  /** The server is this machine (127.0.0.1, ::1, localhost): nothing leaves the machine. */
  loopback: boolean;
}

export type ConfigProblem = 'no-model' | 'bad-url' | 'url-protocol' | 'url-credentials';

export type ModelConfig =
  | { kind: 'heuristic' }
  | VscodeLmConfig
  | OpenAiConfig
  | { kind: 'invalid'; problem: ConfigProblem; value: string };

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** An integer in [min, max]; `fallback` when the value is not a finite number. */
export function clampInteger(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** A number in [min, max]; `fallback` when the value is not a finite number. */
export function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

export function analyzerSetting(value: unknown): AnalyzerSetting {
  return ANALYZER_SETTINGS.find((id) => id === value) ?? 'heuristic';
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Maps raw settings to the analyzer to use. Anything unknown falls back to the offline analyzer. */
export function modelConfigFrom(raw: RawModelSettings): ModelConfig {
  const kind = analyzerSetting(raw.analyzer);
  if (kind === 'heuristic') return { kind };
  const instructions = text(raw.customInstructions);
  const common: CommonModelConfig = {
    concurrency: clampInteger(raw.concurrency, MIN_CONCURRENCY, MAX_CONCURRENCY, DEFAULT_CONCURRENCY),
    diffBudgetTokens: clampInteger(raw.diffBudgetTokens, MIN_DIFF_BUDGET_TOKENS, MAX_DIFF_BUDGET_TOKENS, DEFAULT_DIFF_BUDGET_TOKENS),
    timeoutSeconds: clampNumber(raw.timeoutSeconds, MODEL_TIMEOUT_SECONDS.min, MODEL_TIMEOUT_SECONDS.max, MODEL_TIMEOUT_SECONDS.default),
    ...(instructions === '' ? {} : { customInstructions: instructions }),
  };
  if (kind === 'vscode-lm') {
    const vendor = text(raw.vendor);
    const family = text(raw.family);
    return {
      kind, ...common,
      selector: { ...(vendor === '' ? {} : { vendor }), ...(family === '' ? {} : { family }) },
    };
  }
  const baseUrl = (text(raw.baseUrl) || DEFAULT_BASE_URL).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { kind: 'invalid', problem: 'bad-url', value: baseUrl };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'invalid', problem: 'url-protocol', value: baseUrl };
  // Never echo credentials back into a message.
  if (url.username !== '' || url.password !== '') return { kind: 'invalid', problem: 'url-credentials', value: `${url.protocol}//${url.host}` };
  const model = text(raw.model);
  if (model === '') return { kind: 'invalid', problem: 'no-model', value: '' };
  return { kind, ...common, baseUrl, model, origin: url.origin, loopback: isLoopbackHost(url.hostname) };
}

/** The origin (`https://host:port`) of a base URL setting, or undefined when it is not a usable http(s) URL. */
export function openAiOrigin(baseUrl: unknown): string | undefined {
  const config = modelConfigFrom({ analyzer: 'openai-compatible', baseUrl, model: 'any' });
  return config.kind === 'openai-compatible' ? config.origin : undefined;
}

/** The SecretStorage key of an origin's API key. */
export function apiKeySecretName(origin: string): string {
  return `${API_KEY_SECRET_PREFIX}${origin}`;
}

/**
 * The diff budget for a model with a known input window: at most about half of the window, so the prompt's fixed
 * part and the answer still fit. Undefined or tiny windows leave the setting as is.
 */
export function effectiveDiffBudget(setting: number, maxInputTokens: number | undefined): number {
  if (maxInputTokens === undefined || !Number.isFinite(maxInputTokens) || maxInputTokens <= 0) return setting;
  const cap = Math.floor(maxInputTokens / 2);
  return cap < MIN_DIFF_BUDGET_TOKENS ? Math.min(setting, MIN_DIFF_BUDGET_TOKENS) : Math.min(setting, cap);
}
