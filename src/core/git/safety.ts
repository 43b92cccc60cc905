import { DigestError } from '../errors.js';

/**
 * `-c` overrides on every call: a repository's own config must never make a read run a program
 * (fsmonitor daemon, hooks, external diff, pager) or change what we parse (signatures, colour).
 */
export const SAFE_CONFIG: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'diff.external=',
  'core.pager=cat',
  'log.showSignature=false',
  'color.ui=false',
];

/**
 * Environment set on every call. GIT_NO_LAZY_FETCH keeps a partial clone from fetching (newer git honours it).
 * GIT_FLUSH=0: into a pipe, log and rev-list otherwise flush after every commit, so a 50k-commit walk reached Node
 * as ~24,000 chunks and took three times as long as git itself; buffered, it is ~600 chunks.
 */
export const SAFE_ENV: Readonly<Record<string, string>> = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
  GIT_OPTIONAL_LOCKS: '0',
  LC_ALL: 'C',
  GIT_NO_LAZY_FETCH: '1',
  GIT_FLUSH: '0',
};

/** Ambient variables that could redirect git (GIT_DIR, GIT_EXTERNAL_DIFF, GIT_CONFIG_COUNT, …) are dropped. */
const DROPPED_ENV = /^(GIT_|EDITOR$|VISUAL$|PAGER$|LESS)/i;

export function configArgs(): string[] {
  return SAFE_CONFIG.flatMap((entry) => ['-c', entry]);
}

export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!DROPPED_ENV.test(key)) env[key] = value;
  }
  return { ...env, ...SAFE_ENV };
}

/** Refuses refs git could read as an option, or that are not a single revision name. */
export function assertSafeRef(ref: string): void {
  if (ref === '' || ref.startsWith('-') || /[\0\n\r]/.test(ref) || ref.includes('..')) {
    throw new DigestError('unknown-ref', { ref });
  }
}

/** Refuses a SHA-ish argument that is not plain hex. */
export function assertObjectId(sha: string): void {
  if (!/^[0-9a-f]{4,64}$/i.test(sha)) throw new DigestError('unknown-ref', { ref: sha });
}
