import pLimit from 'p-limit';
import { throwIfCancelled } from '../cancellation.js';
import type { Analysis } from '../domain/analysis.js';
import type { Report } from '../domain/report.js';
import { computeStats, reportUsage } from '../domain/stats.js';
import type { ModelAnalyzer } from './analyzer.js';
import type { DiffText } from './prompt.js';

export interface AnalyzeReportOptions {
  /** Reads one commit's diff, e.g. `(repo, sha, maxBytes, paths) => readCommitDiff(repo, sha, { maxBytes, paths, signal })`. */
  readDiff: (repoPath: string, sha: string, maxBytes: number, paths?: string[]) => Promise<DiffText>;
  /** Commits in progress at once (diff read + model call). Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called as each commit's analysis lands, after the report was updated. */
  onCommit?: (repoIndex: number, commitIndex: number, analysis: Analysis) => void;
}

/**
 * Replaces each commit's analysis with the model's, in place, commit by commit as answers arrive: the commit's
 * `analysis`, its repository's `stats` and `report.usage` are updated before `onCommit` is called. Returns the same
 * report. The current analysis of each commit is the offline analysis handed to the model. Throws
 * DigestError('cancelled') when the signal aborts (analyses already landed stay in the report).
 */
export async function analyzeReport(report: Report, analyzer: ModelAnalyzer, options: AnalyzeReportOptions): Promise<Report> {
  const signal = options.signal ?? new AbortController().signal;
  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  const tasks: Promise<void>[] = [];
  report.repositories.forEach((repo, repoIndex) => {
    if (repo.error) return;
    repo.commits.forEach((commit, commitIndex) => {
      tasks.push(
        limit(async () => {
          throwIfCancelled(signal);
          const offline = commit.analysis;
          const { analysis: _analysis, ...plain } = commit;
          const analysis = await analyzer.analyze(plain, offline, {
            repoName: repo.name,
            readDiff: (maxBytes, paths) => options.readDiff(repo.path, commit.sha, maxBytes, paths),
          }, signal);
          throwIfCancelled(signal);
          repo.commits[commitIndex] = { ...commit, analysis };
          repo.stats = computeStats(repo.commits);
          const usage = reportUsage(report);
          if (usage) report.usage = usage;
          else delete report.usage;
          options.onCommit?.(repoIndex, commitIndex, analysis);
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
