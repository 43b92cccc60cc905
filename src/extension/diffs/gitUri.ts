// The query part of `daily-digest-git:` URIs, which name one file at one commit of one repository.
// Pure (no vscode): the content provider parses it, diffs.ts builds it, unit tests check the validation.
import { isAbsolute } from 'node:path';
import { isSafeRelativePath } from '../panel/webviewMessages.js';

export const GIT_SCHEME = 'daily-digest-git';

/** `sha: ''` names an empty document: the side of a diff where the file does not exist. */
export interface GitObjectRef {
  repo: string;
  sha: string;
  path: string;
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function encodeGitQuery(ref: GitObjectRef): string {
  return new URLSearchParams({ repo: ref.repo, sha: ref.sha, path: ref.path }).toString();
}

/** The reference, or undefined unless the query has exactly a repo (absolute), a full SHA (or '') and a safe path. */
export function parseGitQuery(query: string): GitObjectRef | undefined {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return undefined;
  }
  const keys = [...params.keys()];
  if (keys.length !== 3 || !['repo', 'sha', 'path'].every((key) => params.getAll(key).length === 1)) return undefined;
  const repo = params.get('repo') ?? '';
  const sha = params.get('sha') ?? '';
  const path = params.get('path') ?? '';
  if (repo === '' || !isAbsolute(repo) || repo.includes('\0')) return undefined;
  if (sha !== '' && !FULL_SHA.test(sha)) return undefined;
  if (!isSafeRelativePath(path)) return undefined;
  return { repo, sha, path };
}

/** True when the first 8000 bytes hold a NUL byte, git's own test for binary content. */
export function looksBinary(content: Uint8Array): boolean {
  const end = Math.min(content.length, 8000);
  for (let i = 0; i < end; i++) if (content[i] === 0) return true;
  return false;
}
