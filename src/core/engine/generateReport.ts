// The orchestration: the day's window, then each repository in turn (read, analyzed as it is read, its warnings),
// a failing repository reported with its error while the others go on. The per-commit work is in commitAnalysis.ts.
import { basename, resolve } from 'node:path';
import { describeError } from '../errors.js';
import { readRepository } from '../git/index.js';
import type { RepositoryRead } from '../git/index.js';
import { DEFAULT_READ_OPTIONS } from '../domain/defaults.js';
import type { DigestOptions, ReadOptions } from '../domain/options.js';
import type { AnalyzedCommit, Report, RepositoryReport } from '../domain/report.js';
import { reportMessage, unreadableCommitsWarning } from '../i18n/reportMessages.js';
import { EMPTY_STATS, computeStats } from '../domain/stats.js';
import { resolveWindow } from '../time/window.js';
import type { ResolvedWindow } from '../time/window.js';
import { rethrowIfCancelled, throwIfCancelled } from '../cancellation.js';
import { enrichWithCodeFacts } from '../analyze/enrich.js';
import { historyHints, triageOf } from '../report/triage.js';
import { CommitAnalysis, ENGINE_TUNING } from './commitAnalysis.js';

/**
 * Reads every repository, analyzes each commit offline and returns the Report.
 * A bad period or time zone throws (nothing can be reported); a failing repository is reported with its error
 * and the others go on. Cancellation (options.signal) throws DigestError('cancelled').
 */
export async function generateReport(options: DigestOptions): Promise<Report> {
  const readOptions: ReadOptions = {
    ref: options.ref ?? DEFAULT_READ_OPTIONS.ref,
    dateField: options.dateField ?? DEFAULT_READ_OPTIONS.dateField,
    merges: options.merges ?? DEFAULT_READ_OPTIONS.merges,
    authors: options.authors ?? [],
    excludeAuthors: options.excludeAuthors ?? [],
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
    order: options.order ?? 'importance',
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
  // The analysis starts while the repository is read: each commit is handed over as soon as git printed it.
  const analysis = new CommitAnalysis(repoPath, { language, signal, settingsRules: options.rules ?? [] });
  let read: RepositoryRead;
  try {
    options.onProgress?.(`Reading ${repoPath}`);
    read = await readRepository(repoPath, window, readOptions, {
      signal, onProgress: options.onProgress, walkIndexDir: options.walkIndexDir, web: options.web,
      onCommit: (commit, captured) => analysis.add(commit, captured),
      patchReads: (commit) => analysis.patchReads(commit),
    });
  } catch (error) {
    analysis.drop();
    rethrowIfCancelled(error, signal);
    return failedRepository(repoPath, readOptions.ref, describeError(error, language));
  }

  const warnings: string[] = [];
  if (read.shallowBoundary) warnings.push(reportMessage(language, 'shallow', { date: read.shallowBoundary }));
  const unreadable = unreadableCommitsWarning(language, read.commits);
  if (unreadable !== undefined) warnings.push(unreadable);
  const repoRules = await analysis.repoRules(read.root);
  if (repoRules.error) warnings.push(reportMessage(language, 'rulesIgnored', { detail: repoRules.error.format(language) }));

  // git reads the calendar while the analysis runs.
  const hints = historyHints(read.root, readOptions, window, {
    activity: options.activity !== false, empty: read.commits.length === 0, now: options.now, signal,
  });
  hints.catch(() => undefined);
  options.onProgress?.(`Analyzing ${read.commits.length} commits of ${read.name}`);
  let commits: AnalyzedCommit[];
  try {
    commits = await analysis.finish(read, repoRules);
    // The facts pass: each commit's code read (within the run's budget) and the commit analysed again with it.
    if (ENGINE_TUNING.codeFacts) {
      const rules = [...(options.rules ?? []), ...repoRules.rules];
      // Loaded only when analyses are kept: it brings node:crypto, which a run without the cache never needs.
      const store = options.analysisCacheDir === undefined ? undefined
        : await (await import('../analyze/analysisStore.js')).openAnalysisStore(options.analysisCacheDir, language, rules);
      await enrichWithCodeFacts(commits, { root: read.root, language, rules, signal, ...(store ? { store } : {}) });
    }
  } catch (error) {
    rethrowIfCancelled(error, signal);
    return failedRepository(repoPath, readOptions.ref, describeError(error, language), read);
  }

  return {
    name: read.name,
    path: read.root,
    ref: read.ref,
    webUrl: read.webUrl,
    webKind: read.webKind,
    warnings,
    stats: computeStats(commits),
    commits,
    ...triageOf(commits, { language, window, bots: options.bots }),
    ...(await hints),
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

