import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DigestError, isDigestError } from '../errors.js';
import { gitFailure } from './gitErrors.js';
import type { FailureContext } from './gitErrors.js';
import { childEnv, configArgs } from './safety.js';

// simple-git is not used on the read path any more. It cost a bundle-load share (~100 KB with `debug`) and a
// task queue per call for a handful of fixed, short commands, and it throws away stdout on a non-zero exit,
// which the merged repository probe (rev-parse … --verify) needs. Every command below is spawned directly,
// without a shell, with the same `-c` overrides and environment simple-git was given.

// 2.31: `--diff-merges=first-parent` (a merge's files against its first parent, in the detailed log and the diff stream).
export const MINIMUM_GIT_VERSION = '2.31';

export interface GitCall {
  /** Where git runs: the work tree root, a subfolder, or a bare repository. */
  cwd: string;
  signal?: AbortSignal;
  /** For error messages. */
  context?: Partial<FailureContext>;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Output above this is a bug for a short command: git is killed and the call fails. */
const MAX_SHORT_OUTPUT = 16 * 1024 * 1024;

/**
 * Runs a short command (small, bounded output) and returns stdout, stderr and the exit code, whatever the code.
 * Spawn failures (git missing), cancellation and oversized output throw.
 */
export async function gitRun(args: string[], call: GitCall & { input?: string }): Promise<GitResult> {
  await ensureGitVersion();
  return spawnShort(args, call);
}

/** Runs a short command; a non-zero exit becomes a DigestError. Returns stdout. */
export async function gitText(args: string[], call: GitCall): Promise<string> {
  const result = await gitRun(args, call);
  if (result.code !== 0) throw gitFailure(result.stderr || result.stdout, failureContext(call));
  return result.stdout;
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

type ChunkVerdict = 'stop' | void;

/**
 * Spawns git with the safety overrides and environment, no shell, stdin written then closed. An abort kills git
 * (cancelled). A handler that throws kills git and fails the run with what it threw; one that returns 'stop' kills
 * git and ends the run as stopped. Resolves with git's exit code otherwise.
 */
function spawnGit(
  args: string[],
  call: GitCall & { input?: string },
  onStdout: (chunk: Buffer) => ChunkVerdict,
  onStderr: (chunk: Buffer) => void,
): Promise<{ code: number; stopped: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...configArgs(), ...args], {
      cwd: call.cwd,
      env: childEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let stopped = false;
    let failed: unknown;
    const onAbort = (): void => {
      failed = new DigestError('cancelled');
      child.kill('SIGKILL');
    };
    call.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failed ??= spawnError(error, call);
    });
    const guarded = (handler: (chunk: Buffer) => ChunkVerdict) => (chunk: Buffer): void => {
      if (stopped || failed) return;
      try {
        if (handler(chunk) === 'stop') {
          stopped = true;
          child.kill('SIGKILL');
        }
      } catch (error) {
        failed = error;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', guarded(onStdout));
    child.stderr.on('data', guarded(onStderr));
    child.stdin.on('error', () => undefined);
    child.stdin.end(call.input ?? '');
    child.on('close', (code) => {
      call.signal?.removeEventListener('abort', onAbort);
      if (failed) return reject(failed);
      resolve({ code: code ?? 128, stopped });
    });
  });
}

async function spawnShort(args: string[], call: GitCall & { input?: string }): Promise<GitResult> {
  throwIfAborted(call.signal);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let bytes = 0;
  const collect = (into: Buffer[]) => (chunk: Buffer): void => {
    bytes += chunk.length;
    if (bytes > MAX_SHORT_OUTPUT) throw new DigestError('git-failed', { detail: `git ${args[0] ?? ''} printed more than expected` });
    into.push(chunk);
  };
  const { code } = await spawnGit(args, call, collect(stdout), collect(stderr));
  return { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code };
}

export interface StreamCall extends GitCall {
  /** Written to git's stdin, then closed. */
  input?: string;
  /** Receives stdout as it arrives; return 'stop' to kill git and finish without error. */
  onData: (chunk: Buffer) => ChunkVerdict;
}

/**
 * Runs a command with large output and hands stdout over chunk by chunk, so memory does not grow with the output
 * (history walks, detailed logs, diffs, blobs). Same config overrides and environment as gitRun, no shell.
 */
export async function gitStream(args: string[], call: StreamCall): Promise<{ stopped: boolean }> {
  await ensureGitVersion();
  throwIfAborted(call.signal);
  const stderr: Buffer[] = [];
  let stderrBytes = 0;
  const { code, stopped } = await spawnGit(args, call, call.onData, (chunk) => {
    if (stderrBytes < 64 * 1024) stderr.push(chunk);
    stderrBytes += chunk.length;
  });
  if (stopped || code === 0) return { stopped };
  throw gitFailure(Buffer.concat(stderr).toString('utf8'), failureContext(call));
}

let versionCheck: Promise<void> | undefined;
let installed: { major: number; minor: number } | undefined;

/** Whether the git found by ensureGitVersion is at least major.minor (false before the check has run). */
export function gitAtLeast(major: number, minor: number): boolean {
  return installed !== undefined && !isOlder(installed.major, installed.minor, `${major}.${minor}`);
}

/**
 * Checks once per process that git exists and is new enough (one `git --version`, ~3 ms). It runs before any
 * other git command, so a too-old git never sees the others.
 */
export function ensureGitVersion(): Promise<void> {
  versionCheck ??= readGitVersion().catch((error: unknown) => {
    versionCheck = undefined;
    throw error;
  });
  return versionCheck;
}

async function readGitVersion(): Promise<void> {
  const cwd = process.cwd();
  let result: GitResult;
  try {
    result = await spawnShort(['--version'], { cwd });
  } catch {
    throw gitMissing(cwd);
  }
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(result.stdout);
  if (result.code !== 0 || !match) throw gitMissing(cwd);
  const text = `${match[1]}.${match[2]}.${match[3] ?? '0'}`;
  if (isOlder(Number(match[1]), Number(match[2]), MINIMUM_GIT_VERSION)) {
    throw new DigestError('git-too-old', { version: text, minimum: MINIMUM_GIT_VERSION });
  }
  installed = { major: Number(match[1]), minor: Number(match[2]) };
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

/** A spawn failure: git missing from PATH, or the folder to run in is gone. */
function spawnError(error: NodeJS.ErrnoException, call: GitCall): DigestError | NodeJS.ErrnoException {
  if (error.code !== 'ENOENT') return error;
  // spawn reports a missing cwd as ENOENT too; that is not a missing git.
  if (!existsSync(call.cwd)) return new DigestError('not-a-repo', { path: call.context?.path ?? call.cwd });
  return gitMissing(call.cwd);
}
