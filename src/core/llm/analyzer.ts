import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { CodeFacts } from '../analyze/facts/types.js';
import type { AnalysisCache, CacheKey } from '../cache/index.js';
import { describeError } from '../errors.js';
import type { Language } from '../domain/language.js';
import type { Analysis, AnalyzerId, ModelFallback } from '../domain/analysis.js';
import type { Commit } from '../domain/commit.js';
import { COMMIT_ANSWER, ask } from './ask.js';
import { isModelError } from './errors.js';
import type { AskOutcome } from './ask.js';
import { factNames } from './factsPrompt.js';
import { mergeAnalysis } from './merge.js';
import { note } from '../i18n/llmNotes.js';
import { isFatalFallback } from './outcomes.js';
import { rethrowIfCancelled, throwIfCancelled } from '../cancellation.js';
import type { CommitOutcome } from './outcomes.js';
import {
  DEFAULT_CHARS_PER_TOKEN, DEFAULT_DIFF_BUDGET_TOKENS, PROMPT_VERSION, buildPrompt, diffBytesForBudget, exclusionKind,
} from './prompt.js';
import type { DiffText } from './prompt.js';
import type { ChatOptions, ChatTransport } from './types.js';


export interface ModelAnalyzerOptions {
  transport: ChatTransport;
  /** Report language: the model answers in it, and notes are worded in it. */
  language: Language;
  /** Appended to the system prompt (a setting or `--instructions`). */
  customInstructions?: string;
  /** Tokens of diff per commit (estimated at charsPerToken characters a token). Default 6000. */
  diffBudgetTokens?: number;
  charsPerToken?: number;
  cache?: AnalysisCache;
  /** Caps model calls in flight through this analyzer, whoever calls it. Default: no cap of its own. */
  concurrency?: number;
  /**
   * Seconds one request may take, from sending it to the last byte of the answer (`--timeout`,
   * `dailyDigest.model.timeoutSeconds`). Default: the transport's (120 s for the OpenAI-compatible one).
   */
  timeoutSeconds?: number;
  /**
   * Cap on this analyzer's model time, in seconds from its first request: after it, no request or retry starts,
   * and the commits left keep their offline analysis with a note. Default: no cap.
   */
  maxModelSeconds?: number;
  /**
   * After a failure that every later request would meet too (connection refused, unknown host, HTTP 401, 403,
   * 404), the commits after it are not sent. Default true.
   */
  stopAfterFatal?: boolean;
}

export interface CommitInput {
  repoName: string;
  /**
   * Reads the commit's diff, at most maxBytes. `paths`, when given, lists the files worth reading (lockfiles,
   * generated, vendored and binary files left out); a reader may ignore it.
   */
  readDiff: (maxBytes: number, paths?: string[]) => Promise<DiffText>;
  /** What the offline analysis read from the code: shown to the model, and quotable by it. */
  facts?: CodeFacts;
}

export interface ModelAnalyzer {
  readonly id: AnalyzerId;
  readonly model: string;
  readonly language: Language;
  /**
   * The model's analysis of one commit, grounded. Never throws for model faults: it then returns `offline` with a
   * note saying why and `fallback` set. Throws DigestError('cancelled') when the signal aborts.
   */
  analyze(commit: Commit, offline: Analysis, input: CommitInput, signal: AbortSignal): Promise<Analysis>;
  /** As analyze, with whether the analysis came from the cache and how many requests were sent. */
  analyzeCommit(commit: Commit, offline: Analysis, input: CommitInput, signal: AbortSignal): Promise<CommitOutcome>;
}

interface Fatal {
  fallback: ModelFallback;
  detail: (language: Language) => string;
}

/** Above this many files, the reader is not given a path list (the command line would get too long). */
const MAX_PATHS_FOR_READER = 200;

export function createModelAnalyzer(options: ModelAnalyzerOptions): ModelAnalyzer {
  const { transport, language } = options;
  const budget = options.diffBudgetTokens ?? DEFAULT_DIFF_BUDGET_TOKENS;
  const charsPerToken = options.charsPerToken ?? DEFAULT_CHARS_PER_TOKEN;
  const limit = options.concurrency ? pLimit(options.concurrency) : undefined;
  const instructions = options.customInstructions?.trim() || undefined;
  const stopAfterFatal = options.stopAfterFatal ?? true;
  const variant = createHash('sha256')
    .update(JSON.stringify([instructions ?? '', budget, charsPerToken]))
    .digest('hex')
    .slice(0, 16);
  let deadline: number | undefined;
  /** The first fatal failure: later commits are not sent. */
  let fatal: Fatal | undefined;
  // A closure sets `fatal` while a commit waits for its turn: read it through this, not a narrowed local.
  const fatalNow = (): Fatal | undefined => fatal;

  const keyFor = (commit: Commit): CacheKey => ({
    sha: commit.sha, analyzer: transport.id, model: transport.model, promptVersion: PROMPT_VERSION, language, variant,
  });
  const offlineWith = (offline: Analysis, fallback: ModelFallback, notes: string[], requests: number, usage = offline.usage): CommitOutcome => {
    const analysis: Analysis = { ...offline, notes: [...offline.notes, ...notes], fallback };
    if (usage) analysis.usage = usage;
    return { analysis, cached: false, requests };
  };
  const timeLimitNote = (): string => note(language, 'timeLimit', { seconds: String(options.maxModelSeconds ?? 0) });

  async function analyzeCommit(commit: Commit, offline: Analysis, input: CommitInput, signal: AbortSignal): Promise<CommitOutcome> {
    throwIfCancelled(signal);
    const key = keyFor(commit);
    const cached = await options.cache?.get(key);
    if (cached) {
      // No tokens were spent on this run.
      const { usage: _usage, ...rest } = cached;
      return { analysis: rest, cached: true, requests: 0 };
    }
    if (fatal) return offlineWith(offline, fatal.fallback, [note(language, 'notAsked', { detail: fatal.detail(language) })], 0);
    if (deadline !== undefined && Date.now() >= deadline) return offlineWith(offline, { cause: 'time-limit' }, [timeLimitNote()], 0);

    const notes: string[] = [];
    let diff: DiffText | undefined;
    const wanted = commit.files.filter((file) => !exclusionKind(file)).map((file) => file.path);
    const excludedCount = commit.files.length - wanted.length;
    if (commit.files.length > 0 && wanted.length === 0) {
      diff = { text: '', truncated: false, omittedFiles: [] };
    } else {
      const paths = excludedCount > 0 && wanted.length <= MAX_PATHS_FOR_READER ? wanted : undefined;
      try {
        diff = await input.readDiff(diffBytesForBudget(budget, charsPerToken), paths);
      } catch (error) {
        rethrowIfCancelled(error, signal);
        notes.push(note(language, 'diffUnreadable', { detail: describeError(error, language).replace(/[.。]$/, '') }));
      }
    }
    throwIfCancelled(signal);

    const prompt = buildPrompt({
      commit, offline, repoName: input.repoName, diff, language, customInstructions: instructions, diffBudgetTokens: budget, charsPerToken,
      facts: input.facts,
    });
    if (diff && prompt.partial) {
      const excluded = new Set(commit.files.filter((file) => exclusionKind(file)).map((file) => file.path));
      const cut = prompt.omitted.filter((path) => !excluded.has(path));
      if (cut.length) notes.push(note(language, 'partial', { files: listPaths(cut, language) }));
      else notes.push(note(language, 'partialReader'));
    }

    const run = async (): Promise<AskOutcome | undefined> => {
      // Checked again here: a commit may wait for its turn past the fatal failure or the deadline.
      if (fatal || (deadline !== undefined && Date.now() >= deadline)) return undefined;
      if (options.maxModelSeconds !== undefined) deadline ??= Date.now() + options.maxModelSeconds * 1000;
      const chat: ChatOptions = { signal, jsonMode: true };
      if (options.timeoutSeconds !== undefined) chat.timeoutMs = Math.round(options.timeoutSeconds * 1000);
      if (deadline !== undefined) chat.deadline = deadline;
      return ask(transport, prompt.messages, chat, language, COMMIT_ANSWER);
    };
    const outcome = limit ? await limit(run) : await run();
    throwIfCancelled(signal);

    if (outcome === undefined) {
      const stoppedBy = fatalNow();
      if (stoppedBy) return offlineWith(offline, stoppedBy.fallback, [note(language, 'notAsked', { detail: stoppedBy.detail(language) })], 0);
      return offlineWith(offline, { cause: 'time-limit' }, [timeLimitNote()], 0);
    }
    if (!outcome.ok) {
      const { fallback, error } = outcome;
      if (stopAfterFatal && isFatalFallback(fallback) && !fatalNow()) {
        fatal = { fallback, detail: (lang) => (isModelError(error) ? error.format(lang) : describeError(error, lang)).replace(/[.。]$/, '') };
      }
      const fallbackNotes = fallback.cause === 'time-limit' ? [timeLimitNote()] : outcome.notes(language);
      return offlineWith(offline, fallback, fallbackNotes, outcome.requests, outcome.usage ?? offline.usage);
    }

    const analysis = mergeAnalysis(commit, offline, outcome.value, {
      id: transport.id, model: transport.model, language, notes: [...notes, ...outcome.notes(language)], usage: outcome.usage,
      inputTexts: [prompt.messages[1]?.content ?? ''], factNames: input.facts ? factNames(input.facts) : [],
    });
    await options.cache?.set(key, analysis);
    return { analysis, cached: false, requests: outcome.requests };
  }

  return {
    id: transport.id,
    model: transport.model,
    language,
    analyzeCommit,
    analyze: async (commit, offline, input, signal) => (await analyzeCommit(commit, offline, input, signal)).analysis,
  };
}

function listPaths(paths: string[], language: Language): string {
  const shown = paths.slice(0, 3).join(', ');
  if (paths.length <= 3) return shown;
  return language === 'zh-CN' ? `${shown} 等 ${paths.length} 个文件` : `${shown} and ${paths.length - 3} more files`;
}
