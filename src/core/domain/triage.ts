import type { ChangeType, Importance } from './analysis.js';

/** The order of the commit table: importance first (high, medium, low; newest first within each), or newest first. */
export const COMMIT_ORDERS = ['importance', 'time'] as const;
export type CommitOrder = (typeof COMMIT_ORDERS)[number];

/**
 * One change the headline names: a high-importance or breaking commit, in a phrase taken from its analysis
 * (the gist of its summary and the identifiers its reasons name), never made up.
 */
export interface GlanceItem {
  sha: string;
  importance: Importance;
  breaking: boolean;
  /** The first sentence (or clause) of the summary, bounded; the subject when the summary is empty. */
  gist: string;
  /** What the analysis names: the declared breaking reason, then identifiers quoted in its reasons (at most 3). */
  details: string[];
}

export interface TypeCount {
  type: ChangeType;
  commits: number;
}

export interface ModuleCount {
  /** The module, as each analysis' scope names it. */
  name: string;
  commits: number;
  additions: number;
  deletions: number;
}

export interface AuthorCount {
  name: string;
  commits: number;
}

/** The day at a glance of one repository: what matters first, then the counts. Derived from the analyses only. */
export interface Glance {
  /** High-importance and breaking changes, breaking first, then by score; at most a few (see `more`). */
  headline: GlanceItem[];
  /** High-importance or breaking commits the headline leaves out. */
  more: number;
  commits: number;
  high: number;
  medium: number;
  low: number;
  /** Breaking commits. */
  breakingChanges: number;
  /** Change types, most commits first (ties in CHANGE_TYPES order); types with no commit are left out. */
  types: TypeCount[];
  /** The busiest modules (from each analysis' scope), most commits first, then most lines; at most a few. */
  modules: ModuleCount[];
  /** Authors, most commits first, then by name; at most a few (see `otherAuthors`). */
  authors: AuthorCount[];
  /** Authors not listed in `authors`. */
  otherAuthors: number;
}

/** Why commits were folded together: a bot's commits, or people's plain dependency bumps. */
export type CommitGroupKind = 'bot' | 'deps';

/** A dependency named by an update commit's subject, e.g. `jiff` to `0.2.34`. */
export interface DependencyUpdate {
  name: string;
  /** The version it moves to, as the subject writes it (a leading `v` removed), when the subject names one. */
  version?: string;
}

/**
 * Commits folded into one line of the report, e.g. "renovate[bot]: 35 dependency updates (jiff 0.2.34, …)".
 * High-importance and breaking commits are never folded.
 */
export interface CommitGroup {
  kind: CommitGroupKind;
  /** The bot's author name for `bot`; empty for `deps` (people's dependency bumps, one group). */
  author: string;
  /** The folded commits, newest first. */
  shas: string[];
  /** How many of them are dependency updates (change type `deps`). */
  dependencyUpdates: number;
  /** The dependencies their subjects name, newest first, each name once; at most a few (see `moreUpdates`). */
  updates: DependencyUpdate[];
  /** Named dependencies left out of `updates`. */
  moreUpdates: number;
}

/** One day of a range report: the commits whose date (in the window's time zone) is that day. */
export interface DaySection {
  /** `YYYY-MM-DD` in the window's time zone. */
  day: string;
  commits: number;
  high: number;
  medium: number;
  low: number;
  /** The day's commits, newest first. */
  shas: string[];
}

/** Commits per day for the weeks up to the later of today and the report's last day, oldest day first. */
export interface ActivityCalendar {
  /** First day, `YYYY-MM-DD` in the report's time zone. */
  from: string;
  /** Last day, `YYYY-MM-DD`. */
  to: string;
  /** One count per day from `from` to `to`. */
  counts: number[];
}
