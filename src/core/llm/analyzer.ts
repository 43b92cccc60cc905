import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { AnalysisCache, CacheKey } from '../cache/index.js';
import { describeError } from '../errors.js';
import type { Language } from '../domain/language.js';
import type { Analysis, AnalyzerId, Grounding, ModuleImpact, TokenUsage } from '../domain/analysis.js';
import type { Commit } from '../domain/commit.js';
import { addUsage } from '../domain/stats.js';
import { rethrowIfCancelled, throwIfCancelled } from '../cancellation.js';
import { isModelError } from './errors.js';
import { buildGroundingContext, groundList, groundText } from './grounding.js';
import { note, retryInstruction } from '../i18n/llmNotes.js';
import {
  DEFAULT_CHARS_PER_TOKEN, DEFAULT_DIFF_BUDGET_TOKENS, PROMPT_VERSION, buildPrompt, diffBytesForBudget, exclusionKind,
} from './prompt.js';
import type { DiffText } from './prompt.js';
import { parseModelOutput } from './schema.js';
import type { ModelOutput } from './schema.js';
import type { ChatMessage, ChatTransport } from './types.js';

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
}

export interface CommitInput {
  repoName: string;
  /**
   * Reads the commit's diff, at most maxBytes. `paths`, when given, lists the files worth reading (lockfiles,
   * generated, vendored and binary files left out); a reader may ignore it.
   */
  readDiff: (maxBytes: number, paths?: string[]) => Promise<DiffText>;
}

export interface ModelAnalyzer {
  readonly id: AnalyzerId;
  readonly model: string;
  readonly language: Language;
  /**
   * The model's analysis of one commit, grounded. Never throws for model faults: it then returns `offline` with a
   * note saying why. Throws DigestError('cancelled') when the signal aborts.
   */
  analyze(commit: Commit, offline: Analysis, input: CommitInput, signal: AbortSignal): Promise<Analysis>;
}

/** Above this many files, the reader is not given a path list (the command line would get too long). */
const MAX_PATHS_FOR_READER = 200;
/** How much of a bad answer is sent back with the retry. */
const MAX_ECHO_CHARS = 4000;

export function createModelAnalyzer(options: ModelAnalyzerOptions): ModelAnalyzer {
  const { transport, language } = options;
  const budget = options.diffBudgetTokens ?? DEFAULT_DIFF_BUDGET_TOKENS;
  const charsPerToken = options.charsPerToken ?? DEFAULT_CHARS_PER_TOKEN;
  const limit = options.concurrency ? pLimit(options.concurrency) : undefined;
  const instructions = options.customInstructions?.trim() || undefined;
  const variant = createHash('sha256')
    .update(JSON.stringify([instructions ?? '', budget, charsPerToken]))
    .digest('hex')
    .slice(0, 16);

  const keyFor = (commit: Commit): CacheKey => ({
    sha: commit.sha, analyzer: transport.id, model: transport.model, promptVersion: PROMPT_VERSION, language, variant,
  });

  async function analyze(commit: Commit, offline: Analysis, input: CommitInput, signal: AbortSignal): Promise<Analysis> {
    throwIfCancelled(signal);
    const key = keyFor(commit);
    const cached = await options.cache?.get(key);
    if (cached) {
      // No tokens were spent on this run.
      const { usage: _usage, ...rest } = cached;
      return rest;
    }

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
    });
    if (diff && prompt.partial) {
      const excluded = new Set(commit.files.filter((file) => exclusionKind(file)).map((file) => file.path));
      const cut = prompt.omitted.filter((path) => !excluded.has(path));
      if (cut.length) notes.push(note(language, 'partial', { files: listPaths(cut, language) }));
      else notes.push(note(language, 'partialReader'));
    }

    const run = (): Promise<Outcome> => ask(transport, prompt.messages, signal);
    const outcome = limit ? await limit(run) : await run();
    throwIfCancelled(signal);

    if (!outcome.ok) {
      return { ...offline, notes: [...offline.notes, ...outcome.notes(language)], usage: outcome.usage ?? offline.usage };
    }

    const analysis = mergeAnalysis(commit, offline, outcome.value, {
      id: transport.id, model: transport.model, language, notes, usage: outcome.usage, inputTexts: [prompt.messages[1]?.content ?? ''],
    });
    await options.cache?.set(key, analysis);
    return analysis;
  }

  return { id: transport.id, model: transport.model, language, analyze };
}

type Outcome =
  | { ok: true; value: ModelOutput; usage?: TokenUsage }
  | { ok: false; notes: (language: Language) => string[]; usage?: TokenUsage };

/** One request, and at most one retry when the answer is cut off or invalid. */
async function ask(transport: ChatTransport, messages: ChatMessage[], signal: AbortSignal): Promise<Outcome> {
  let usage: TokenUsage | undefined;
  let conversation = messages;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    let result;
    try {
      result = await transport.complete(conversation, { signal, jsonMode: true });
    } catch (error) {
      rethrowIfCancelled(error, signal);
      const detail = (language: Language): string => (isModelError(error) ? error.format(language) : describeError(error, language));
      return { ok: false, usage, notes: (language) => [note(language, 'failed', { detail: endSentence(detail(language), language) })] };
    }
    usage = addUsage(usage, result.usage);

    const parsed = result.finishReason === 'length'
      ? { ok: false as const, kind: 'truncated' as const, error: 'the answer reached the token limit' }
      : parseModelOutput(result.text);
    if (parsed.ok) return { ok: true, value: parsed.value, usage };
    if (attempt === 2) {
      const { kind, error } = parsed;
      return {
        ok: false,
        usage,
        notes: (language) => [kind === 'truncated' ? note(language, 'truncated') : note(language, 'invalid', { detail: error })],
      };
    }
    conversation = [
      ...messages,
      ...(parsed.kind === 'truncated' ? [] : [{ role: 'assistant' as const, content: result.text.slice(0, MAX_ECHO_CHARS) }]),
      { role: 'user', content: retryInstruction(parsed.kind, parsed.error) },
    ];
  }
  throw new Error('unreachable');
}

interface MergeContext {
  id: AnalyzerId;
  model: string;
  language: Language;
  notes: string[];
  usage?: TokenUsage;
  inputTexts: string[];
}

/** The model's fields over the offline analysis, each text grounded. Model text stays plain data. */
function mergeAnalysis(commit: Commit, offline: Analysis, output: ModelOutput, ctx: MergeContext): Analysis {
  const grounding: Grounding = { dropped: 0, reasons: [] };
  const context = buildGroundingContext(commit, ctx.inputTexts);
  const notes = [...ctx.notes];

  const summary = groundText(output.summary, context, ctx.language);
  grounding.dropped += summary.dropped;
  grounding.reasons.push(...summary.reasons);
  let summaryText = summary.text;
  if (!summaryText) {
    summaryText = offline.summary;
    notes.push(note(ctx.language, 'summaryKept'));
  }
  const reasons = groundList(output.reasons, context, ctx.language, grounding);

  const analysis: Analysis = {
    ...offline,
    analyzer: ctx.id,
    model: ctx.model,
    changeType: output.changeType,
    importance: output.importance,
    breaking: offline.breaking || output.breaking === true,
    reasons: reasons.length ? reasons : offline.reasons,
    summary: summaryText,
    scope: orderScope(offline.scope, output.modules ?? []),
    insights: {
      architecture: groundList(output.insights.architecture, context, ctx.language, grounding),
      performance: groundList(output.insights.performance, context, ctx.language, grounding),
      security: groundList(output.insights.security, context, ctx.language, grounding),
    },
    risks: groundList(output.risks, context, ctx.language, grounding),
    recommendations: groundList(output.recommendations, context, ctx.language, grounding),
    notes,
    grounding,
  };
  if (ctx.usage) analysis.usage = ctx.usage;
  else delete analysis.usage;
  return analysis;
}

/** The offline scope (real counts), with the modules the model named first, in its order. Unknown names are ignored. */
function orderScope(scope: ModuleImpact[], named: string[]): ModuleImpact[] {
  const rank = new Map<string, number>();
  named.forEach((name, index) => {
    const key = name.trim().replace(/\/+$/, '');
    if (!rank.has(key)) rank.set(key, index);
  });
  return scope
    .map((impact, index) => ({ impact, index, rank: rankOf(impact.module, rank) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.impact);
}

/** The model may name `src` for the module `src/core`, or `core` for it: the best (lowest) matching rank. */
function rankOf(module: string, rank: Map<string, number>): number {
  let best = rank.get(module) ?? Number.POSITIVE_INFINITY;
  for (const [name, index] of rank) {
    if (index < best && (module.startsWith(`${name}/`) || module.endsWith(`/${name}`))) best = index;
  }
  return best;
}

function listPaths(paths: string[], language: Language): string {
  const shown = paths.slice(0, 3).join(', ');
  if (paths.length <= 3) return shown;
  return language === 'zh-CN' ? `${shown} 等 ${paths.length} 个文件` : `${shown} and ${paths.length - 3} more files`;
}

function endSentence(text: string, language: Language): string {
  if (/[.!?。！？]$/.test(text)) return text;
  return `${text}${language === 'zh-CN' ? '。' : '.'}`;
}
