import { spawn } from 'node:child_process';
import { simpleGit } from 'simple-git';
import type { SimpleGit } from 'simple-git';
import { DigestError, isDigestError } from '../errors.js';
import { gitFailure } from './gitErrors.js';
import type { FailureContext } from './gitErrors.js';
import { SAFE_CONFIG, SAFE_ENV, childEnv, configArgs } from './safety.js';

export const MINIMUM_GIT_VERSION = '2.30';

export interface GitCall {
  /** Where git runs: the work tree root, a subfolder, or a bare repository. */
  cwd: string;
  signal?: AbortSignal;
  /** For error messages. */
  context?: Partial<FailureContext>;
}

/**
 * Runs a short command (small, bounded output) through simple-git, which spawns git without a shell.
 * Returns stdout; a non-zero exit becomes a DigestError.
 */
export async function gitText(args: string[], call: GitCall): Promise<string> {
  await ensureGitVersion();
  throwIfAborted(call.signal);
  try {
    return await safeSimpleGit(call.cwd, call.signal).raw(args);
  } catch (error) {
    throw toDigestError(error, call);
  }
}

/** Like gitText, but a failing command yields undefined (for probes such as `config --get`). */
export async function gitTextOrUndefined(args: string[], call: GitCall): Promise<string | undefined> {
  try {
    return await gitText(args, call);
  } catch (error) {
    if (isDigestError(error) && (error.code === 'cancelled' || error.code === 'git-missing')) throw error;
    return undefined;
  }
}

export interface StreamCall extends GitCall {
  /** Written to git's stdin, then closed. */
  input?: string;
  /** Receives stdout as it arrives; return 'stop' to kill git and finish without error. */
  onData: (chunk: Buffer) => 'stop' | void;
}

/**
 * Runs a command with large output and hands stdout over chunk by chunk, so memory does not grow with the output.
 * simple-git buffers every stdout chunk until exit, so unbounded outputs (history walks, diffs) are spawned here
 * with the same arguments, config overrides and environment — still without a shell.
 */
export async function gitStream(args: string[], call: StreamCall): Promise<{ stopped: boolean }> {
  await ensureGitVersion();
  throwIfAborted(call.signal);
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...configArgs(), ...args], {
      cwd: call.cwd,
      env: childEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let stopped = false;
    let failed: unknown;
    const stderr: Buffer[] = [];
    let stderrBytes = 0;
    const onAbort = (): void => {
      failed = new DigestError('cancelled');
      child.kill('SIGKILL');
    };
    call.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failed = error.code === 'ENOENT' ? gitMissing(call.cwd) : error;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (stopped || failed) return;
      let verdict: 'stop' | void;
      try {
        verdict = call.onData(chunk);
      } catch (error) {
        failed = error;
        child.kill('SIGKILL');
        return;
      }
      if (verdict === 'stop') {
        stopped = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes < 64 * 1024) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(call.input ?? '');
    child.on('close', (code) => {
      call.signal?.removeEventListener('abort', onAbort);
      if (failed) return reject(failed);
      if (stopped || code === 0) return resolve({ stopped });
      reject(gitFailure(Buffer.concat(stderr).toString('utf8'), failureContext(call)));
    });
  });
}

function safeSimpleGit(baseDir: string, signal?: AbortSignal): SimpleGit {
  return simpleGit({
    baseDir,
    config: [...SAFE_CONFIG],
    abort: signal,
    trimmed: false,
    // Our overrides set these to harmless values; simple-git's guard would otherwise refuse them.
    unsafe: { allowUnsafeHooksPath: true, allowUnsafeDiffExternal: true, allowUnsafePager: true, allowUnsafeFsMonitor: true },
    allowEnvironment: Object.keys(SAFE_ENV),
  }).env(childEnv());
}

let versionCheck: Promise<void> | undefined;

/** Checks once per process that git exists and is new enough. */
export function ensureGitVersion(): Promise<void> {
  versionCheck ??= readGitVersion().catch((error: unknown) => {
    versionCheck = undefined;
    throw error;
  });
  return versionCheck;
}

async function readGitVersion(): Promise<void> {
  const version = await safeSimpleGit(process.cwd()).version().catch(() => undefined);
  if (!version || !version.installed) throw gitMissing(process.cwd());
  const text = `${version.major}.${version.minor}.${version.patch}`;
  if (isOlder(Number(version.major), Number(version.minor), MINIMUM_GIT_VERSION)) {
    throw new DigestError('git-too-old', { version: text, minimum: MINIMUM_GIT_VERSION });
  }
}

export function isOlder(major: number, minor: number, minimum: string): boolean {
  const [wantMajor, wantMinor] = minimum.split('.').map(Number);
  return major < wantMajor || (major === wantMajor && minor < wantMinor);
}

function gitMissing(_cwd: string): DigestError {
  return new DigestError('git-missing');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DigestError('cancelled');
}

function failureContext(call: GitCall): FailureContext {
  return { path: call.context?.path ?? call.cwd, ref: call.context?.ref };
}

function toDigestError(error: unknown, call: GitCall): DigestError {
  if (isDigestError(error)) return error;
  if (call.signal?.aborted) return new DigestError('cancelled');
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT/.test(message) && /spawn/.test(message)) return gitMissing(call.cwd);
  if (/Cannot use simple-git on a directory that does not exist/.test(message)) {
    return new DigestError('not-a-repo', { path: call.context?.path ?? call.cwd });
  }
  return gitFailure(message, failureContext(call));
}
