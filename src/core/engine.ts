import { basename, resolve } from 'node:path';
import pLimit from 'p-limit';
import { analyzeCommit, loadRepoRules } from './analyze/index.js';
import { DigestError, describeError } from './errors.js';
import { readCommitDiff, readRepository } from './git/index.js';
import type { RepositoryRead } from './git/index.js';
import type { DigestOptions, ReadOptions, UserRule } from './model/options.js';
import type { AnalyzedCommit, Report, RepositoryReport } from './model/report.js';
import { reportMessage } from './report/messages.js';
import { EMPTY_STATS, computeStats } from './report/stats.js';
import { resolveWindow } from './time/window.js';
import type { ResolvedWindow } from './time/window.js';

/** How many commits of one repository are analyzed at once (the heuristic may read a small diff). */
const ANALYSIS_CONCURRENCY = 4;

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  ref: 'HEAD', dateField: 'committer', merges: 'exclude', authors: [], paths: [],
};

/**
 * Reads every repository, analyzes each commit offline and returns the report model.
 * A bad period or time zone throws (nothing can be reported); a failing repository is reported with its error
 * and the others go on. Cancellation (options.signal) throws DigestError('cancelled').
 */
export async function generateReport(options: DigestOptions): Promise<Report> {
  const readOptions: ReadOptions = {
    ref: options.ref ?? DEFAULT_READ_OPTIONS.ref,
    dateField: options.dateField ?? DEFAULT_READ_OPTIONS.dateField,
    merges: options.merges ?? DEFAULT_READ_OPTIONS.merges,
    authors: options.authors ?? [],
    paths: options.paths ?? [],
  };
  const window = resolveWindow(options.period, options.timeZone || undefined, readOptions.dateField, options.now);
  const repositories: RepositoryReport[] = [];
  for (const repoPath of options.repos) {
    throwIfCancelled(options.signal);
    repositories.push(await reportRepository(repoPath, window, readOptions, options));
  }
  const { startMs: _startMs, endMs: _endMs, ...reportWindow } = window;
  return {
    schemaVersion: 1,
    generatedAt: new Date().toISOString(),
    window: reportWindow,
    language: options.language,
    repositories,
  };
}

async function reportRepository(
  repoPath: string,
  window: ResolvedWindow,
  readOptions: ReadOptions,
  options: DigestOptions,
): Promise<RepositoryReport> {
  const { language, signal } = options;
  let read: RepositoryRead;
  try {
    options.onProgress?.(`Reading ${repoPath}`);
    read = await readRepository(repoPath, window, readOptions, { signal, onProgress: options.onProgress });
  } catch (error) {
    rethrowIfCancelled(error, signal);
    return failedRepository(repoPath, readOptions.ref, describeError(error, language));
  }

  const warnings: string[] = [];
  if (read.shallowBoundary) warnings.push(reportMessage(language, 'shallow', { date: read.shallowBoundary }));
  const repoRules = await loadRepoRules(read.root);
  if (repoRules.error) warnings.push(reportMessage(language, 'rulesIgnored', { detail: repoRules.error.format(language) }));
  const rules: UserRule[] = [...(options.rules ?? []), ...repoRules.rules];

  options.onProgress?.(`Analyzing ${read.commits.length} commits of ${read.name}`);
  const limit = pLimit(ANALYSIS_CONCURRENCY);
  let commits: AnalyzedCommit[];
  try {
    commits = await Promise.all(
      read.commits.map((commit) =>
        limit(async (): Promise<AnalyzedCommit> => {
          throwIfCancelled(signal);
          // The analyzer reads diffs within a byte budget; when one was cut, the report says the checks saw part of it.
          let cutAt: number | undefined;
          const analysis = await analyzeCommit(commit, {
            language,
            rules,
            readDiff: async (paths, maxBytes) => {
              const diff = await readCommitDiff(read.root, commit.sha, { maxBytes, paths, signal });
              if (diff.truncated) cutAt = Math.max(cutAt ?? 0, maxBytes);
              return diff;
            },
          });
          if (cutAt !== undefined) {
            analysis.notes = [...analysis.notes, reportMessage(language, 'diffCut', { kb: String(Math.round(cutAt / 1024)) })];
          }
          return { ...commit, analysis };
        }),
      ),
    );
  } catch (error) {
    rethrowIfCancelled(error, signal);
    return failedRepository(repoPath, readOptions.ref, describeError(error, language), read);
  }

  return {
    name: read.name,
    path: read.root,
    ref: read.ref,
    webUrl: read.webUrl,
    warnings,
    stats: computeStats(commits),
    commits,
  };
}

function failedRepository(repoPath: string, ref: string, error: string, read?: RepositoryRead): RepositoryReport {
  return {
    name: read?.name ?? basename(resolve(repoPath)),
    path: read?.root ?? resolve(repoPath),
    ref,
    webUrl: read?.webUrl,
    error,
    warnings: [],
    stats: { ...EMPTY_STATS },
    commits: [],
  };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DigestError('cancelled');
}

function rethrowIfCancelled(error: unknown, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DigestError('cancelled');
  if (error instanceof DigestError && error.code === 'cancelled') throw error;
}
