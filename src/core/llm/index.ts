export type { ChatMessage, ChatOptions, ChatResult, ChatTransport } from './types.js';
export { ModelError, isModelError, MODEL_ERROR_CODES } from './errors.js';
export type { ModelErrorCode } from './errors.js';
export { PROVIDER_PRESETS, createOpenAiCompatibleTransport, parseRetryAfter, displayUrl } from './openai.js';
export type { OpenAiCompatibleOptions, ProviderPreset, ProviderPresetName } from './openai.js';
export {
  PROMPT_VERSION, DEFAULT_DIFF_BUDGET_TOKENS, DEFAULT_CHARS_PER_TOKEN, buildPrompt, systemPrompt, exclusionKind,
  diffBytesForBudget, splitDiff, fitSections,
} from './prompt.js';
export type { BuiltPrompt, DiffText, ExclusionKind, PromptInput } from './prompt.js';
export { ModelOutputSchema, OUTPUT_LIMITS, OUTPUT_SHAPE, parseModelOutput } from './schema.js';
export type { ModelOutput, ParseOutcome } from './schema.js';
export { buildDayGroundingContext, buildGroundingContext, checkSentence, groundText, groundList, splitSentences, normalizeNumber } from './grounding.js';
export type { GroundingContext } from './grounding.js';
export { createModelAnalyzer } from './analyzer.js';
export type { CommitInput, ModelAnalyzer, ModelAnalyzerOptions } from './analyzer.js';
export { analyzeReport } from './reportRun.js';
export type { AnalyzeReportOptions } from './reportRun.js';
export { reportUsage } from '../domain/stats.js';
export {
  createTimeLeftEstimate, createTimeLeftTracker, fallbackOf, formatSeconds, isFatalFallback, markNotReached, modelRunVerdict, stopModelRun, summarizeModelRun,
} from './outcomes.js';
export type { CommitOutcome, ModelRunInput, TimeLeft } from './outcomes.js';
export { LANGUAGE_CHECK, checkAnswerLanguage, checkProseLanguage, countScripts } from './answerLanguage.js';
export type { LanguageVerdict } from './answerLanguage.js';
export { DIFF_TIERS, diffTier } from './diffBudget.js';
export type { DiffTier } from './diffBudget.js';
export { FACTS_LIMITS, factLines, factNames } from './factsPrompt.js';
export { KNOWN_CAMEL_WORDS, inventedIdentifier } from './identifiers.js';
export { headlineCacheKey, writeDayHeadlines, writeHeadline } from './headline.js';
export type { DayHeadlinesOptions, HeadlineInput, HeadlineOptions, HeadlineOutcome } from './headline.js';
export { HEADLINE_LIMITS, HEADLINE_PROMPT_VERSION, HeadlineOutputSchema, buildHeadlinePrompt, headlineOrder, parseHeadlineOutput } from './headlinePrompt.js';
export type { HeadlineOutput } from './headlinePrompt.js';
export { COMMIT_ANSWER, ask } from './ask.js';
export type { AnswerReader, AskOutcome } from './ask.js';
