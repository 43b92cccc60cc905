import pLimit from 'p-limit';
import type { CodeFacts } from '../analyze/facts/types.js';
import { codeFactsOfStored } from '../analyze/facts/stored.js';
import type { Analysis } from '../domain/analysis.js';
import type { AnalyzedCommit, Report } from '../domain/report.js';
import { computeStats, reportUsage } from '../domain/stats.js';
import type { ModelAnalyzer } from './analyzer.js';
import { summarizeModelRun } from './outcomes.js';
import { throwIfCancelled } from '../cancellation.js';
import type { DiffText } from './prompt.js';

export interface AnalyzeReportOptions {
  /** Reads one commit's diff, e.g. `(repo, sha, maxBytes, paths) => readCommitDiff(repo, sha, { maxBytes, paths, signal })`. */
  readDiff: (repoPath: string, sha: string, maxBytes: number, paths?: string[]) => Promise<DiffText>;
  /** The code facts of one commit; by default, those its offline analysis kept (`analysis.facts`). */
  readFacts?: (repoPath: string, commit: AnalyzedCommit) => Promise<CodeFacts | undefined> | CodeFacts | undefined;
  /** Commits in progress at once (diff read + model call). Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  /**
   * Called as each commit's analysis lands, after the report was updated; `outcome.cached` says it came from the
   * cache (no request).
   */
  onCommit?: (repoIndex: number, commitIndex: number, analysis: Analysis, outcome: { cached: boolean; requests: number }) => void;
}

/**
 * Replaces each commit's analysis with the model's, in place, commit by commit as answers arrive: the commit's
 * `analysis`, its repository's `stats`, `report.usage` and `report.modelRun` (the run's tally) are updated before
 * `onCommit` is called. Returns the same report. The current analysis of each commit is the offline analysis
 * handed to the model. Throws DigestError('cancelled') when the signal aborts (analyses already landed stay in the
 * report; see stopModelRun for the commits it never reached).
 */
export async function analyzeReport(report: Report, analyzer: ModelAnalyzer, options: AnalyzeReportOptions): Promise<Report> {
  const signal = options.signal ?? new AbortController().signal;
  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  const tasks: Promise<void>[] = [];
  let cached = 0;
  const tally = (): void => {
    report.modelRun = summarizeModelRun(report, { analyzer: analyzer.id, model: analyzer.model, cached });
  };
  tally();
  report.repositories.forEach((repo, repoIndex) => {
    if (repo.error) return;
    repo.commits.forEach((commit, commitIndex) => {
      tasks.push(
        limit(async () => {
          throwIfCancelled(signal);
          const offline = commit.analysis;
          const { analysis: _analysis, ...plain } = commit;
          const facts = options.readFacts ? await options.readFacts(repo.path, commit)
            : offline.facts ? codeFactsOfStored(offline.facts) : undefined;
          const outcome = await analyzer.analyzeCommit(plain, offline, {
            repoName: repo.name,
            readDiff: (maxBytes, paths) => options.readDiff(repo.path, commit.sha, maxBytes, paths),
            ...(facts ? { facts } : {}),
          }, signal);
          throwIfCancelled(signal);
          if (outcome.cached) cached += 1;
          // The model's analysis keeps the facts the code showed (the report's links to the diff use them).
          const analysis = outcome.analysis.facts === undefined && offline.facts !== undefined
            ? { ...outcome.analysis, facts: offline.facts } : outcome.analysis;
          repo.commits[commitIndex] = { ...commit, analysis };
          repo.stats = computeStats(repo.commits);
          const usage = reportUsage(report);
          if (usage) report.usage = usage;
          else delete report.usage;
          tally();
          options.onCommit?.(repoIndex, commitIndex, analysis, { cached: outcome.cached, requests: outcome.requests });
        }),
      );
    });
  });
  // Queued tasks still start after an abort, but each stops at once; allSettled lets in-flight ones end first.
  const results = await Promise.allSettled(tasks);
  throwIfCancelled(signal);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  return report;
}
