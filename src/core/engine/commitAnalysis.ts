// The offline analysis of a repository's commits, started while readRepository still reads them (add, from its
// onCommit) and completed with the read (finish).
//
// Why reading and analysis overlap: the read already prints the patches the analysis needs (patchReads says which
// sections, within which budgets, and the log parser keeps just those bytes), so each commit is analyzed as soon as
// git printed it, while git prints the next ones: no `git show` per commit after the read, and only the budgets of
// the commits in hand are held. Commits the read could not capture (renames, copies, unreadable commits) stream from
// `git log -p` in batches (streamRestarting.ts). A read no capture answers exactly, and every read a failed stream left,
// goes through readCommitDiff (one `git show`): the analyses are those of per-commit reads after the read. The
// analysis needs the user rules, which need the repository root: both are known before the first commit.
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import { loadRepoRules, planCommit } from '../analyze/index.js';
import type { CommitPlan, ReadDiff } from '../analyze/index.js';
import { readCommitDiff } from '../git/index.js';
import type { RepositoryRead } from '../git/index.js';
import { locateRepositoryCached } from '../git/repository.js';
import type { CapturedDiff, DiffStreamRequest } from '../git/capturedDiff.js';
import type { Language } from '../domain/language.js';
import type { Commit } from '../domain/commit.js';
import type { UserRule } from '../domain/options.js';
import type { Analysis } from '../domain/analysis.js';
import type { AnalyzedCommit } from '../domain/report.js';
import { analyzeOne, analyzeOneNow, fromCapture } from './analyzeOne.js';
import type { AnalysisSettings } from './analyzeOne.js';
import { rethrowIfCancelled } from '../cancellation.js';
import { streamRestarting } from './streamRestarting.js';

/** How many per-commit `git show` fallbacks run at once (captures and streams answer nearly every read). */
const FALLBACK_CONCURRENCY = 4;
/** Commits analyzed between two turns of the event loop while git runs (lets its output in). */
const ANALYSIS_SLICE = 256;
/**
 * Uncaptured commits needing a diff that start a stream while the read goes on (each git process costs its
 * start-up); the rest stream when the read is done. Tests lower it to stream during the read of a small repository.
 * `codeFacts: false` skips the facts pass (tests that compare the first pass with per-commit reads).
 */
export const ENGINE_TUNING = { streamBatch: 4096, codeFacts: true };

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

export class CommitAnalysis {
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
  private readonly restarts = { count: 0 };
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
    const failure = await streamRestarting(root, batch, this.restarts, {
      signal: this.streamSignal,
      onDiff,
      stopped: () => this.failure !== undefined || this.dropped,
      answered: (request) => this.streamed.has(this.needingDiff.get(request.sha.toLowerCase())!.commit),
    });
    if (failure) this.streamFailure ??= failure;
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

