import type { Language } from '../domain/language.js';
import type { Analysis, AnalyzerId, ModelFallback } from '../domain/analysis.js';
import type { ModelRun, ModelRunCause, Report } from '../domain/report.js';
import { isModelError } from './errors.js';
import { note } from '../i18n/llmNotes.js';

/**
 * Outcomes of a model run: why a commit kept its offline analysis (from the error), the run's tally in the
 * report, the commits a stopped run never reached, and the estimate of the time left.
 */

/** One commit's outcome, as the analyzer ends it. */
export interface CommitOutcome {
  analysis: Analysis;
  /** The analysis came from the cache: no request was made. */
  cached: boolean;
  /** Requests sent for this commit (retries included; those inside the transport's retry loop are not seen). */
  requests: number;
}

/** The fallback cause of a failed model call. */
export function fallbackOf(error: unknown): ModelFallback {
  if (!isModelError(error)) return { cause: 'other' };
  switch (error.code) {
    case 'refused': return { cause: 'connection-refused' };
    case 'unknown-host': return { cause: 'unknown-host' };
    case 'network': return { cause: 'network' };
    case 'timeout': return { cause: 'timeout' };
    case 'bad-response': return { cause: 'bad-response' };
    case 'time-limit': return { cause: 'time-limit' };
    case 'no-access': return { cause: 'no-access' };
    case 'model-unavailable': return { cause: 'model-unavailable' };
    default:
      // auth, not-found, rate-limited, server, http: an HTTP status. A 200 whose body is an error is not HTTP's fault.
      if (error.status === undefined || error.status === 200) return { cause: 'bad-response' };
      return { cause: 'http', status: error.status };
  }
}

/**
 * Causes that every later request of the run would meet too (nothing listens, no such host, the key or the URL is
 * wrong, VS Code refuses the model or has it no more): the commits after it are not sent.
 */
export function isFatalFallback(fallback: ModelFallback): boolean {
  const always: ModelFallback['cause'][] = ['connection-refused', 'unknown-host', 'no-access', 'model-unavailable'];
  if (always.includes(fallback.cause)) return true;
  return fallback.cause === 'http' && (fallback.status === 401 || fallback.status === 403 || fallback.status === 404);
}

export interface ModelRunInput {
  analyzer: AnalyzerId;
  model: string;
  /** Analyses that came from the cache. */
  cached: number;
  stopped?: ModelRun['stopped'];
}

/**
 * The run's tally, read from the report's commits: a model's analysis counts as analyzed, an analysis with a
 * `fallback` as offline. Commits with neither (not reached yet) are counted in `commits` only.
 */
export function summarizeModelRun(report: Report, input: ModelRunInput): ModelRun {
  let commits = 0;
  let analyzed = 0;
  let offline = 0;
  const groups = new Map<string, ModelRunCause>();
  for (const repo of report.repositories) {
    if (repo.error !== undefined) continue;
    for (const commit of repo.commits) {
      commits += 1;
      const { analysis } = commit;
      if (analysis.analyzer !== 'heuristic') analyzed += 1;
      else if (analysis.fallback) {
        offline += 1;
        const key = `${analysis.fallback.cause} ${analysis.fallback.status ?? ''}`;
        const group = groups.get(key);
        if (group) group.commits += 1;
        else groups.set(key, { ...analysis.fallback, commits: 1 });
      }
    }
  }
  const causes = [...groups.values()].sort((a, b) => b.commits - a.commits);
  const run: ModelRun = {
    analyzer: input.analyzer, model: input.model, commits, analyzed, cached: Math.min(input.cached, analyzed), offline, causes,
  };
  const stopped = input.stopped ?? (groups.has('time-limit ') ? 'time-limit' : undefined);
  if (stopped) run.stopped = stopped;
  return run;
}

/**
 * Ends a run that was cancelled part-way: the commits it never reached are marked `stopped` (see markNotReached)
 * and the report's `modelRun` says the run was cancelled. Returns the new tally.
 */
export function stopModelRun(report: Report, analyzer: { id: AnalyzerId; model: string }): ModelRun {
  markNotReached(report);
  const run = summarizeModelRun(report, { analyzer: analyzer.id, model: analyzer.model, cached: report.modelRun?.cached ?? 0, stopped: 'cancelled' });
  report.modelRun = run;
  return run;
}

/**
 * Marks the commits a stopped run never reached (no model analysis, no fallback) as stopped, with a note in the
 * report's language. Returns how many. Repositories with an error are skipped.
 */
export function markNotReached(report: Report, language: Language = report.language): number {
  let marked = 0;
  for (const repo of report.repositories) {
    if (repo.error !== undefined) continue;
    repo.commits.forEach((commit, index) => {
      const { analysis } = commit;
      if (analysis.analyzer !== 'heuristic' || analysis.fallback) return;
      repo.commits[index] = {
        ...commit,
        analysis: { ...analysis, notes: [...analysis.notes, note(language, 'stopped')], fallback: { cause: 'stopped' } },
      };
      marked += 1;
    });
  }
  return marked;
}

/** The run's exit status for the model: `none` when there were commits to analyze and the model analyzed none. */
export function modelRunVerdict(run: ModelRun | undefined): 'ok' | 'none' {
  return run !== undefined && run.commits > 0 && run.analyzed === 0 ? 'none' : 'ok';
}

export interface TimeLeft {
  done: number;
  total: number;
  elapsedSeconds: number;
  /** At the rate so far. */
  leftSeconds: number;
}

/**
 * The time left at the rate so far (wall clock, so concurrency is counted in), after each commit once the first few
 * commits that needed a request are done; undefined before that and after the last commit. Commits without a request
 * (cache hits, commits not sent) are counted as done, not in the rate.
 */
export function createTimeLeftTracker(total: number, options: { after?: number; now?: () => number } = {}): (outcome: { requests: number }) => TimeLeft | undefined {
  const after = options.after ?? 3;
  const now = options.now ?? Date.now;
  const startedAt = now();
  let done = 0;
  let requested = 0;
  return (outcome) => {
    done += 1;
    if (outcome.requests > 0) requested += 1;
    if (requested < after || done >= total) return undefined;
    const elapsed = now() - startedAt;
    return {
      done, total, elapsedSeconds: Math.round(elapsed / 1000), leftSeconds: Math.round((elapsed / requested) * (total - done) / 1000),
    };
  };
}

/** Says once, after the first few commits that needed a request, how long the rest should take (the CLI's line). */
export function createTimeLeftEstimate(total: number, options: { after?: number; now?: () => number } = {}): (outcome: { requests: number }) => string | undefined {
  const track = createTimeLeftTracker(total, options);
  let said = false;
  return (outcome) => {
    const left = track(outcome);
    if (said || left === undefined) return undefined;
    said = true;
    return `model: ${left.done} of ${left.total} commits in ${left.elapsedSeconds} s; about ${formatSeconds(left.leftSeconds)} left`;
  };
}

/** `45 s`, `12 min`, `2.5 h`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, seconds)} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${Math.round(minutes / 6) / 10} h`;
}
