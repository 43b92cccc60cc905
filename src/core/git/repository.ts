import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DigestError } from '../errors.js';
import { gitFailure } from './gitErrors.js';
import { REMOTE_CONFIG_PATTERN, originFromConfig } from './hosting/webLinks.js';
import { assertSafeRef } from './safety.js';
import { gitRun, gitText, gitTextOrUndefined } from './runner.js';

/** Where a repository lives, from any folder inside its work tree or a bare repository. */
export interface RepoLocation {
  /** Work tree root, or the git directory of a bare repository. */
  root: string;
  gitDir: string;
  bare: boolean;
  shallow: boolean;
}

const LOCATION_FLAGS = ['--absolute-git-dir', '--is-bare-repository', '--is-shallow-repository'];

/**
 * Where the repository is and which commit `ref` names, in one `git rev-parse` for a work tree
 * (`--show-toplevel` fails in a bare repository, which then takes a second rev-parse without it).
 * rev-parse prints the location lines as it meets the flags and the `--verify` SHA last, so a ref that does
 * not resolve still leaves the location to tell an empty repository from an unknown ref.
 */
export async function probeRepository(
  path: string,
  ref: string,
  signal?: AbortSignal,
): Promise<{ location: RepoLocation; tip: string }> {
  assertSafeRef(ref);
  const folder = existingFolder(path);
  const call = { cwd: folder, signal, context: { path, ref } };
  const verify = ['--verify', '--quiet', '--end-of-options', `${ref}^{commit}`];
  // A folder that looks like a bare repository is asked without --show-toplevel first; a wrong guess costs a retry.
  const looksBare = !existsSync(join(folder, '.git')) && existsSync(join(folder, 'HEAD')) && existsSync(join(folder, 'objects'));
  let result = await gitRun(['rev-parse', ...LOCATION_FLAGS, ...(looksBare ? [] : ['--show-toplevel']), ...verify], call);
  let lines = result.stdout.split('\n');
  if (looksBare && lines[1] === 'false') {
    result = await gitRun(['rev-parse', ...LOCATION_FLAGS, '--show-toplevel', ...verify], call);
    lines = result.stdout.split('\n');
  }
  let location: RepoLocation;
  if (lines[1] === 'true') {
    if (!looksBare) {
      // A bare repository: no work tree, so no --show-toplevel.
      result = await gitRun(['rev-parse', ...LOCATION_FLAGS, ...verify], call);
      lines = result.stdout.split('\n');
    }
    if (!lines[0] || (result.code !== 0 && result.code !== 1)) throw probeFailure(result.stderr, path);
    location = { root: lines[0], gitDir: lines[0], bare: true, shallow: lines[2] === 'true' };
    lines = ['', ...lines];
  } else {
    if (!lines[0] || !lines[3] || (result.code !== 0 && result.code !== 1)) throw probeFailure(result.stderr, path);
    location = { root: lines[3], gitDir: lines[0], bare: false, shallow: lines[2] === 'true' };
  }
  remember(path, location);
  const sha = lines[4]?.trim();
  if (result.code === 0 && sha && /^[0-9a-f]{40,64}$/.test(sha)) return { location, tip: sha };
  return { location, tip: await resolveCommit(location, ref, signal) };
}

export async function locateRepository(path: string, signal?: AbortSignal): Promise<RepoLocation> {
  const folder = existingFolder(path);
  const call = { cwd: folder, signal, context: { path } };
  const [gitDir, bare, shallow] = (await gitText(['rev-parse', ...LOCATION_FLAGS], call)).split('\n');
  if (!gitDir) throw new DigestError('not-a-repo', { path });
  const isBare = bare === 'true';
  const root = isBare ? gitDir : (await gitText(['rev-parse', '--show-toplevel'], call)).replace(/\n$/, '');
  if (!root) throw new DigestError('not-a-repo', { path });
  const location = { root, gitDir, bare: isBare, shallow: shallow === 'true' };
  remember(path, location);
  return location;
}

/** How long a located repository is reused by the per-commit readers (diff, file) without asking git again. */
const LOCATION_TTL_MS = 30_000;
const located = new Map<string, { at: number; location: RepoLocation }>();

function remember(path: string, location: RepoLocation): void {
  const entry = { at: Date.now(), location };
  located.set(resolve(path), entry);
  located.set(location.root, entry);
}

/**
 * locateRepository for the per-commit readers: the analysis reads one diff per commit of a repository that
 * readRepository has just located, and asking git again each time cost two processes per commit. An entry
 * is reused for LOCATION_TTL_MS while its root still exists; otherwise git is asked again.
 */
export async function locateRepositoryCached(path: string, signal?: AbortSignal): Promise<RepoLocation> {
  const entry = located.get(resolve(path));
  if (entry && Date.now() - entry.at < LOCATION_TTL_MS && existsSync(entry.location.gitDir)) return entry.location;
  return locateRepository(path, signal);
}

/** Resolves a user ref to a commit SHA; an unborn HEAD is an empty repository. */
export async function resolveCommit(location: RepoLocation, ref: string, signal?: AbortSignal): Promise<string> {
  assertSafeRef(ref);
  const call = { cwd: location.root, signal, context: { path: location.root, ref } };
  const sha = await gitTextOrUndefined(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], call);
  if (sha && /^[0-9a-f]{40,64}$/.test(sha.trim())) return sha.trim();
  const anyCommit = await gitTextOrUndefined(['rev-list', '-n', '1', '--all'], call);
  if (!anyCommit || anyCommit.trim() === '') throw new DigestError('empty-repo', { path: location.root });
  if (ref === 'HEAD') {
    // An orphan checkout (`git checkout --orphan`): HEAD names a branch that has no commit yet.
    const branch = (await gitTextOrUndefined(['symbolic-ref', '-q', '--short', 'HEAD'], call))?.trim();
    if (branch) throw new DigestError('unborn-branch', { branch });
  }
  throw new DigestError('unknown-ref', { ref });
}

/** The `origin` remote's URL as git fetches it: with the `url.<base>.insteadOf` rewrites applied. */
export async function originUrl(path: string, signal?: AbortSignal): Promise<string | undefined> {
  const config = await gitTextOrUndefined(['config', '--get-regexp', REMOTE_CONFIG_PATTERN], { cwd: existingFolder(path), signal });
  return config === undefined ? undefined : originFromConfig(config);
}

function existingFolder(path: string): string {
  const folder = resolve(path);
  if (!existsSync(folder)) throw new DigestError('no-such-path', { path });
  if (!statSync(folder).isDirectory()) throw new DigestError('not-a-repo', { path });
  return folder;
}

function probeFailure(stderr: string, path: string): DigestError {
  const failure = gitFailure(stderr, { path });
  return failure.code === 'git-failed' && stderr.trim() === '' ? new DigestError('not-a-repo', { path }) : failure;
}
