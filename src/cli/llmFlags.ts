import { DigestError } from '../core/errors.js';
import { readCommitDiff } from '../core/git/index.js';
import { describeModelRun } from '../core/i18n/modelRun.js';
import type { Report } from '../core/domain/report.js';
import { analyzeReport, createModelAnalyzer, createOpenAiCompatibleTransport, writeDayHeadlines } from '../core/llm/index.js';
import type { AnalysisCache } from '../core/cache/index.js';
import { createTimeLeftEstimate, stopModelRun } from '../core/llm/outcomes.js';
import { createFileCache, defaultCliCacheDir } from '../core/cache/index.js';

export interface LlmFlags {
  baseUrl?: string;
  model?: string;
  apiKeyEnv?: string;
  concurrency: number;
  instructions?: string;
  cache: boolean;
  /** Seconds per request (`--timeout`). */
  timeout?: number;
  /** Seconds of model time for the whole run (`--model-time-limit`). */
  modelTimeLimit: number;
}

export interface LlmSignals {
  /** Aborts the whole run: nothing is written. */
  run: AbortSignal;
  /** Stops the model only (the first Ctrl-C): the report is written with what the model did. */
  stop: AbortSignal;
}

/**
 * The CLI's side of `--analyzer openai-compatible`: flags in, the report with model analyses out, and the run's
 * tally on stderr (`model: 5 analyzed, 3 offline (HTTP 500 ×2, timeout ×1)`). When `signals.stop` aborts, the
 * requests in flight are closed and the report comes back with the commits not analyzed marked `stopped`.
 */
export async function runLlmAnalysis(
  report: Report,
  flags: LlmFlags & { quiet: boolean },
  signals: LlmSignals,
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
  const cache: AnalysisCache | undefined = flags.cache ? createFileCache(defaultCliCacheDir()) : undefined;
  const startedAt = Date.now();
  const analyzer = createModelAnalyzer({
    transport,
    language: report.language,
    customInstructions: flags.instructions,
    cache,
    ...(flags.timeout !== undefined ? { timeoutSeconds: flags.timeout } : {}),
    maxModelSeconds: flags.modelTimeLimit,
  });
  const total = report.repositories.reduce((sum, repo) => sum + (repo.error === undefined ? repo.commits.length : 0), 0);
  const estimate = createTimeLeftEstimate(total);
  const signal = AbortSignal.any([signals.run, signals.stop]);
  const onStop = (): void => {
    if (!flags.quiet) {
      process.stderr.write('daily-digest: stopping the model: the report keeps the offline analysis for the commits not analyzed yet (Ctrl-C again to quit without a report)\n');
    }
  };
  signals.stop.addEventListener('abort', onStop, { once: true });
  let done = 0;
  try {
    await analyzeReport(report, analyzer, {
      // Paths are literal file names, not globs.
      readDiff: (repoPath, sha, maxBytes, paths) =>
        readCommitDiff(repoPath, sha, { maxBytes, paths: paths?.map((path) => `:(literal)${path}`), signal }),
      concurrency: flags.concurrency,
      signal,
      onCommit: (_repo, _commit, _analysis, outcome) => {
        done += 1;
        const run = report.modelRun;
        onProgress(`model: ${done} of ${total} commits done (${run?.analyzed ?? 0} analyzed, ${run?.offline ?? 0} offline)`);
        const left = estimate(outcome);
        if (left !== undefined) onProgress(left);
      },
    });
    if ((report.modelRun?.analyzed ?? 0) > 0) onProgress('model: writing the day\'s headline');
    await writeDayHeadlines(report, {
      transport, signal, cache,
      ...(flags.timeout !== undefined ? { timeoutSeconds: flags.timeout } : {}),
      deadline: startedAt + flags.modelTimeLimit * 1000,
    });
  } catch (error) {
    const stopped = error instanceof DigestError && error.code === 'cancelled' && signals.stop.aborted && !signals.run.aborted;
    if (!stopped) throw error;
    // Also when stopped while the headline was written: every commit was reached then, and none is marked.
    stopModelRun(report, analyzer);
  } finally {
    signals.stop.removeEventListener('abort', onStop);
  }
  reportModelRun(report, flags.quiet);
  reportHeadlines(report, flags.quiet);
  return report;
}

/** A headline the model could not write says why on stderr (its note is in the report too). */
function reportHeadlines(report: Report, quiet: boolean): void {
  if (quiet) return;
  for (const repo of report.repositories) {
    const headline = repo.modelHeadline;
    if (headline === undefined || headline.text !== undefined || headline.fallback === undefined) continue;
    const why = headline.notes.at(-1);
    if (why !== undefined) process.stderr.write(`daily-digest: ${repo.name}: headline: ${why}\n`);
  }
}

/** The run's tally on stderr; with --quiet, only when a commit kept its offline analysis. */
function reportModelRun(report: Report, quiet: boolean): void {
  const run = report.modelRun;
  if (run === undefined || (quiet && run.offline === 0)) return;
  process.stderr.write(`daily-digest: model: ${describeModelRun(run, 'en')}\n`);
  if (run.analyzed > 0 || run.offline === 0 || run.stopped === 'cancelled') return;
  // Nothing was analyzed: say why once, with the fix (every commit's note says the same in the report).
  for (const repo of report.repositories) {
    const commit = repo.commits.find((entry) => entry.analysis.fallback !== undefined);
    const why = commit?.analysis.notes.at(-1);
    if (why === undefined) continue;
    process.stderr.write(`daily-digest: ${why}\n`);
    return;
  }
}
