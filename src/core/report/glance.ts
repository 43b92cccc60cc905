import { message } from '../analyze/messages/messages.js';
import type { Language } from '../domain/language.js';
import { CHANGE_TYPES } from '../domain/analysis.js';
import type { Analysis, ChangeType } from '../domain/analysis.js';
import type { AnalyzedCommit } from '../domain/report.js';
import type { AuthorCount, Glance, GlanceItem, ModuleCount } from '../domain/triage.js';
import { toOneLine } from '../render/escape.js';
import { authorKey } from '../domain/stats.js';

/** Changes the headline names; the rest are counted in `more`. */
export const HEADLINE_ITEMS = 5;
/** Modules and authors listed. */
export const GLANCE_MODULES = 3;
export const GLANCE_AUTHORS = 5;
/** A gist longer than this is cut at a word boundary. */
const MAX_GIST = 120;
const MAX_DETAIL = 80;
const MAX_DETAILS = 3;
/** Only the start of a summary is searched for its first sentence (summaries are model or message text). */
const GIST_SCAN = 600;

/**
 * The day at a glance of a repository's commits (any order): counts, the busiest modules, the authors, the headline.
 * The busiest modules leave out `folded` commits (bots' and dependency bumps' lock files are not where the day's
 * work was); every other count includes them.
 */
export function computeGlance(
  commits: readonly AnalyzedCommit[],
  language: Language,
  folded: ReadonlySet<string> = new Set(),
): Glance {
  const glance: Glance = {
    headline: [], more: 0, commits: commits.length, high: 0, medium: 0, low: 0, breakingChanges: 0,
    types: [], modules: [], authors: [], otherAuthors: 0,
  };
  const types = new Map<ChangeType, number>();
  const modules = new Map<string, ModuleCount>();
  const authors = new Map<string, AuthorCount>();
  const notable: AnalyzedCommit[] = [];
  for (const commit of commits) {
    const { analysis } = commit;
    glance[analysis.importance] += 1;
    if (analysis.breaking) glance.breakingChanges += 1;
    if (analysis.importance === 'high' || analysis.breaking) notable.push(commit);
    types.set(analysis.changeType, (types.get(analysis.changeType) ?? 0) + 1);
    for (const impact of folded.has(commit.sha) ? [] : analysis.scope) {
      if (impact.module === '') continue;
      const entry = modules.get(impact.module) ?? { name: impact.module, commits: 0, additions: 0, deletions: 0 };
      entry.commits += 1;
      entry.additions += impact.additions;
      entry.deletions += impact.deletions;
      modules.set(impact.module, entry);
    }
    // One author per name, as RepoStats counts them; the name as the first commit met (the newest) spells it.
    const key = authorKey(commit.author);
    const author = authors.get(key) ?? { name: commit.author.name, commits: 0 };
    author.commits += 1;
    authors.set(key, author);
  }
  glance.types = CHANGE_TYPES.filter((type) => types.has(type))
    .map((type) => ({ type, commits: types.get(type)! }))
    .sort((a, b) => b.commits - a.commits);
  glance.modules = [...modules.values()]
    .sort((a, b) => b.commits - a.commits || (b.additions + b.deletions) - (a.additions + a.deletions) || compare(a.name, b.name))
    .slice(0, GLANCE_MODULES);
  const sortedAuthors = [...authors.values()].sort((a, b) => b.commits - a.commits || compare(a.name, b.name));
  glance.authors = sortedAuthors.slice(0, GLANCE_AUTHORS);
  glance.otherAuthors = sortedAuthors.length - glance.authors.length;
  // Breaking first, then by score; equal ones keep the commits' order (newest first). Array sort is stable.
  notable.sort((a, b) => Number(b.analysis.breaking) - Number(a.analysis.breaking) || b.analysis.score - a.analysis.score);
  glance.headline = notable.slice(0, HEADLINE_ITEMS).map((commit) => glanceItem(commit, language));
  glance.more = notable.length - glance.headline.length;
  return glance;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function glanceItem(commit: AnalyzedCommit, language: Language): GlanceItem {
  const { analysis } = commit;
  return {
    sha: commit.sha,
    importance: analysis.importance,
    breaking: analysis.breaking,
    gist: gistOf(analysis.summary) || bounded(toOneLine(commit.subject.slice(0, GIST_SCAN)), MAX_GIST),
    details: detailsOf(analysis, language),
  };
}

const SENTENCE_END = /[.!?](?=\s)|[。！？]|\n/;

/** The first sentence of the summary's first paragraph, without its final stop, cut to MAX_GIST characters. */
export function gistOf(summary: string): string {
  const head = summary.slice(0, GIST_SCAN).trimStart();
  const end = SENTENCE_END.exec(head);
  const sentence = toOneLine(end === null ? head : head.slice(0, end.index)).replace(/[.。!！?？:：;；,，]+$/, '');
  return bounded(sentence, MAX_GIST);
}

/** The text cut at the last space before `max` characters (or at `max` for text without spaces), with an ellipsis. */
export function bounded(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * What the analysis names, in its own words: the declared breaking reason (the `BREAKING CHANGE:` text the
 * analysis quotes), then the identifiers its reasons quote in backticks or parentheses.
 */
export function detailsOf(analysis: Analysis, language: Language): string[] {
  const found: string[] = [];
  const add = (text: string): void => {
    const clean = bounded(toOneLine(text), MAX_DETAIL);
    if (clean !== '' && !found.includes(clean) && found.length < MAX_DETAILS) found.push(clean);
  };
  if (analysis.breaking) {
    const prefix = message(language, 'archBreaking', { text: '' });
    for (const line of analysis.insights.architecture) {
      if (line.startsWith(prefix) && line.length > prefix.length) add(line.slice(prefix.length, prefix.length + GIST_SCAN));
    }
  }
  for (const reason of analysis.reasons.slice(0, 8)) {
    for (const identifier of quotedIn(reason.slice(0, GIST_SCAN))) add(identifier);
  }
  return found;
}

const BACKTICKED = /`([^`\n]{1,200})`/g;
const PARENTHESISED = /[(（]([^()（）\n]{1,200})[)）]/g;
/** Parenthesised counts such as `(3 files, +20/−4)` are sizes, not names. */
const SIZE_WORDS = /files?|lines?|个文件|行/gi;
const SIZE_ONLY = /^[\s\d,，+\-−/.%]*$/;

function quotedIn(reason: string): string[] {
  const names = Array.from(reason.matchAll(BACKTICKED), (match) => match[1]!);
  for (const match of reason.matchAll(PARENTHESISED)) {
    const inner = match[1]!.trim();
    if (!SIZE_ONLY.test(inner.replace(SIZE_WORDS, ''))) names.push(inner);
  }
  return names;
}
