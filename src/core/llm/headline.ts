import { createHash } from 'node:crypto';
import type { AnalysisCache } from '../cache/index.js';
import { throwIfCancelled } from '../cancellation.js';
import type { Grounding } from '../domain/analysis.js';
import type { Language } from '../domain/language.js';
import type { ModelHeadline, Report } from '../domain/report.js';
import { reportUsage } from '../domain/stats.js';
import { note } from '../i18n/llmNotes.js';
import { ask } from './ask.js';
import type { AnswerReader } from './ask.js';
import { buildDayGroundingContext, groundText } from './grounding.js';
import { HEADLINE_PROMPT_VERSION, buildHeadlinePrompt, parseHeadlineOutput } from './headlinePrompt.js';
import type { HeadlineOutput, HeadlinePromptInput } from './headlinePrompt.js';
import type { ChatOptions, ChatTransport } from './types.js';

/**
 * The day's headline by the model: one more request per repository, over the commits' analyses (model or offline),
 * asked, retried and language-checked as a commit's analysis is (ask.ts), grounded against the analyses, the
 * commits and the code facts, cached per day and commit set. When the model's headline can't be used, the offline
 * headline stands and the headline's notes say why.
 */

const HEADLINE_ANSWER: AnswerReader<HeadlineOutput> = {
  parse: parseHeadlineOutput,
  prose: (value) => [value.headline],
  fields: 'headline',
  kept: 'headline',
};

export interface HeadlineInput extends HeadlinePromptInput {
  /** Names from the commits' code facts: quotable besides what the prompt holds. */
  factNames?: string[];
}

export interface HeadlineOptions {
  transport: ChatTransport;
  /** The report's language: the headline is written, checked and noted in it. */
  language: Language;
  signal: AbortSignal;
  cache?: AnalysisCache;
  /** Seconds the request may take (`--timeout`, `dailyDigest.model.timeoutSeconds`). */
  timeoutSeconds?: number;
  /** `Date.now()` after which no request starts (the run's cap on model time). */
  deadline?: number;
}

export interface HeadlineOutcome {
  headline: ModelHeadline;
  /** The headline came from the cache: no request was made. */
  cached: boolean;
  requests: number;
}

const CACHE_KIND = 'headline';

/** The cache key: the day, the commit set (every sha) and a hash of everything else the answer depends on. */
export function headlineCacheKey(input: HeadlinePromptInput, transport: Pick<ChatTransport, 'id' | 'model'>, language: Language): string {
  const prompt = buildHeadlinePrompt(input, language);
  const hash = createHash('sha256')
    .update(JSON.stringify([HEADLINE_PROMPT_VERSION, transport.id, transport.model, language, input.commits.map((commit) => commit.sha).sort(), prompt]))
    .digest('hex');
  return `${input.day} ${input.commits.length} ${hash}`;
}

/** One repository's headline. Never throws for model faults; throws DigestError('cancelled') when the signal aborts. */
export async function writeHeadline(input: HeadlineInput, options: HeadlineOptions): Promise<HeadlineOutcome> {
  const { transport, language, signal } = options;
  throwIfCancelled(signal);
  const base = { analyzer: transport.id, model: transport.model };
  const key = headlineCacheKey(input, transport, language);
  const cached = readCached(await options.cache?.getRecord(CACHE_KIND, key));
  if (cached) return { headline: { ...base, ...cached }, cached: true, requests: 0 };
  if (options.deadline !== undefined && Date.now() >= options.deadline) {
    return { headline: { ...base, notes: [note(language, 'timeLimitHeadline')], fallback: { cause: 'time-limit' } }, cached: false, requests: 0 };
  }

  const messages = buildHeadlinePrompt(input, language);
  const chat: ChatOptions = { signal, jsonMode: true };
  if (options.timeoutSeconds !== undefined) chat.timeoutMs = Math.round(options.timeoutSeconds * 1000);
  if (options.deadline !== undefined) chat.deadline = options.deadline;
  const outcome = await ask(transport, messages, chat, language, HEADLINE_ANSWER);
  throwIfCancelled(signal);
  const usage = outcome.usage ? { usage: outcome.usage } : {};
  if (!outcome.ok) {
    return { headline: { ...base, notes: outcome.notes(language), fallback: outcome.fallback, ...usage }, cached: false, requests: outcome.requests };
  }

  const context = buildDayGroundingContext(input.commits, [messages[1]?.content ?? ''], input.factNames ?? []);
  const grounded = groundText(outcome.value.headline, context, language);
  const grounding: Grounding = { dropped: grounded.dropped, reasons: grounded.reasons };
  const notes = outcome.notes(language);
  if (grounded.text === '') {
    const reason = grounded.reasons[0] ?? '';
    const headline: ModelHeadline = { ...base, notes: [...notes, note(language, 'headlineUngrounded', { reason })], grounding, ...usage };
    return { headline, cached: false, requests: outcome.requests };
  }
  const written: CachedHeadline = { text: grounded.text, notes, grounding };
  await options.cache?.setRecord(CACHE_KIND, key, written);
  return { headline: { ...base, ...written, ...usage }, cached: false, requests: outcome.requests };
}

interface CachedHeadline {
  text: string;
  notes: string[];
  grounding: Grounding;
}

function readCached(value: unknown): CachedHeadline | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entry = value as Partial<CachedHeadline>;
  if (typeof entry.text !== 'string' || entry.text === '' || !Array.isArray(entry.notes) || !entry.notes.every((n) => typeof n === 'string')) return undefined;
  const grounding = entry.grounding;
  if (!grounding || typeof grounding.dropped !== 'number' || !Array.isArray(grounding.reasons)) return undefined;
  return { text: entry.text, notes: entry.notes, grounding: { dropped: grounding.dropped, reasons: grounding.reasons.filter((r) => typeof r === 'string') } };
}

export interface DayHeadlinesOptions extends Omit<HeadlineOptions, 'language'> {
  /** The code facts' names of a repository's commits, when the caller has them. */
  factNamesOf?: (repoIndex: number) => string[] | undefined;
  /** Called as each repository's headline lands, after the report was updated. */
  onHeadline?: (repoIndex: number, outcome: HeadlineOutcome) => void;
}

/**
 * Writes `modelHeadline` of each repository that was read and has commits, one request each (one after the other:
 * a day has few repositories), and updates `report.usage`. A repository none of whose commits the model analyzed
 * is not asked (its headline carries a note saying so). Returns the requests made. Throws DigestError('cancelled')
 * when the signal aborts (headlines already written stay).
 */
export async function writeDayHeadlines(report: Report, options: DayHeadlinesOptions): Promise<number> {
  let requests = 0;
  for (const [repoIndex, repo] of report.repositories.entries()) {
    if (repo.error !== undefined || repo.commits.length === 0) continue;
    if (!repo.commits.some((commit) => commit.analysis.analyzer !== 'heuristic')) {
      repo.modelHeadline = { analyzer: options.transport.id, model: options.transport.model, notes: [note(report.language, 'headlineNotAsked')] };
      continue;
    }
    const factNames = options.factNamesOf?.(repoIndex);
    const outcome = await writeHeadline(
      { repoName: repo.name, day: report.window.label, commits: repo.commits, ...(factNames ? { factNames } : {}) },
      { ...options, language: report.language },
    );
    requests += outcome.requests;
    repo.modelHeadline = outcome.headline;
    const usage = reportUsage(report);
    if (usage) report.usage = usage;
    else delete report.usage;
    options.onHeadline?.(repoIndex, outcome);
  }
  return requests;
}

