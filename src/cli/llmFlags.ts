import { DigestError } from '../core/errors.js';
import { readCommitDiff } from '../core/git/index.js';
import type { Report } from '../core/domain/report.js';
import { analyzeReport, createModelAnalyzer, createOpenAiCompatibleTransport } from '../core/llm/index.js';
import { createFileCache, defaultCliCacheDir } from '../core/cache/index.js';

export interface LlmFlags {
  baseUrl?: string;
  model?: string;
  apiKeyEnv?: string;
  concurrency: number;
  instructions?: string;
  cache: boolean;
}

/** The CLI's side of `--analyzer openai-compatible`: flags in, the report with model analyses out. */
export async function runLlmAnalysis(
  report: Report,
  flags: LlmFlags,
  signal: AbortSignal,
  onProgress: (message: string) => void,
): Promise<Report> {
  if (!flags.baseUrl || !flags.model) {
    throw new DigestError('usage', { detail: '--analyzer openai-compatible needs --base-url and --model.' });
  }
  let apiKey: string | undefined;
  if (flags.apiKeyEnv) {
    apiKey = process.env[flags.apiKeyEnv];
    if (!apiKey) throw new DigestError('usage', { detail: `--api-key-env names ${flags.apiKeyEnv}, but that variable is empty.` });
  }
  const transport = createOpenAiCompatibleTransport({ baseUrl: flags.baseUrl, model: flags.model, apiKey });
  const analyzer = createModelAnalyzer({
    transport,
    language: report.language,
    customInstructions: flags.instructions,
    cache: flags.cache ? createFileCache(defaultCliCacheDir()) : undefined,
  });
  const total = report.repositories.reduce((sum, repo) => sum + repo.commits.length, 0);
  let done = 0;
  return analyzeReport(report, analyzer, {
    // Paths are literal file names, not globs.
    readDiff: (repoPath, sha, maxBytes, paths) =>
      readCommitDiff(repoPath, sha, { maxBytes, paths: paths?.map((path) => `:(literal)${path}`), signal }),
    concurrency: flags.concurrency,
    signal,
    onCommit: () => onProgress(`analyzed ${++done} of ${total} commits with ${flags.model}`),
  });
}
