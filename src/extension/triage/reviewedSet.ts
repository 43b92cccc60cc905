// The triage state of one repository as data: the full SHAs of the commits marked reviewed, oldest mark first.
// What the extension's storage holds is read back through parseStoredReviewed (storage is data: anything that is
// not a list of commit ids is dropped), and a repository keeps at most MAX_REVIEWED marks (the oldest go first).
// Pure (no vscode).
import type { Importance } from '../../core/domain/analysis.js';
import type { AnalyzedCommit, Report } from '../../core/domain/report.js';

export const MAX_REVIEWED = 20_000;

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** What one repository's storage entry holds. */
export interface StoredReviewed {
  version: 1;
  /** Full SHAs, oldest mark first. */
  shas: string[];
}

/** The marks a storage entry holds; an entry of any other shape holds none. */
export function parseStoredReviewed(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const { version, shas } = value as { version?: unknown; shas?: unknown };
  if (version !== 1 || !Array.isArray(shas)) return [];
  const seen = new Set<string>();
  for (const sha of shas.slice(-MAX_REVIEWED)) {
    if (typeof sha === 'string' && FULL_SHA.test(sha)) seen.add(sha);
  }
  return [...seen];
}

/** The marks after marking `shas` reviewed (moved to the end, newest) or unreviewed, capped at `max`. */
export function withReviewed(current: readonly string[], shas: readonly string[], reviewed: boolean, max = MAX_REVIEWED): string[] {
  const changing = new Set(shas.filter((sha) => FULL_SHA.test(sha)));
  const kept = current.filter((sha) => !changing.has(sha));
  const next = reviewed ? [...kept, ...changing] : kept;
  return next.length > max ? next.slice(next.length - max) : next;
}

export interface UnreadCounts {
  high: number;
  medium: number;
  low: number;
  total: number;
}

/** How many of `commits` are not reviewed, per importance. */
export function unreadCounts(commits: Iterable<AnalyzedCommit>, isReviewed: (sha: string) => boolean): UnreadCounts {
  const counts: UnreadCounts = { high: 0, medium: 0, low: 0, total: 0 };
  for (const commit of commits) {
    if (isReviewed(commit.sha)) continue;
    const importance: Importance = commit.analysis.importance;
    counts[importance] += 1;
    counts.total += 1;
  }
  return counts;
}

/** The report's commits not reviewed yet, per importance, over its repositories. */
export function reportUnread(report: Report, isReviewed: (repoPath: string, sha: string) => boolean): UnreadCounts {
  const total: UnreadCounts = { high: 0, medium: 0, low: 0, total: 0 };
  for (const repo of report.repositories) {
    const counts = unreadCounts(repo.commits, (sha) => isReviewed(repo.path, sha));
    total.high += counts.high;
    total.medium += counts.medium;
    total.low += counts.low;
    total.total += counts.total;
  }
  return total;
}
