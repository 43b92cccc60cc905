import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Commit } from '../model/commit.js';
import type { ReadOptions } from '../model/options.js';
import type { ResolvedWindow } from '../time/window.js';
import { pathspecArgs, selectionArgs } from './filters.js';
import { detailArgs } from './logFormat.js';
import { LogParser } from './logParser.js';
import type { ParsedCommit } from './logParser.js';
import { identifyRepository } from './remote.js';
import { originUrl, probeRepository } from './repository.js';
import type { RepoLocation } from './repository.js';
import { gitStream } from './runner.js';
import type { GitCall } from './runner.js';
import { selectCommits } from './walk.js';

export interface RepositoryRead {
  name: string;
  root: string;
  ref: string;
  webUrl?: string;
  commits: Commit[];
  /** ISO date of the oldest commit where history is cut, when a shallow clone's history ends at or after the window start. */
  shallowBoundary?: string;
}

export interface ReadContext {
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
}

/** `-m --first-parent` is what git < 2.31 understands; newer git spells it `--diff-merges=first-parent`. */
const FIRST_PARENT_DIFF = ['--diff-merges=first-parent'];

/**
 * Reads exactly the commits reachable from `options.ref` whose chosen date is in the window, newest first.
 * Two steps: a cheap walk of the whole history selects SHAs by date (exact even when dates are out of order),
 * then one detailed log prints only those. For the committer date, the detailed log of git's own
 * `--since/--until` runs alongside the walk, and only SHAs it missed are fetched afterwards.
 */
export async function readRepository(
  path: string,
  window: ResolvedWindow,
  options: ReadOptions,
  ctx: ReadContext = {},
): Promise<RepositoryRead> {
  const { signal } = ctx;
  // Two short processes, side by side: the merged rev-parse probe and the origin URL (only for naming and links).
  const remote = originUrl(path, signal);
  remote.catch(() => undefined);
  const { location, tip } = await probeRepository(path, options.ref, signal);
  const call: GitCall = { cwd: location.root, signal, context: { path, ref: options.ref } };
  const filters = selectionArgs(options);
  const pathspecs = pathspecArgs(options.paths);
  const detail = [...detailArgs(FIRST_PARENT_DIFF), ...(pathspecs.length > 0 ? ['--full-diff'] : [])];

  ctx.onProgress?.(`Walking history of ${path}`);
  const speculative = options.dateField === 'committer'
    ? readDetails(
      ['log', ...detail, ...filters, `--since=@${Math.ceil(window.startMs / 1000)}`,
        `--until=@${Math.ceil(window.endMs / 1000) - 1}`, '--end-of-options', tip, ...pathspecs],
      call,
    )
    : undefined;
  // Keep a rejection of the speculative read from going unhandled while the walk is still running.
  speculative?.catch(() => undefined);
  const selected = await selectCommits(tip, window, options.dateField, filters, pathspecs, call);
  const identity = identifyRepository(await remote, location.root);
  const found = (await speculative) ?? new Map<string, ParsedCommit>();
  const missing = selected.filter((s) => !found.has(s.sha)).map((s) => s.sha);
  if (missing.length > 0) {
    ctx.onProgress?.(`Reading ${missing.length} commits of ${identity.name}`);
    const extra = await readDetails(['log', '--no-walk=unsorted', '--stdin', ...detail], { ...call, input: `${missing.join('\n')}\n` });
    for (const [sha, parsed] of extra) found.set(sha, parsed);
  }

  const commits: Commit[] = [];
  for (const { sha } of selected) {
    const parsed = found.get(sha);
    if (!parsed) continue;
    if (identity.commitUrl) parsed.commit.url = identity.commitUrl(sha);
    commits.push(parsed.commit);
  }
  const read: RepositoryRead = { name: identity.name, root: location.root, ref: options.ref, commits };
  if (identity.webUrl) read.webUrl = identity.webUrl;
  if (location.shallow) {
    const boundary = await shallowBoundary(location, window, options, call);
    if (boundary) read.shallowBoundary = boundary;
  }
  return read;
}

async function readDetails(args: string[], call: GitCall & { input?: string }): Promise<Map<string, ParsedCommit>> {
  const commits = new Map<string, ParsedCommit>();
  const parser = new LogParser((parsed) => commits.set(parsed.commit.sha, parsed));
  await gitStream(args, { ...call, onData: (chunk) => parser.push(chunk) });
  parser.end();
  return commits;
}

/** The oldest graft point whose chosen date is at or after the window start: history before it is missing. */
async function shallowBoundary(
  location: RepoLocation,
  window: ResolvedWindow,
  options: ReadOptions,
  call: GitCall,
): Promise<string | undefined> {
  let grafts: string[];
  try {
    grafts = readFileSync(join(location.gitDir, 'shallow'), 'utf8').split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l));
  } catch {
    return undefined;
  }
  if (grafts.length === 0) return undefined;
  const parsed = await readDetails(
    ['log', '--no-walk=unsorted', '--stdin', '-z', '--encoding=UTF-8', '--no-ext-diff', '--no-textconv',
      '--no-patch', detailArgs([]).at(-1) ?? ''],
    { ...call, input: `${grafts.join('\n')}\n` },
  );
  let oldest: ParsedCommit | undefined;
  for (const graft of parsed.values()) {
    const time = options.dateField === 'author' ? graft.authorTime : graft.committerTime;
    if (time * 1000 < window.startMs) continue;
    const oldestTime = oldest && (options.dateField === 'author' ? oldest.authorTime : oldest.committerTime);
    if (oldestTime === undefined || time < oldestTime) oldest = graft;
  }
  if (!oldest) return undefined;
  return options.dateField === 'author' ? oldest.commit.author.date : oldest.commit.committer.date;
}
