import { basename, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import { analyzeCommit, analyzeCommitNow, diffRequest, loadRepoRules } from './analyze/index.js';
import type { ReadDiff } from './analyze/index.js';
import type { ReadDiffNow } from './analyze/signals.js';
import { DigestError, describeError, isDigestError } from './errors.js';
import { readCommitDiff, readRepository } from './git/index.js';
import type { RepositoryRead } from './git/index.js';
import { answerCapturedDiff, streamCommitDiffs } from './git/diffStream.js';
import type { CapturedDiff, DiffStreamRequest } from './git/diffStream.js';
import type { Language } from './i18n/language.js';
import type { Commit } from './model/commit.js';
import type { DigestOptions, ReadOptions, UserRule } from './model/options.js';
import type { Analysis } from './model/analysis.js';
import type { AnalyzedCommit, Report, RepositoryReport } from './model/report.js';
import { reportMessage, unreadableCommitsWarning } from './report/messages.js';
import { EMPTY_STATS, computeStats } from './report/stats.js';
import { resolveWindow } from './time/window.js';
import type { ResolvedWindow } from './time/window.js';

/** How many per-commit `git show` fallbacks run at once (the diff stream answers nearly every read). */
const FALLBACK_CONCURRENCY = 4;
/** Streams restarted after a missing object before the rest is read commit by commit. */
const MAX_STREAM_RESTARTS = 32;
/** Commits analyzed between two turns of the event loop while the diff stream runs (lets its output in). */
const ANALYSIS_SLICE = 256;

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
    read = await readRepository(repoPath, window, readOptions, {
      signal, onProgress: options.onProgress, walkIndexDir: options.walkIndexDir,
    });
  } catch (error) {
    rethrowIfCancelled(error, signal);
    return failedRepository(repoPath, readOptions.ref, describeError(error, language));
  }

  const warnings: string[] = [];
  if (read.shallowBoundary) warnings.push(reportMessage(language, 'shallow', { date: read.shallowBoundary }));
  const unreadable = unreadableCommitsWarning(language, read.commits);
  if (unreadable !== undefined) warnings.push(unreadable);
  const repoRules = await loadRepoRules(read.root);
  if (repoRules.error) warnings.push(reportMessage(language, 'rulesIgnored', { detail: repoRules.error.format(language) }));
  const rules: UserRule[] = [...(options.rules ?? []), ...repoRules.rules];

  options.onProgress?.(`Analyzing ${read.commits.length} commits of ${read.name}`);
  let commits: AnalyzedCommit[];
  try {
    commits = await analyzeCommits(read, { language, rules, signal });
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

interface AnalysisSettings {
  language: Language;
  rules: UserRule[];
  signal: AbortSignal | undefined;
}

/**
 * Analyzes every commit of a read. The diffs the analyzer will ask for (diffRequest) come from one streaming
 * `git log -p` for all commits that need one (streamCommitDiffs), and each such commit is analyzed as soon as its
 * patch has been read, so only the budgets of the commit in hand are held. Commits that need no diff are analyzed
 * meanwhile. An analysis whose reads the stream answers runs at once (analyzeCommitNow, no promise per read); a read
 * the stream cannot answer exactly, and every read after a failed stream, goes through readCommitDiff (one
 * `git show`), so the analyses are the same as with per-commit reads.
 */
async function analyzeCommits(read: RepositoryRead, settings: AnalysisSettings): Promise<AnalyzedCommit[]> {
  const { signal } = settings;
  const results = new Array<AnalyzedCommit | undefined>(read.commits.length);
  const fallback = pLimit(FALLBACK_CONCURRENCY);
  const readOne = (commit: Commit): ReadDiff => (paths, maxBytes) =>
    fallback(() => readCommitDiff(read.root, commit.sha, { maxBytes, paths, signal }));

  // Analyses never reject (they run while other work is awaited): the first failure is kept and thrown at the end.
  let failure: { error: unknown } | undefined;
  const running: Promise<void>[] = [];
  const start = (index: number, readDiff: ReadDiff): void => {
    running.push(
      analyzeOne(read.commits[index]!, readDiff, settings).then(
        (analyzed) => {
          results[index] = analyzed;
        },
        (error: unknown) => {
          failure ??= { error };
        },
      ),
    );
  };
  /** At once when the capture (or no read at all) answers every read, else the asynchronous way. */
  const analyze = (index: number, captured: CapturedDiff | undefined): void => {
    const commit = read.commits[index]!;
    try {
      const analyzed = analyzeOneNow(commit, captured, settings);
      if (analyzed) {
        results[index] = analyzed;
        return;
      }
    } catch (error) {
      failure ??= { error };
      return;
    }
    start(index, captured ? fromCapture(captured, readOne(commit)) : readOne(commit));
  };

  const requests: DiffStreamRequest[] = [];
  const indexBySha = new Map<string, number>();
  const withoutDiff: number[] = [];
  read.commits.forEach((commit, index) => {
    const reads = diffRequest(commit);
    if (reads.length === 0) {
      withoutDiff.push(index);
      return;
    }
    requests.push({ sha: commit.sha, reads });
    indexBySha.set(commit.sha.toLowerCase(), index);
  });

  const streamed = new Set<number>();
  const onDiff = (captured: CapturedDiff): void => {
    const index = indexBySha.get(captured.sha.toLowerCase());
    if (index === undefined || streamed.has(index) || failure) return;
    streamed.add(index);
    analyze(index, captured);
  };
  const streaming = (async (): Promise<{ error: unknown } | undefined> => {
    let queue = requests;
    for (let restarts = 0; queue.length > 0 && !failure; restarts++) {
      try {
        await streamCommitDiffs(read.root, queue, { signal, onDiff });
        return undefined;
      } catch (error) {
        // git prints commits in input order and a commit is handed over only once complete: a missing blob or
        // tree stops the stream at the commit that needs it. That one is read alone (below); the rest streams on.
        const rest = queue.filter((request) => !streamed.has(indexBySha.get(request.sha.toLowerCase())!));
        if (!isDigestError(error) || error.code !== 'missing-objects' || restarts >= MAX_STREAM_RESTARTS) return { error };
        queue = rest.slice(1);
      }
    }
    return undefined;
  })();

  for (let i = 0; i < withoutDiff.length && !failure; i++) {
    if (i > 0 && i % ANALYSIS_SLICE === 0) await nextTurn();
    analyze(withoutDiff[i]!, undefined);
  }

  // A cancelled run stops; any other stream failure only costs speed: what it did not answer is read commit by commit.
  const streamFailure = await streaming;
  if (streamFailure) rethrowIfCancelled(streamFailure.error, signal);
  for (const index of indexBySha.values()) {
    if (streamed.has(index) || failure) continue;
    start(index, readOne(read.commits[index]!));
  }
  await Promise.all(running);
  if (failure) throw failure.error;
  return results.map((commit) => commit!);
}

/** Answers the analyzer's reads from the captured patch, or through `otherwise` when it cannot answer exactly. */
function fromCapture(captured: CapturedDiff, otherwise: ReadDiff): ReadDiff {
  return async (paths, maxBytes) => answerCapturedDiff(captured, paths, maxBytes) ?? (await otherwise(paths, maxBytes));
}

async function analyzeOne(commit: Commit, readDiff: ReadDiff, settings: AnalysisSettings): Promise<AnalyzedCommit> {
  const { language, rules, signal } = settings;
  throwIfCancelled(signal);
  // The analyzer reads diffs within a byte budget; when one was cut, the report says the checks saw part of it.
  let cutAt: number | undefined;
  const analysis = await analyzeCommit(commit, {
    language,
    rules,
    readDiff: async (paths, maxBytes) => {
      const diff = await readDiff(paths, maxBytes);
      if (diff.truncated) cutAt = Math.max(cutAt ?? 0, maxBytes);
      return diff;
    },
  });
  return withCutNote(commit, analysis, cutAt, language);
}

/** analyzeOne with every read answered from `captured` at once; undefined when one cannot be (analyzeOne then). */
function analyzeOneNow(commit: Commit, captured: CapturedDiff | undefined, settings: AnalysisSettings): AnalyzedCommit | undefined {
  const { language, rules, signal } = settings;
  throwIfCancelled(signal);
  let cutAt: number | undefined;
  const readDiffNow: ReadDiffNow = (paths, maxBytes) => {
    const diff = captured && answerCapturedDiff(captured, paths, maxBytes);
    if (diff?.truncated) cutAt = Math.max(cutAt ?? 0, maxBytes);
    return diff;
  };
  const analysis = analyzeCommitNow(commit, { language, rules, readDiffNow });
  return analysis && withCutNote(commit, analysis, cutAt, language);
}

function withCutNote(commit: Commit, analysis: Analysis, cutAt: number | undefined, language: Language): AnalyzedCommit {
  if (cutAt !== undefined) {
    analysis.notes = [...analysis.notes, reportMessage(language, 'diffCut', { kb: String(Math.round(cutAt / 1024)) })];
  }
  return { ...commit, analysis };
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
