import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDigestError } from '../errors.js';
import type { DigestError } from '../errors.js';
import type { Commit } from '../domain/commit.js';
import type { ReadOptions } from '../domain/options.js';
import type { ResolvedWindow } from '../time/window.js';
import type { WebKind, WebOverride } from '../domain/web.js';
import { authorExcluder, pathspecArgs, selectionArgs } from './filters.js';
import { DETAIL_FORMAT, PATCH_CONFIG_ARGS, PATCH_PREFIX_ARGS, detailArgs } from './logFormat.js';
import { LogParser } from './logParser.js';
import type { EmitParsed, PatchReads } from './logParser.js';
import type { ParsedCommit } from './parsedCommit.js';
import type { CapturedDiff } from './capturedDiff.js';
import { identifyRepository } from './remote.js';
import { originUrl, probeRepository } from './repository.js';
import type { RepoLocation } from './repository.js';
import { gitStream } from './runner.js';
import type { GitCall } from './runner.js';
import { openWalkIndex, selectCommits } from './walk.js';
import type { WalkSelection } from './walk.js';

export interface RepositoryRead {
  name: string;
  root: string;
  ref: string;
  webUrl?: string;
  webKind?: WebKind;
  commits: Commit[];
  /** ISO date of the oldest commit where history is cut, when a shallow clone's history ends at or after the window start. */
  shallowBoundary?: string;
}

export interface ReadContext {
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
  /**
   * A folder outside the repository for walk indexes (walkIndex.ts): the next run walks only the commits added
   * since. Without it every run walks the whole history. Shallow repositories are never indexed (deepening a
   * clone adds history behind the same tip).
   */
  walkIndexDir?: string;
  /**
   * Called with each commit of the result as soon as it has been read, before the read finishes, in no particular
   * order (the result's `commits` has the order). Every commit of the result is handed over exactly once; the
   * speculative log only prints commits the walk also selects, so nothing else is. Lets the analysis start early.
   */
  onCommit?: (commit: Commit, captured?: CapturedDiff) => void;
  /**
   * With onCommit: the detailed log prints patches too, and each commit's onCommit gets the sections patchReads
   * asked for (the engine's diff reads), so no second git process computes the same diffs. A commit whose sections
   * could not be kept that way (a rename or copy, too many files, an unreadable commit) comes without them.
   */
  patchReads?: PatchReads;
  /** Where the repository's web pages are, when the user said so (wins over the remote URL); per root or for all. */
  web?: WebOverride | ((root: string) => WebOverride | undefined);
}

/** The commit objects of SHAs given on stdin, without their files (DETAIL_FORMAT, no diff at all). */
const HEADER_ONLY_LOG = [
  'log', '--no-walk=unsorted', '--stdin', '-z', '--encoding=UTF-8', '--no-ext-diff', '--no-textconv', '--no-patch',
  DETAIL_FORMAT,
];

/** A merge's files against its first parent (git 2.31, the minimum: MINIMUM_GIT_VERSION). */
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
  const handedOver = new Set<string>();
  const excluded = authorExcluder(options.excludeAuthors);
  const emit: EmitParsed | undefined = ctx.onCommit && ((parsed, captured) => {
    if (handedOver.has(parsed.commit.sha) || excluded?.(parsed.commit)) return;
    handedOver.add(parsed.commit.sha);
    ctx.onCommit!(parsed.commit, captured);
  });
  const filters = selectionArgs(options);
  const pathspecs = pathspecArgs(options.paths);
  const patchReads = emit && ctx.patchReads;
  const detail: DetailLog = {
    config: patchReads ? [...PATCH_CONFIG_ARGS] : [],
    args: [
      ...detailArgs(FIRST_PARENT_DIFF), ...(patchReads ? ['--patch', ...PATCH_PREFIX_ARGS] : []),
      ...(pathspecs.length > 0 ? ['--full-diff'] : []),
    ],
    patchReads,
  };

  const selection: WalkSelection = { tip, window, dateField: options.dateField, filterArgs: filters, pathspecs };
  const opened = ctx.walkIndexDir && !location.shallow
    ? await openWalkIndex(selection, { dir: ctx.walkIndexDir, gitDir: location.gitDir, ref: options.ref })
    : undefined;

  ctx.onProgress?.(`Walking history of ${path}`);
  // A missing blob or tree stops this log at one commit; what it printed before is kept and the rest is read below.
  // With a walk index the walk is short, so the speculative log would only compete with it for the CPU.
  const speculative = options.dateField === 'committer' && !opened?.index
    ? readDetailsPartly(
      [...detail.config, 'log', ...detail.args, ...filters, `--since=@${Math.ceil(window.startMs / 1000)}`,
        `--until=@${Math.ceil(window.endMs / 1000) - 1}`, '--end-of-options', tip, ...pathspecs],
      call,
      { emit, patchReads: detail.patchReads },
    ).then((partial) => partial.commits)
    : undefined;
  // Keep a rejection of the speculative read from going unhandled while the walk is still running.
  speculative?.catch(() => undefined);
  const selected = await selectCommits(selection, call, opened);
  const web = typeof ctx.web === 'function' ? ctx.web(location.root) : ctx.web;
  const identity = identifyRepository(await remote, location.root, web);
  const found = (await speculative) ?? new Map<string, ParsedCommit>();
  const missing = selected.filter((s) => !found.has(s.sha)).map((s) => s.sha);
  if (missing.length > 0) {
    ctx.onProgress?.(`Reading ${missing.length} commits of ${identity.name}`);
    const extra = await readSelected(missing, detail, call, emit);
    for (const [sha, parsed] of extra) found.set(sha, parsed);
  }

  const commits: Commit[] = [];
  for (const { sha } of selected) {
    const parsed = found.get(sha);
    if (!parsed || excluded?.(parsed.commit)) continue;
    if (identity.commitUrl) parsed.commit.url = identity.commitUrl(sha);
    commits.push(parsed.commit);
  }
  const read: RepositoryRead = { name: identity.name, root: location.root, ref: options.ref, commits };
  if (identity.webUrl) read.webUrl = identity.webUrl;
  if (identity.webKind) read.webKind = identity.webKind;
  if (location.shallow) {
    const boundary = await shallowBoundary(location, window, options, call);
    if (boundary) read.shallowBoundary = boundary;
  }
  await opened?.saving;
  return read;
}

/** The detailed log's arguments: `-c` settings before `log`, flags after it, and what to keep of patches. */
interface DetailLog {
  config: string[];
  args: string[];
  patchReads: PatchReads | undefined;
}

async function readDetails(args: string[], call: GitCall & { input?: string }): Promise<Map<string, ParsedCommit>> {
  const commits = new Map<string, ParsedCommit>();
  const parser = new LogParser((parsed) => commits.set(parsed.commit.sha, parsed));
  await gitStream(args, { ...call, onData: (chunk) => parser.push(chunk) });
  parser.end();
  return commits;
}

/** Who gets each parsed commit as it comes (with its captured sections), and what patchReads keeps. */
interface PartlyOptions {
  emit?: EmitParsed;
  patchReads?: PatchReads;
}

/**
 * Like readDetails, but a missing-objects failure is returned with the commits printed completely before it
 * (the parser emits a commit only when the next one starts, so the one git died on is never emitted half-read).
 * Captured sections go to `emit` only: the map keeps no patch bytes alive.
 */
async function readDetailsPartly(
  args: string[],
  call: GitCall & { input?: string },
  options: PartlyOptions = {},
): Promise<{ commits: Map<string, ParsedCommit>; missingObjects?: DigestError }> {
  const commits = new Map<string, ParsedCommit>();
  const parser = new LogParser((parsed, captured) => {
    commits.set(parsed.commit.sha, parsed);
    options.emit?.(parsed, captured);
  }, options.patchReads);
  try {
    await gitStream(args, { ...call, onData: (chunk) => parser.push(chunk) });
  } catch (error) {
    if (isDigestError(error) && error.code === 'missing-objects') return { commits, missingObjects: error };
    throw error;
  }
  parser.end();
  return { commits };
}

/**
 * The detailed log of `shas`, in one `--no-walk --stdin` process when every object is there. When a blob or tree
 * is missing, git dies at the commit that needs it, after printing the ones before it (in input order): the first
 * commit not printed is read alone; if that fails too, its commit object is read without the file list and it is
 * marked `unreadable`, and the batch goes on after it. So a broken commit costs two or three more processes, every
 * readable commit keeps its files, and correctness does not depend on where git stopped. A missing commit object
 * still fails the whole read (nothing can be said about that commit).
 */
async function readSelected(
  shas: string[],
  detail: DetailLog,
  call: GitCall,
  emit?: EmitParsed,
): Promise<Map<string, ParsedCommit>> {
  const found = new Map<string, ParsedCommit>();
  const batchArgs = [...detail.config, 'log', '--no-walk=unsorted', '--stdin', ...detail.args];
  const partly: PartlyOptions = { emit, patchReads: detail.patchReads };
  let queue = shas;
  while (queue.length > 0) {
    const batch = await readDetailsPartly(batchArgs, { ...call, input: `${queue.join('\n')}\n` }, partly);
    for (const [sha, parsed] of batch.commits) found.set(sha, parsed);
    const rest = queue.filter((sha) => !found.has(sha));
    if (!batch.missingObjects || rest.length === 0) break;
    const [suspect, ...after] = rest as [string, ...string[]];
    let failure = batch.missingObjects;
    if (queue.length > 1) {
      const alone = await readDetailsPartly(batchArgs, { ...call, input: `${suspect}\n` }, partly);
      const parsed = alone.commits.get(suspect);
      if (parsed) found.set(suspect, parsed);
      if (alone.missingObjects) failure = alone.missingObjects;
    }
    if (!found.has(suspect)) {
      const withoutFiles = await readWithoutFiles(suspect, failure, call);
      found.set(suspect, withoutFiles);
      emit?.(withoutFiles);
    }
    queue = after;
  }
  return found;
}

/** The commit object alone (`--no-patch`), marked unreadable; a failure here means the commit object is missing. */
async function readWithoutFiles(sha: string, failure: DigestError, call: GitCall): Promise<ParsedCommit> {
  let parsed: ParsedCommit | undefined;
  try {
    const header = await readDetails(HEADER_ONLY_LOG, { ...call, input: `${sha}\n` });
    parsed = header.get(sha);
  } catch (error) {
    if (isDigestError(error) && error.code === 'cancelled') throw error;
    throw failure;
  }
  if (!parsed) throw failure;
  parsed.commit.files = [];
  parsed.commit.unreadable = failure.params.detail || failure.message;
  return parsed;
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
  const parsed = await readDetails(HEADER_ONLY_LOG, { ...call, input: `${grafts.join('\n')}\n` });
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
