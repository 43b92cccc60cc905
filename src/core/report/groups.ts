import type { ChangeType } from '../domain/analysis.js';
import type { AnalyzedCommit } from '../domain/report.js';
import type { CommitGroup, DependencyUpdate } from '../domain/triage.js';
import { dependencyUpdateOf } from './dependencyUpdates.js';

/** Authors whose commits are a bot's: case-insensitive substrings of the author's name or email. */
export const DEFAULT_BOT_PATTERNS: readonly string[] = ['[bot]', 'dependabot', 'renovate'];
/** A group needs this many commits; a lone bot commit or bump stays a row of its own. */
export const MIN_GROUP_COMMITS = 2;
/** Dependencies a group names. */
export const GROUP_UPDATES_LISTED = 5;

/** Whether `author` matches one of the bot patterns (case-insensitive substrings of name or email). */
export function isBotAuthor(author: { name: string; email: string }, patterns: readonly string[]): boolean {
  return botMatcher(patterns)(author);
}

/** isBotAuthor with the patterns prepared once, for a whole report's commits. */
function botMatcher(patterns: readonly string[]): (author: { name: string; email: string }) => boolean {
  const needles = patterns.map((pattern) => pattern.trim().toLowerCase()).filter((needle) => needle !== '');
  return (author) => {
    if (needles.length === 0) return false;
    const name = author.name.toLowerCase();
    const email = author.email.toLowerCase();
    return needles.some((needle) => name.includes(needle) || email.includes(needle));
  };
}

/** Whether a commit may be folded: never a high-importance or breaking one, whoever made it. */
function foldable(commit: AnalyzedCommit): boolean {
  return commit.analysis.importance !== 'high' && !commit.analysis.breaking;
}

/** Kinds of a bot's work that fold whatever their importance: upkeep, not the project's features. */
const BOT_UPKEEP: ReadonlySet<ChangeType> = new Set<ChangeType>(['deps', 'chore', 'ci', 'build', 'style']);

/**
 * Whether a bot's commit folds: its upkeep, or anything of low importance. A bot that lands the project's own
 * changes (a merge queue, a mirror of reviewed pull requests) keeps its medium features and fixes in the table.
 */
function botFoldable(commit: AnalyzedCommit): boolean {
  return commit.analysis.importance === 'low' || BOT_UPKEEP.has(commit.analysis.changeType);
}

/**
 * Folds a bot's commits (one group per bot, by author name) and people's plain dependency bumps (change type `deps`,
 * one group) so that they take one line each. `commits` are newest first; each group keeps that order. Groups are
 * listed largest first. High-importance and breaking commits, a bot's medium features and fixes (botFoldable), and
 * groups of one, are never folded.
 */
export function groupCommits(commits: readonly AnalyzedCommit[], botPatterns: readonly string[]): CommitGroup[] {
  const members = new Map<string, { kind: CommitGroup['kind']; author: string; commits: AnalyzedCommit[] }>();
  const isBot = botMatcher(botPatterns);
  for (const commit of commits) {
    if (!foldable(commit)) continue;
    let key: string;
    let entry: { kind: CommitGroup['kind']; author: string };
    if (isBot(commit.author)) {
      if (!botFoldable(commit)) continue;
      key = `bot:${commit.author.name.toLowerCase()}`;
      entry = { kind: 'bot', author: commit.author.name };
    } else if (commit.analysis.changeType === 'deps') {
      key = 'deps';
      entry = { kind: 'deps', author: '' };
    } else {
      continue;
    }
    const group = members.get(key) ?? { ...entry, commits: [] };
    group.commits.push(commit);
    members.set(key, group);
  }
  const groups: CommitGroup[] = [];
  for (const { kind, author, commits: folded } of members.values()) {
    if (folded.length < MIN_GROUP_COMMITS) continue;
    const updates = namedUpdates(folded);
    groups.push({
      kind,
      author,
      shas: folded.map((commit) => commit.sha),
      dependencyUpdates: folded.filter((commit) => commit.analysis.changeType === 'deps').length,
      updates: updates.slice(0, GROUP_UPDATES_LISTED),
      moreUpdates: Math.max(0, updates.length - GROUP_UPDATES_LISTED),
    });
  }
  return groups.sort((a, b) => b.shas.length - a.shas.length || (a.author < b.author ? -1 : a.author > b.author ? 1 : 0));
}

/** The dependencies the commits' subjects name, newest first, each name once (with its newest version). */
function namedUpdates(commits: readonly AnalyzedCommit[]): DependencyUpdate[] {
  const seen = new Set<string>();
  const updates: DependencyUpdate[] = [];
  for (const commit of commits) {
    const update = dependencyUpdateOf(commit.subject);
    if (update === undefined || seen.has(update.name.toLowerCase())) continue;
    seen.add(update.name.toLowerCase());
    updates.push(update);
  }
  return updates;
}

/** The shas of every folded commit, for the renderers that list the other commits one by one. */
export function foldedShas(groups: readonly CommitGroup[]): Set<string> {
  return new Set(groups.flatMap((group) => group.shas));
}
