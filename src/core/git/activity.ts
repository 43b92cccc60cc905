import type { ReadOptions } from '../domain/options.js';
import { authorExcluder, pathspecArgs, selectionArgs } from './filters.js';
import { locateRepositoryCached } from './repository.js';
import { gitRun } from './runner.js';
import { assertSafeRef } from './safety.js';

/** A commit as the history queries below see it: its two dates (epoch seconds) and author. */
export interface CommitTime {
  committerTime: number;
  authorTime: number;
  author: { name: string; email: string };
}

/** One record per commit, NUL-separated (-z): `<committer time> <author time>`, then the author's name and email. */
const TIME_FORMAT = '--format=%ct %at%n%an%n%ae';
/** Commits looked at for the newest one when authors are excluded (git cannot exclude them itself). */
const NEWEST_LOOKAHEAD = 200;
/** A bound on the times read for the calendar: a very busy repository's eight weeks, and then some. */
const MAX_TIMES = 200_000;

type HistoryOptions = Pick<ReadOptions, 'ref' | 'merges' | 'authors' | 'excludeAuthors' | 'paths'>;

/**
 * The commits of `options.ref`, newest first as `git log` walks, with the read's filters: `limit` at most, and only
 * those committed at or after `sinceSeconds` when given (git's `--since`, which stops at the first older commit).
 * Undefined when git fails (an empty repository, an unknown ref): these are hints, never errors.
 */
export async function commitTimes(
  repoPath: string,
  options: HistoryOptions,
  query: { limit?: number; sinceSeconds?: number; signal?: AbortSignal },
): Promise<CommitTime[] | undefined> {
  assertSafeRef(options.ref);
  const { root } = await locateRepositoryCached(repoPath, query.signal);
  const excluded = authorExcluder(options.excludeAuthors);
  const limit = Math.min(query.limit ?? MAX_TIMES, MAX_TIMES);
  const args = [
    'log', '-z', '--no-ext-diff', '--no-textconv', '--encoding=UTF-8', TIME_FORMAT, ...selectionArgs(options),
    `--max-count=${excluded && query.limit !== undefined ? Math.min(MAX_TIMES, Math.max(limit, NEWEST_LOOKAHEAD)) : limit}`,
    ...(query.sinceSeconds === undefined ? [] : [`--since=@${Math.floor(query.sinceSeconds)}`]),
    '--end-of-options', options.ref, ...pathspecArgs(options.paths),
  ];
  const result = await gitRun(args, { cwd: root, signal: query.signal, context: { path: repoPath, ref: options.ref } });
  if (result.code !== 0) return undefined;
  const times: CommitTime[] = [];
  for (const record of result.stdout.split('\0')) {
    const [dates, name, email] = record.replace(/^\n/, '').split('\n');
    const [committer, author] = (dates ?? '').split(' ').map(Number);
    if (!Number.isFinite(committer) || !Number.isFinite(author)) continue;
    const time: CommitTime = { committerTime: committer!, authorTime: author!, author: { name: name ?? '', email: email ?? '' } };
    if (excluded?.({ author: time.author })) continue;
    times.push(time);
    if (times.length >= limit) break;
  }
  return times;
}
