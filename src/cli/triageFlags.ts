import { Option } from 'commander';
import { DigestError } from '../core/errors.js';
import type { Language } from '../core/domain/language.js';
import type { DigestOptions } from '../core/domain/options.js';
import type { Report, RepositoryReport } from '../core/domain/report.js';
import { COMMIT_ORDERS } from '../core/domain/triage.js';
import type { CommitOrder } from '../core/domain/triage.js';
import { WEB_KINDS } from '../core/domain/web.js';
import type { WebKind } from '../core/domain/web.js';
import { cleanRepoUrl, webKindOfUrl } from '../core/git/hosting/webLinks.js';
import { DEFAULT_BOT_PATTERNS } from '../core/report/groups.js';

/** The flags of the day's triage: the table order, who counts as a bot, who is left out, where the web pages are. */
export interface TriageFlags {
  order: CommitOrder;
  bot?: string[];
  excludeAuthor?: string[];
  webUrl?: string;
  webKind?: WebKind;
}

/** Repeatable flags gather their values; no default, so that --help shows none (`(default: [])`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The triage flags, each placed by the program beside the flags it goes with. */
export function triageFlagOptions(): Record<'excludeAuthor' | 'order' | 'bot' | 'webUrl' | 'webKind', Option> {
  return {
    excludeAuthor: new Option('--exclude-author <text>', 'leave out commits whose author name or email contains this (repeatable)').argParser(collect),
    order: new Option('--order <order>', 'order of the commit table: importance first, or newest first').choices([...COMMIT_ORDERS]).default('importance'),
    bot: new Option('--bot <pattern>', `authors whose commits fold into one line, besides ${DEFAULT_BOT_PATTERNS.join(', ')} (repeatable)`).argParser(collect),
    webUrl: new Option('--web-url <url>', "the repository's web page, for links when its remote URL does not say, e.g. https://git.example.com/team/repo"),
    webKind: new Option('--web-kind <kind>', 'what serves --web-url (default: guessed from its host name)').choices([...WEB_KINDS]),
  };
}

function usage(detail: string): DigestError {
  return new DigestError('usage', { detail });
}

/** The triage part of the engine's options, checked: a web location needs one repository, an http(s) URL and a kind. */
export function triageOptions(flags: TriageFlags, repositories: number): Pick<DigestOptions, 'order' | 'bots' | 'excludeAuthors' | 'web'> {
  const options: Pick<DigestOptions, 'order' | 'bots' | 'excludeAuthors' | 'web'> = {
    order: flags.order,
    bots: [...DEFAULT_BOT_PATTERNS, ...(flags.bot ?? [])],
    excludeAuthors: flags.excludeAuthor ?? [],
  };
  if (flags.webKind !== undefined && flags.webUrl === undefined) throw usage('--web-kind needs --web-url.');
  if (flags.webUrl === undefined) return options;
  if (repositories > 1) throw usage('--web-url names the web page of one repository: pass a single --repo with it.');
  if (cleanRepoUrl(flags.webUrl) === undefined) {
    throw usage(`--web-url must be an http(s) URL without a user name or password, got "${flags.webUrl}".`);
  }
  const kind = flags.webKind ?? webKindOfUrl(flags.webUrl);
  if (kind === undefined) {
    throw usage(`--web-url: its host name does not say what serves it; add --web-kind ${WEB_KINDS.join('|')}.`);
  }
  options.web = { url: flags.webUrl, kind };
  return options;
}

const SENTENCES = {
  en: {
    wrote: (file: string, commits: number) => `wrote ${file} (${commits === 1 ? '1 commit' : `${commits} commits`})`,
    noCommits: (window: string, last: string) => `no commits on ${window}; the last was on ${last}: daily-digest --date ${last}`,
    noCommitsInRange: (first: string, end: string, last: string) =>
      `no commits from ${first} to ${end}; the last was on ${last}: daily-digest --date ${last}`,
  },
  'zh-CN': {
    wrote: (file: string, commits: number) => `已写入 ${file}（${commits} 个提交）`,
    noCommits: (window: string, last: string) => `${window} 没有提交；最近一次提交在 ${last}：daily-digest --date ${last}`,
    noCommitsInRange: (first: string, end: string, last: string) =>
      `${first} 至 ${end} 没有提交；最近一次提交在 ${last}：daily-digest --date ${last}`,
  },
} satisfies Record<Language, Record<string, (...args: never[]) => string>>;

/** `wrote report.md (12 commits)`, for stderr once the report is written to --out. */
export function wroteLine(file: string, report: Report): string {
  const commits = report.repositories.reduce((sum, repo) => sum + repo.commits.length, 0);
  return SENTENCES[report.language].wrote(file, commits);
}

/**
 * For a report without a commit in any repository it could read, where git knows a newer or older commit day:
 * `no commits on 2026-08-23; the last was on 2026-08-21: daily-digest --date 2026-08-21`. Undefined otherwise.
 */
export function emptyDayHint(report: Report): string | undefined {
  const readable = report.repositories.filter((repo) => repo.error === undefined);
  if (readable.length === 0 || readable.some((repo) => repo.commits.length > 0)) return undefined;
  const last = readable.map((repo) => repo.lastCommitDay).filter((day): day is string => day !== undefined).sort().at(-1);
  if (last === undefined) return undefined;
  const sentences = SENTENCES[report.language];
  const [first, end] = report.window.label.split('..');
  return end === undefined ? sentences.noCommits(report.window.label, last) : sentences.noCommitsInRange(first ?? '', end, last);
}

/** The stderr line of a repository that could not be read, naming its path once. */
export function failedRepositoryLine(repo: RepositoryReport): string {
  const error = repo.error ?? '';
  return error.includes(repo.path) ? `daily-digest: ${error}` : `daily-digest: ${repo.path}: ${error}`;
}
