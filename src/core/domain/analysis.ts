import type { StoredFact } from './facts.js';

export const CHANGE_TYPES = [
  'feature', 'fix', 'perf', 'refactor', 'docs', 'test', 'ci', 'build', 'deps', 'chore', 'style', 'revert',
  'security', 'other',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const IMPORTANCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Importance = (typeof IMPORTANCE_LEVELS)[number];

export type AnalyzerId = 'heuristic' | 'openai-compatible' | 'vscode-lm';

/** One module (top folder or package) touched by a commit. */
export interface ModuleImpact {
  module: string;
  files: number;
  additions: number;
  deletions: number;
}

export interface Insights {
  architecture: string[];
  performance: string[];
  security: string[];
}

export interface Grounding {
  /** Sentences removed because they named a path outside the commit or quoted an unsupported number. */
  dropped: number;
  reasons: string[];
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/**
 * Why a commit asked of a language model kept its offline analysis. `http` carries the status; the others are
 * the cause itself (`connection-refused`: nothing listened; `model-refused`: the model declined to answer;
 * `time-limit`: the run's cap on model time was reached; `stopped`: the run was cancelled before this commit;
 * `no-access`, `model-unavailable`: VS Code's language model API refused the model, or has it no more).
 */
export const FALLBACK_CAUSES = [
  'http', 'timeout', 'connection-refused', 'unknown-host', 'network', 'bad-response', 'not-json', 'wrong-shape',
  'token-limit', 'model-refused', 'time-limit', 'stopped', 'no-access', 'model-unavailable', 'other',
] as const;
export type FallbackCause = (typeof FALLBACK_CAUSES)[number];

/** A model was asked about this commit and the offline analysis was kept; the note in `notes` says more. */
export interface ModelFallback {
  cause: FallbackCause;
  /** The HTTP status, for `http`. */
  status?: number;
}

export interface Analysis {
  analyzer: AnalyzerId;
  /** Model id, for model-backed analyzers. */
  model?: string;
  changeType: ChangeType;
  /** Conventional Commits scope, when the header had one. */
  conventionalScope?: string;
  importance: Importance;
  score: number;
  /** Why the importance was chosen, in the report language. */
  reasons: string[];
  breaking: boolean;
  summary: string;
  scope: ModuleImpact[];
  insights: Insights;
  /** The change touches security: security facts in the code (TLS, auth, crypto, CI permissions, …) or words in the message. */
  security: boolean;
  risks: string[];
  recommendations: string[];
  /** Caveats shown with the analysis: "based on a partial diff", "model failed, offline analysis kept", … */
  notes: string[];
  grounding?: Grounding;
  usage?: TokenUsage;
  /** Set when a language model was asked and this offline analysis was kept instead. */
  fallback?: ModelFallback;
  /**
   * What the commit's code changed, as the facts stage read it (definitions, flags, settings, defaults,
   * dependencies, …), each with its file and line; the most telling first, at most MAX_STORED_FACTS. Absent when
   * the code was not read (no facts, past the run's budget, or an analysis made without them).
   */
  facts?: StoredFact[];
}
