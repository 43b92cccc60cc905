import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DigestError } from '../errors.js';
import { assertSafeRef } from './safety.js';
import { gitText, gitTextOrUndefined } from './runner.js';

/** Where a repository lives, from any folder inside its work tree or a bare repository. */
export interface RepoLocation {
  /** Work tree root, or the git directory of a bare repository. */
  root: string;
  gitDir: string;
  bare: boolean;
  shallow: boolean;
}

export async function locateRepository(path: string, signal?: AbortSignal): Promise<RepoLocation> {
  const folder = resolve(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new DigestError('not-a-repo', { path });
  const call = { cwd: folder, signal, context: { path } };
  const [gitDir, bare, shallow] = (
    await gitText(['rev-parse', '--absolute-git-dir', '--is-bare-repository', '--is-shallow-repository'], call)
  ).split('\n');
  if (!gitDir) throw new DigestError('not-a-repo', { path });
  const isBare = bare === 'true';
  const root = isBare ? gitDir : (await gitText(['rev-parse', '--show-toplevel'], call)).replace(/\n$/, '');
  if (!root) throw new DigestError('not-a-repo', { path });
  return { root, gitDir, bare: isBare, shallow: shallow === 'true' };
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

export async function originUrl(location: RepoLocation, signal?: AbortSignal): Promise<string | undefined> {
  const url = await gitTextOrUndefined(['config', '--get', 'remote.origin.url'], { cwd: location.root, signal });
  return url?.trim() || undefined;
}
