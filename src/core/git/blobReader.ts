import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { DigestError } from '../errors.js';
import { locateRepositoryCached } from './repository.js';
import { ensureGitVersion, gitAtLeast } from './runner.js';
import { childEnv, configArgs } from './safety.js';

/**
 * Blobs read through one long-lived `git cat-file` per run: `<rev>:<path>` or an object id in, bytes out, in
 * order. With git 2.36+ (`--batch-command`) a blob's size is asked first and only blobs under the cap are sent;
 * with an older git (`--batch`) the bytes of a blob over the cap are counted past, never held. If git dies, every
 * read waiting and every later one fails with a one-line BlobReadError; nothing waits for ever. The process does
 * not keep Node alive while no read waits; close() ends it.
 */

export type BlobRead =
  | { status: 'ok'; id: string; size: number; bytes: Buffer; binary: boolean }
  | { status: 'missing'; spec: string }
  | { status: 'too-large'; id: string; size: number }
  | { status: 'not-blob'; id: string; type: string };

export type BlobReadErrorCode = 'closed' | 'git-exited' | 'bad-spec' | 'protocol';

export class BlobReadError extends Error {
  constructor(readonly code: BlobReadErrorCode, detail: string) {
    super(`blob reader ${code}: ${detail.replace(/\s*[\r\n]+\s*/g, ' ').trim().slice(0, 300)}`);
    this.name = 'BlobReadError';
  }
}

export interface BlobReaderOptions {
  /** The repository's git directory (RepoLocation.gitDir). */
  gitDir: string;
  /** Blobs larger than this are answered `too-large` without their bytes. Default 1 MiB. */
  maxBlobBytes?: number;
  signal?: AbortSignal;
  /** Force the `--batch` protocol (tests of the path older git takes). */
  legacyBatch?: boolean;
}

export const DEFAULT_MAX_BLOB_BYTES = 1024 * 1024;
/** Git's own binary test: a NUL byte in the first 8000 bytes. */
const BINARY_PROBE = 8000;
const MAX_HEADER = 4096;
const HEADER = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/;

type Step = 'info' | 'contents';

interface Pending {
  spec: string;
  step: Step;
  resolve: (read: BlobRead) => void;
  reject: (error: Error) => void;
}

type Body = { pending: Pending; id: string; size: number; remaining: number; parts: Buffer[] | undefined };

/** Text of a blob, or why it is not text: `binary` (a NUL byte) or `not-utf8`. A UTF-8 BOM is dropped. */
export function decodeBlobText(bytes: Buffer): { text: string } | { reason: 'binary' | 'not-utf8' } {
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { reason: 'binary' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { reason: 'not-utf8' };
  }
}

export class BlobReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Pending[] = [];
  private header: Buffer[] = [];
  private headerBytes = 0;
  private body: Body | undefined;
  /** The answer of a `--batch` blob whose bytes are being read past (over the cap, or not a blob). */
  private deferred: BlobRead | undefined;
  private failure: Error | undefined;
  private stderr = '';
  private readonly maxBlobBytes: number;
  private readonly useCommands: boolean;

  /** Opens a reader on the repository at (or above) `path`. */
  static async open(path: string, options: Omit<BlobReaderOptions, 'gitDir'> = {}): Promise<BlobReader> {
    const location = await locateRepositoryCached(path, options.signal);
    await ensureGitVersion();
    return new BlobReader({ ...options, gitDir: location.gitDir });
  }

  constructor(private readonly options: BlobReaderOptions) {
    this.maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
    this.useCommands = !options.legacyBatch && gitAtLeast(2, 36);
    if (options.signal?.aborted) this.failure = new DigestError('cancelled');
    options.signal?.addEventListener('abort', () => this.fail(new DigestError('cancelled')), { once: true });
  }

  /** One blob by `<rev>:<path>` or object id. Rejects with BlobReadError (or a cancelled DigestError). */
  read(spec: string): Promise<BlobRead> {
    if (this.failure) return Promise.reject(this.failure);
    if (spec === '' || /[\r\n\0]/.test(spec)) return Promise.reject(new BlobReadError('bad-spec', JSON.stringify(spec.slice(0, 80))));
    return new Promise<BlobRead>((resolve, reject) => {
      this.send({ spec, step: this.useCommands ? 'info' : 'contents', resolve, reject });
    });
  }

  /** Ends git; reads still waiting fail with `closed`. */
  close(): void {
    this.fail(new BlobReadError('closed', 'the reader was closed'));
  }

  private send(pending: Pending): void {
    const child = this.start();
    if (this.failure) return pending.reject(this.failure);
    this.queue.push(pending);
    if (this.queue.length === 1) this.setRef(true);
    const line = this.useCommands ? `${pending.step} ${pending.spec}\n` : `${pending.spec}\n`;
    child.stdin.write(line);
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const mode = this.useCommands ? '--batch-command' : '--batch';
    const child = spawn('git', [...configArgs(), '--git-dir', this.options.gitDir, 'cat-file', mode], {
      cwd: this.options.gitDir, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true,
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => this.fail(new BlobReadError('git-exited', error.message)));
    child.on('close', (code, signal) => {
      this.fail(new BlobReadError('git-exited', `git cat-file ended (${signal ?? code ?? '?'}) ${this.stderr}`));
    });
    this.setRef(false);
    return child;
  }

  /** Git keeps Node running only while a read waits for it. */
  private setRef(wanted: boolean): void {
    const child = this.child;
    if (!child) return;
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as Array<{ ref(): unknown; unref(): unknown }>) {
      if (wanted) handle.ref();
      else handle.unref();
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const waiting = this.queue.splice(0);
    this.body = undefined;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.stdin.end();
      child.kill('SIGKILL');
    }
    for (const pending of waiting) pending.reject(error);
  }

  private onData(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length && !this.failure) {
      if (this.body) {
        offset = this.readBody(chunk, offset);
        continue;
      }
      const newline = chunk.indexOf(10, offset);
      const end = newline === -1 ? chunk.length : newline;
      this.header.push(chunk.subarray(offset, end));
      this.headerBytes += end - offset;
      if (this.headerBytes > MAX_HEADER) return this.fail(new BlobReadError('protocol', 'header line too long'));
      if (newline === -1) return;
      offset = newline + 1;
      const line = Buffer.concat(this.header).toString('utf8');
      this.header = [];
      this.headerBytes = 0;
      this.onHeader(line);
    }
  }

  private onHeader(line: string): void {
    const pending = this.queue[0];
    if (!pending) return this.fail(new BlobReadError('protocol', `unexpected output: ${line.slice(0, 80)}`));
    const match = HEADER.exec(line);
    if (!match) {
      if (!/ (?:missing|ambiguous)$/.test(line)) return this.fail(new BlobReadError('protocol', line.slice(0, 120)));
      return this.answer({ status: 'missing', spec: pending.spec });
    }
    const [, id, type, sizeText] = match;
    const size = Number(sizeText);
    if (pending.step === 'info') {
      if (type !== 'blob') return this.answer({ status: 'not-blob', id, type });
      if (size > this.maxBlobBytes) return this.answer({ status: 'too-large', id, size });
      // The contents are asked for by id: the answer is that very blob, and it queues behind earlier asks.
      this.queue.shift();
      this.send({ ...pending, spec: id, step: 'contents' });
      return;
    }
    // The bytes follow, then a newline; kept only for a blob within the cap.
    const keep = type === 'blob' && size <= this.maxBlobBytes;
    this.body = { pending, id, size, remaining: size + 1, parts: keep ? [] : undefined };
    if (type !== 'blob') this.answerLater({ status: 'not-blob', id, type });
    else if (!keep) this.answerLater({ status: 'too-large', id, size });
  }

  /** For `--batch`: the answer is known from the header, the bytes still have to be read past. */
  private answerLater(read: BlobRead): void {
    const body = this.body;
    if (body) body.parts = undefined;
    this.deferred = read;
  }

  private readBody(chunk: Buffer, offset: number): number {
    const body = this.body;
    if (!body) return chunk.length;
    const take = Math.min(body.remaining, chunk.length - offset);
    body.parts?.push(chunk.subarray(offset, offset + take));
    body.remaining -= take;
    if (body.remaining > 0) return offset + take;
    this.body = undefined;
    const deferred = this.deferred;
    this.deferred = undefined;
    if (deferred) {
      this.answer(deferred);
    } else {
      const bytes = Buffer.concat(body.parts ?? []).subarray(0, body.size);
      const binary = bytes.subarray(0, BINARY_PROBE).includes(0);
      this.answer({ status: 'ok', id: body.id, size: body.size, bytes, binary });
    }
    return offset + take;
  }

  private answer(read: BlobRead): void {
    const pending = this.queue.shift();
    if (this.queue.length === 0) this.setRef(false);
    pending?.resolve(read);
  }
}
