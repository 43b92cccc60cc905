import type { Analysis, AnalyzerId, FallbackCause } from './analysis.js';
import type { Commit } from './commit.js';
import type { Language } from './language.js';
import type { ActivityCalendar, CommitGroup, CommitOrder, DaySection, Glance } from './triage.js';
import type { WebKind } from './web.js';

export type DateField = 'committer' | 'author';
export type MergeMode = 'exclude' | 'include' | 'first-parent';

/** A half-open time window [start, end). */
export interface ReportWindow {
  /** ISO 8601 with the offset of `timeZone`. */
  start: string;
  end: string;
  timeZone: string;
  dateField: DateField;
  /** `YYYY-MM-DD` for a single day, `YYYY-MM-DD..YYYY-MM-DD` (inclusive days) for a range. */
  label: string;
}

export interface AnalyzedCommit extends Commit {
  analysis: Analysis;
}

export interface RepoStats {
  commits: number;
  high: number;
  medium: number;
  low: number;
  authors: number;
  additions: number;
  deletions: number;
}

export interface RepositoryReport {
  name: string;
  path: string;
  ref: string;
  /** Web URL of the repository, for known hosts only. */
  webUrl?: string;
  /** The front end serving webUrl (how its commit, pull-request and file pages are laid out), when known. */
  webKind?: WebKind;
  /** One-line error when this repository could not be read; the other repositories are still reported. */
  error?: string;
  /** Non-fatal caveats, e.g. a shallow clone whose history ends inside the window. */
  warnings: string[];
  stats: RepoStats;
  /** Newest first by the chosen date field. */
  commits: AnalyzedCommit[];
  /** The day at a glance: the headline, counts by importance and type, busiest modules, authors. */
  glance?: Glance;
  /** Bots' commits and people's dependency bumps, folded one line per group. */
  groups?: CommitGroup[];
  /** The commits by day (in the window's time zone), newest day first; days without commits are left out. */
  days?: DaySection[];
  /** Commits per day over the last weeks, for a calendar. */
  activity?: ActivityCalendar;
  /** When the window has no commits: the day of the newest commit of the ref (in the window's time zone). */
  lastCommitDay?: string;
}

/** Commits that fell back to the offline analysis for one cause (one HTTP status for `http`). */
export interface ModelRunCause {
  cause: FallbackCause;
  status?: number;
  commits: number;
}

/** What a language model did in this run: `analyzed + offline = commits`. */
export interface ModelRun {
  analyzer: AnalyzerId;
  model: string;
  /** Commits the model was to analyze (those of the repositories that could be read). */
  commits: number;
  /** Commits the model analyzed, on this run or earlier (from the cache). */
  analyzed: number;
  /** Of `analyzed`, those that came from the cache: no request was made for them. */
  cached: number;
  /** Commits that kept the offline analysis. */
  offline: number;
  /** Why they did, grouped, the largest group first. */
  causes: ModelRunCause[];
  /** Set when the run ended before every commit was asked: cancelled, or the cap on model time. */
  stopped?: 'cancelled' | 'time-limit';
}

export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  window: ReportWindow;
  language: Language;
  /** How the commit tables are ordered; importance when left out. */
  order?: CommitOrder;
  repositories: RepositoryReport[];
  /** Summed token usage, where a model provider reported it. */
  usage?: { promptTokens: number; completionTokens: number };
  /** Set when a language model analyzed the report's commits. */
  modelRun?: ModelRun;
}
