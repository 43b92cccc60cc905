import { basename, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import { analyzeCommit, analyzeCommitNow, loadRepoRules, planCommit } from './analyze/index.js';
import type { CommitPlan, ReadDiff } from './analyze/index.js';
import type { ReadDiffNow } from './analyze/signals.js';
import { DigestError, describeError, isDigestError } from './errors.js';
import { readCommitDiff, readRepository } from './git/index.js';
import { locateRepositoryCached } from './git/repository.js';
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
import { historyHints, triageOf } from './report/triage.js';
import { resolveWindow } from './time/window.js';
import type { ResolvedWindow } from './time/window.js';

/** How many per-commit `git show` fallbacks run at once (captures and streams answer nearly every read). */
const FALLBACK_CONCURRENCY = 4;
/** Streams restarted after a missing object before the rest is read commit by commit. */
const MAX_STREAM_RESTARTS = 32;
/** Commits analyzed between two turns of the event loop while git runs (lets its output in). */
const ANALYSIS_SLICE = 256;
/**
 * Uncaptured commits needing a diff that start a stream while the read goes on (each git process costs its
 * start-up); the rest stream when the read is done. Tests lower it to stream during the read of a small repository.
 */
export const ENGINE_TUNING = { streamBatch: 4096 };

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

interface AnalysisSettings {
  language: Language;
  rules: UserRule[];
  signal: AbortSignal | undefined;
}

type RepoRules = Awaited<ReturnType<typeof loadRepoRules>>;

/** A commit and what planCommit worked out for it (its diff reads among them). */
interface Planned {
  commit: Commit;
  plan: CommitPlan;
}

/** A commit to analyze now: with its captured patch, or without (it needs no diff). */
interface Ready extends Planned {
  captured?: CapturedDiff;
}

/**
 * The offline analysis of a repository's commits, started while readRepository still reads them (add, from its
 * onCommit) and completed with the read (finish).
 *
 * The diffs the analyzer will ask for (planCommit's reads) come with the commits: the read prints patches and keeps
 * each commit's wanted sections (patchReads). Commits it could not capture (renames, copies, unreadable commits)
 * come from streaming `git log -p` processes (streamCommitDiffs), one batch at a time, the first as soon as enough
 * such commits have been read. Only the budgets of the commits in hand are held; commits that need no diff are
 * analyzed at once. The analysis needs the user rules, which need the repository root: both are known as soon as
 * readRepository located the repository (before the first commit).
 *
 * An analysis whose reads its capture answers runs at once (analyzeCommitNow, no promise per read); a read a capture
 * cannot answer exactly, and every read of a commit a failed stream did not answer, goes through readCommitDiff (one
 * `git show`), so the analyses are the same as with per-commit reads after the read.
 */
class CommitAnalysis {
  private readonly language: Language;
  private readonly signal: AbortSignal | undefined;
  private readonly settingsRules: UserRule[];
  /** Stops this analysis's git processes when the read fails; follows the caller's signal. */
  private readonly stop = new AbortController();
  private readonly streamSignal: AbortSignal;
  private readonly fallback = pLimit(FALLBACK_CONCURRENCY);

  /** Known once the repository is located: the root the streams run in and the repository's rules file. */
  private located: Promise<{ root: string; repoRules: RepoRules } | undefined> | undefined;
  private root: string | undefined;
  private rules: UserRule[] | undefined;

  private readonly handedOver = new Set<Commit>();
  /** Plans made for patchReads, taken back by add (so a commit is planned once). */
  private readonly plans = new Map<Commit, CommitPlan>();
  private readonly analyses = new Map<Commit, Analysis>();
  private readonly ready: Ready[] = [];
  private draining = false;
  /** Commits that need a diff, by lower-case SHA, and the requests not yet given to a stream. */
  private readonly needingDiff = new Map<string, Planned>();
  private requests: DiffStreamRequest[] = [];
  private readonly streamed = new Set<Commit>();
  private streaming: Promise<void> | undefined;
  private restarts = 0;
  private streamFailure: { error: unknown } | undefined;
  private readDone = false;
  private dropped = false;

  /** Asynchronous analyses (fallback reads); they never reject: the first failure is kept and thrown at the end. */
  private readonly running: Promise<void>[] = [];
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly repoPath: string,
    options: { language: Language; signal: AbortSignal | undefined; settingsRules: UserRule[] },
  ) {
    this.language = options.language;
    this.signal = options.signal;
    this.settingsRules = options.settingsRules;
    this.streamSignal = options.signal ? AbortSignal.any([options.signal, this.stop.signal]) : this.stop.signal;
  }

  /** What the read should keep of `commit`'s patch (readRepository's patchReads): the reads its analysis makes. */
  patchReads(commit: Commit): CommitPlan['reads'] | undefined {
    if (this.dropped) return undefined;
    try {
      const plan = planCommit(commit);
      this.plans.set(commit, plan);
      return plan.reads;
    } catch {
      // add() plans it again and keeps the failure.
      return undefined;
    }
  }

  /**
   * A commit of the read (readRepository's onCommit), with the sections of its patch the read kept: it is analyzed,
   * or its diff request is queued for a stream (no capture: a rename, an unreadable commit, a read without patches).
   */
  add(commit: Commit, captured?: CapturedDiff): void {
    if (this.dropped || this.handedOver.has(commit)) return;
    this.handedOver.add(commit);
    // readRepository has located the repository before it hands over a commit: locateRepositoryCached has it.
    this.located ??= this.locate();
    let plan: CommitPlan | undefined = this.plans.get(commit);
    this.plans.delete(commit);
    try {
      plan ??= planCommit(commit);
    } catch (error) {
      this.failure ??= { error };
      return;
    }
    if (plan.reads.length === 0) {
      this.ready.push({ commit, plan });
    } else if (captured) {
      this.ready.push({ commit, plan, captured });
    } else {
      this.needingDiff.set(commit.sha.toLowerCase(), { commit, plan });
      this.requests.push({ sha: commit.sha, reads: plan.reads });
      this.pump();
    }
    this.scheduleDrain();
  }

  /** Stops the streams of a read that failed; nothing is reported. */
  drop(): void {
    this.dropped = true;
    this.stop.abort();
  }

  /** The repository's rules file, read once (early, with the root the streams use) when the root is the read's. */
  async repoRules(root: string): Promise<RepoRules> {
    const located = await this.located;
    if (located && located.root === root) return located.repoRules;
    return loadRepoRules(root);
  }

  /** Every commit of the read, analyzed, in the read's order; `repoRules` is repoRules(read.root). */
  async finish(read: RepositoryRead, repoRules: RepoRules): Promise<AnalyzedCommit[]> {
    const located = await this.located;
    if (located && located.root !== read.root) {
      // Never expected: the streams ran in another folder than the read's. Start over with the read's.
      this.drop();
      const fresh = new CommitAnalysis(this.repoPath, { language: this.language, signal: this.signal, settingsRules: this.settingsRules });
      return fresh.finish(read, repoRules);
    }
    if (!located) {
      this.located = Promise.resolve(undefined);
      this.root = read.root;
      this.rules = [...this.settingsRules, ...repoRules.rules];
    }
    this.readDone = true;
    this.plans.clear();
    for (const commit of read.commits) this.add(commit);
    this.pump();
    while (this.streaming) await this.streaming;
    await this.drain();
    if (this.streamFailure) rethrowIfCancelled(this.streamFailure.error, this.signal);
    // What no stream answered (a failed stream) is read commit by commit.
    for (const { commit } of this.needingDiff.values()) {
      if (!this.streamed.has(commit) && !this.failure) this.analyzeLater(commit, this.readOne(commit));
    }
    await Promise.all(this.running);
    // Nothing is expected here; a commit left without an analysis is still analyzed rather than reported without one.
    for (const commit of read.commits) {
      if (!this.analyses.has(commit) && !this.failure) this.analyzeLater(commit, this.readOne(commit));
    }
    await Promise.all(this.running);
    if (this.failure) throw this.failure.error;
    // The read's commits are this run's own (readRepository made them for it): each becomes its analyzed commit in
    // place, keys in the same order as a copy's, instead of a copy per commit (a spread even gave each copy a hidden
    // class of its own: 25,000 of them for a year, ~10 MB).
    return read.commits.map((commit) => {
      const analyzed = commit as AnalyzedCommit;
      analyzed.analysis = this.analyses.get(commit)!;
      return analyzed;
    });
  }

  private async locate(): Promise<{ root: string; repoRules: RepoRules } | undefined> {
    try {
      const { root } = await locateRepositoryCached(this.repoPath, this.signal);
      const repoRules = await loadRepoRules(root);
      if (this.dropped) return undefined;
      this.root = root;
      this.rules = [...this.settingsRules, ...repoRules.rules];
      this.pump();
      this.scheduleDrain();
      return { root, repoRules };
    } catch {
      // The read reports what is wrong with the repository; the analysis then waits for it.
      return undefined;
    }
  }

  /** Starts a stream for the queued requests unless one runs: while the read goes on, only for a full batch. */
  private pump(): void {
    if (this.streaming || this.dropped || this.root === undefined || this.requests.length === 0) return;
    if (this.streamFailure || this.failure) return;
    if (!this.readDone && this.requests.length < ENGINE_TUNING.streamBatch) return;
    const batch = this.requests;
    this.requests = [];
    this.streaming = this.stream(this.root, batch).finally(() => {
      this.streaming = undefined;
      this.pump();
    });
  }

  private async stream(root: string, batch: DiffStreamRequest[]): Promise<void> {
    const onDiff = (captured: CapturedDiff): void => {
      const planned = this.needingDiff.get(captured.sha.toLowerCase());
      if (planned === undefined || this.streamed.has(planned.commit) || this.failure) return;
      this.streamed.add(planned.commit);
      this.ready.push({ commit: planned.commit, plan: planned.plan, captured });
      this.scheduleDrain();
    };
    let queue = batch;
    while (queue.length > 0 && !this.failure && !this.dropped) {
      try {
        await streamCommitDiffs(root, queue, { signal: this.streamSignal, onDiff });
        return;
      } catch (error) {
        // git prints commits in input order and a commit is handed over only once complete: a missing blob or
        // tree stops the stream at the commit that needs it. That one is read alone (finish); the rest streams on.
        if (!isDigestError(error) || error.code !== 'missing-objects' || this.restarts >= MAX_STREAM_RESTARTS) {
          this.streamFailure ??= { error };
          return;
        }
        this.restarts++;
        queue = queue.filter((request) => !this.streamed.has(this.needingDiff.get(request.sha.toLowerCase())!.commit)).slice(1);
      }
    }
  }

  /** Analyzes the ready commits a slice at a time, letting git's output in between (once the rules are known). */
  private scheduleDrain(): void {
    if (this.draining || this.rules === undefined || this.ready.length === 0) return;
    this.draining = true;
    setImmediate(() => {
      this.draining = false;
      this.drainSlice();
      this.scheduleDrain();
    });
  }

  private drainSlice(): void {
    const rules = this.rules;
    if (rules === undefined) return;
    const slice = this.ready.splice(0, ANALYSIS_SLICE);
    for (const { commit, plan, captured } of slice) this.analyze(commit, plan, captured, rules);
  }

  private async drain(): Promise<void> {
    while (this.ready.length > 0) {
      this.drainSlice();
      if (this.ready.length > 0) await nextTurn();
    }
  }

  /** At once when the capture (or no read at all) answers every read, else the asynchronous way. */
  private analyze(commit: Commit, plan: CommitPlan, captured: CapturedDiff | undefined, rules: UserRule[]): void {
    if (this.failure || this.dropped) return;
    const settings: AnalysisSettings = { language: this.language, rules, signal: this.signal };
    try {
      const analysis = analyzeOneNow(commit, plan, captured, settings);
      if (analysis) {
        this.analyses.set(commit, analysis);
        return;
      }
    } catch (error) {
      this.failure ??= { error };
      return;
    }
    this.analyzeLater(commit, captured ? fromCapture(captured, this.readOne(commit)) : this.readOne(commit));
  }

  private analyzeLater(commit: Commit, readDiff: ReadDiff): void {
    const settings: AnalysisSettings = { language: this.language, rules: this.rules ?? [], signal: this.signal };
    this.running.push(
      analyzeOne(commit, readDiff, settings).then(
        (analysis) => {
          this.analyses.set(commit, analysis);
        },
        (error: unknown) => {
          this.failure ??= { error };
        },
      ),
    );
  }

  private readOne(commit: Commit): ReadDiff {
    const root = this.root!;
    return (paths, maxBytes) => this.fallback(() => readCommitDiff(root, commit.sha, { maxBytes, paths, signal: this.signal }));
  }
}

/** Answers the analyzer's reads from the captured patch, or through `otherwise` when it cannot answer exactly. */
function fromCapture(captured: CapturedDiff, otherwise: ReadDiff): ReadDiff {
  return async (paths, maxBytes) => answerCapturedDiff(captured, paths, maxBytes) ?? (await otherwise(paths, maxBytes));
}

async function analyzeOne(commit: Commit, readDiff: ReadDiff, settings: AnalysisSettings): Promise<Analysis> {
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
  return withCutNote(analysis, cutAt, language);
}

/** analyzeOne with every read answered from `captured` at once; undefined when one cannot be (analyzeOne then). */
function analyzeOneNow(
  commit: Commit,
  plan: CommitPlan,
  captured: CapturedDiff | undefined,
  settings: AnalysisSettings,
): Analysis | undefined {
  const { language, rules, signal } = settings;
  throwIfCancelled(signal);
  let cutAt: number | undefined;
  const readDiffNow: ReadDiffNow = (paths, maxBytes) => {
    const diff = captured && answerCapturedDiff(captured, paths, maxBytes);
    if (diff?.truncated) cutAt = Math.max(cutAt ?? 0, maxBytes);
    return diff;
  };
  const analysis = analyzeCommitNow(commit, { language, rules, readDiffNow }, plan);
  return analysis && withCutNote(analysis, cutAt, language);
}

function withCutNote(analysis: Analysis, cutAt: number | undefined, language: Language): Analysis {
  if (cutAt !== undefined) {
    analysis.notes = [...analysis.notes, reportMessage(language, 'diffCut', { kb: String(Math.round(cutAt / 1024)) })];
  }
  return analysis;
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
