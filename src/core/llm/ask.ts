import { describeError } from '../errors.js';
import type { Language } from '../domain/language.js';
import type { ModelFallback, TokenUsage } from '../domain/analysis.js';
import { addUsage } from '../domain/stats.js';
import { checkProseLanguage, proseTexts } from './answerLanguage.js';
import { isModelError } from './errors.js';
import { languageName, languageRetryInstruction, note, retryInstruction, keptPhrase } from '../i18n/llmNotes.js';
import type { KeptWork, RetryReason } from '../i18n/llmNotes.js';
import { fallbackOf } from './outcomes.js';
import { rethrowIfCancelled } from '../cancellation.js';
import { parseModelOutput } from './schema.js';
import type { ModelOutput } from './schema.js';
import type { ChatMessage, ChatOptions, ChatResult, ChatTransport } from './types.js';

/** How much of a bad answer is sent back with the retry. */
const MAX_ECHO_CHARS = 4000;

export type AskOutcome<T = ModelOutput> =
  | { ok: true; value: T; usage?: TokenUsage; requests: number; notes: (language: Language) => string[] }
  | { ok: false; fallback: ModelFallback; usage?: TokenUsage; requests: number; notes: (language: Language) => string[]; error?: unknown };

/**
 * How to read one kind of answer: parse it (`invalid-json` for text that is not JSON, `invalid-shape` naming the
 * fields), list its prose (what the language check reads), and say what a failure leaves in place.
 */
export interface AnswerReader<T> {
  parse(text: string): { ok: true; value: T } | { ok: false; kind: 'invalid-json' | 'invalid-shape'; error: string };
  prose(value: T): string[];
  /** The text fields named in the firmer language instruction. */
  fields: string;
  kept: KeptWork;
}

/** A commit's analysis (ModelOutputSchema). */
export const COMMIT_ANSWER: AnswerReader<ModelOutput> = {
  parse: parseModelOutput,
  prose: proseTexts,
  fields: 'summary, reasons, insights, risks, recommendations',
  kept: 'analysis',
};

interface Problem {
  reason: RetryReason;
  detail: string;
}

/**
 * One conversation with the model (a commit's analysis, or the day's headline with another reader): one request, at most one retry when the answer can't be used (not
 * JSON, the wrong shape, cut off by the token limit, refused), and at most one more when its prose is in the
 * wrong language (that answer is then kept, with a note). Transport failures end it at once: the transport has
 * already retried what is worth retrying. Throws DigestError('cancelled') when the signal aborts.
 */
export async function ask<T>(
  transport: ChatTransport,
  messages: ChatMessage[],
  chat: ChatOptions,
  language: Language,
  reader: AnswerReader<T>,
): Promise<AskOutcome<T>> {
  let usage: TokenUsage | undefined;
  let requests = 0;
  let conversation = messages;
  let formatRetried = false;
  /** A usable answer in the wrong language, kept when asking again gives nothing better. */
  let kept: T | undefined;
  let lastProblem: Problem | undefined;
  const keptOutcome = (value: T): AskOutcome<T> => ({
    ok: true, value, usage, requests,
    notes: (lang) => [note(lang, 'wrongLanguage', { wanted: languageName(language, lang), found: languageName(language === 'en' ? 'zh-CN' : 'en', lang) })],
  });

  for (;;) {
    let result: ChatResult;
    requests += 1;
    try {
      result = await transport.complete(conversation, chat);
    } catch (error) {
      rethrowIfCancelled(error, chat.signal);
      if (kept) return keptOutcome(kept);
      const detail = (lang: Language): string => endSentence(isModelError(error) ? error.format(lang) : describeError(error, lang), lang);
      return {
        ok: false, fallback: fallbackOf(error), usage, requests, error,
        notes: (lang) => [note(lang, 'failed', { detail: detail(lang), kept: keptPhrase(lang, reader.kept) })],
      };
    }
    usage = addUsage(usage, result.usage);

    const read = readAnswer(result, reader);
    if (read.ok) {
      if (!checkProseLanguage(reader.prose(read.value), language).wrong) return { ok: true, value: read.value, usage, requests, notes: () => [] };
      if (kept) return keptOutcome(read.value);
      kept = read.value;
      conversation = [
        ...messages,
        { role: 'assistant', content: result.text.slice(0, MAX_ECHO_CHARS) },
        { role: 'user', content: languageRetryInstruction(language, reader.fields) },
      ];
      continue;
    }
    if (kept) return keptOutcome(kept);
    lastProblem = read.problem;
    if (formatRetried) return failed(lastProblem, usage, requests, reader.kept);
    formatRetried = true;
    const echo = lastProblem.reason === 'not-json' || lastProblem.reason === 'wrong-shape';
    conversation = [
      ...messages,
      ...(echo ? [{ role: 'assistant' as const, content: result.text.slice(0, MAX_ECHO_CHARS) }] : []),
      { role: 'user', content: retryInstruction(lastProblem.reason, lastProblem.detail) },
    ];
  }
}

/** What the answer is: a usable output, or the problem named as its cause. */
function readAnswer<T>(result: ChatResult, reader: AnswerReader<T>): { ok: true; value: T } | { ok: false; problem: Problem } {
  if (result.refusal !== undefined || result.finishReason === 'content_filter') {
    return { ok: false, problem: { reason: 'model-refused', detail: result.refusal ?? 'finish_reason "content_filter"' } };
  }
  // Only the transport's finish reason says the token limit cut the answer; an unclosed brace alone is not JSON.
  if (result.finishReason === 'length') return { ok: false, problem: { reason: 'token-limit', detail: 'finish_reason "length"' } };
  const parsed = reader.parse(result.text);
  if (parsed.ok) return parsed;
  if (parsed.kind === 'invalid-json') {
    const refusal = refusalText(result.text);
    if (refusal !== undefined) return { ok: false, problem: { reason: 'model-refused', detail: refusal } };
    return { ok: false, problem: { reason: 'not-json', detail: parsed.error } };
  }
  return { ok: false, problem: { reason: 'wrong-shape', detail: parsed.error } };
}

/** Prose that opens like a refusal ("I'm sorry, I can't…", "抱歉，我无法…"), quoted short; else undefined. */
const REFUSAL_OPENING = /^(?:I['’]m sorry|I am sorry|Sorry,|I can(?:not|['’]t) (?:help|assist|do|provide|comply)|I won['’]t|I am unable|I['’]m unable|As an AI|抱歉|对不起|很抱歉|我无法|我不能)/i;

function refusalText(text: string): string | undefined {
  const head = text.trim().slice(0, 300);
  if (!REFUSAL_OPENING.test(head)) return undefined;
  const line = head.replace(/\s+/g, ' ');
  return `“${line.length > 120 ? `${line.slice(0, 119)}…` : line}”`;
}

function failed<T>(problem: Problem, usage: TokenUsage | undefined, requests: number, keptWork: KeptWork): AskOutcome<T> {
  const notes = (lang: Language): string[] => {
    const kept = keptPhrase(lang, keptWork);
    switch (problem.reason) {
      case 'token-limit': return [note(lang, 'tokenLimit', { kept })];
      case 'model-refused': return [note(lang, 'modelRefused', { detail: problem.detail, kept })];
      case 'not-json': return [note(lang, 'notJson', { detail: problem.detail, kept })];
      case 'wrong-shape': return [note(lang, 'wrongShape', { detail: problem.detail, kept })];
    }
  };
  return { ok: false, fallback: { cause: problem.reason }, usage, requests, notes };
}

function endSentence(text: string, language: Language): string {
  if (/[.!?。！？]$/.test(text)) return text;
  return `${text}${language === 'zh-CN' ? '。' : '.'}`;
}
