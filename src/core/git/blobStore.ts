import { resolve } from 'node:path';
import { DigestError } from '../errors.js';
import { BlobReader, BlobReadError, type BlobRead } from './blobReader.js';
import { assertObjectId } from './safety.js';

/**
 * Files at commits for the diff editors: one long-lived `git cat-file` (BlobReader) per repository serves every side
 * of every file, instead of git processes per side, and the bytes are kept per `<commit>:<path>` (immutable, since
 * the commit is a full id) in a cache bounded by bytes. A reader idle for `idleMs` is closed; one that failed is
 * replaced at the next read.
 */

export type FileAtCommit =
  | { status: 'ok'; bytes: Buffer }
  /** The path does not exist at that commit (or is not a file there). */
  | { status: 'absent' }
  | { status: 'too-large'; size: number };

export interface BlobStoreOptions {
  /** Close a repository's reader after this long without reads. Default 60 s. */
  idleMs?: number;
  /** Bytes of file contents kept in memory, least recently used dropped first. Default 64 MiB. */
  maxCacheBytes?: number;
  /** Files larger than this are answered `too-large`. Default 20 MiB. */
  maxBlobBytes?: number;
}

interface OpenReader {
  reader: Promise<BlobReader>;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Reads in flight: the idle timer never closes a reader that is answering one. */
  reading: number;
}

export class BlobStore {
  private readonly readers = new Map<string, OpenReader>();
  private readonly cache = new Map<string, FileAtCommit>();
  private cachedBytes = 0;
  private readonly idleMs: number;
  private readonly maxCacheBytes: number;
  private readonly maxBlobBytes: number;

  constructor(options: BlobStoreOptions = {}) {
    this.idleMs = options.idleMs ?? 60_000;
    this.maxCacheBytes = options.maxCacheBytes ?? 64 * 1024 * 1024;
    this.maxBlobBytes = options.maxBlobBytes ?? 20 * 1024 * 1024;
  }

  /**
   * The file `path` at commit `sha` of the repository at `repoPath`. Throws DigestError `unknown-ref` when the
   * commit is not in the repository, and a one-line error when git cannot be run.
   */
  async fileAtCommit(repoPath: string, sha: string, path: string): Promise<FileAtCommit> {
    assertObjectId(sha);
    const relative = path.replace(/\\/g, '/').replace(/^\.?\/+/, '');
    const repo = resolve(repoPath);
    const key = `${repo}\0${sha}:${relative}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const read = await this.read(repo, `${sha}:${relative}`);
    let result: FileAtCommit;
    if (read.status === 'ok') result = { status: 'ok', bytes: read.bytes };
    else if (read.status === 'too-large') result = { status: 'too-large', size: read.size };
    else if (read.status === 'not-blob') result = { status: 'absent' };
    else {
      // Missing: the path, or the commit itself?
      const commit = await this.read(repo, sha);
      if (commit.status === 'missing') throw new DigestError('unknown-ref', { ref: sha });
      result = { status: 'absent' };
    }
    this.remember(key, result);
    return result;
  }

  /** Ends every reader and forgets the cache. */
  close(): void {
    for (const [repo] of this.readers) this.closeReader(repo);
    this.cache.clear();
    this.cachedBytes = 0;
  }

  private async read(repo: string, spec: string): Promise<BlobRead> {
    for (let attempt = 0; ; attempt++) {
      const open = this.openReader(repo);
      open.reading += 1;
      try {
        return await (await open.reader).read(spec);
      } catch (error) {
        // A reader whose git died is replaced once; a bad spec is the caller's.
        if (!(error instanceof BlobReadError) || error.code === 'bad-spec' || attempt > 0) throw error;
        this.closeReader(repo);
      } finally {
        open.reading -= 1;
      }
    }
  }

  private openReader(repo: string): OpenReader {
    let open = this.readers.get(repo);
    if (open === undefined) {
      const reader = BlobReader.open(repo, { maxBlobBytes: this.maxBlobBytes });
      open = { reader, timer: undefined, reading: 0 };
      this.readers.set(repo, open);
      reader.catch(() => {
        if (this.readers.get(repo)?.reader === reader) this.readers.delete(repo);
      });
    }
    if (open.timer !== undefined) clearTimeout(open.timer);
    this.armIdleTimer(repo, open);
    return open;
  }

  private armIdleTimer(repo: string, open: OpenReader): void {
    open.timer = setTimeout(() => {
      if (open.reading > 0) this.armIdleTimer(repo, open);
      else if (this.readers.get(repo) === open) this.closeReader(repo);
    }, this.idleMs);
    open.timer.unref?.();
  }

  private closeReader(repo: string): void {
    const open = this.readers.get(repo);
    if (open === undefined) return;
    this.readers.delete(repo);
    if (open.timer !== undefined) clearTimeout(open.timer);
    open.reader.then((reader) => reader.close(), () => undefined);
  }

  private remember(key: string, result: FileAtCommit): void {
    const size = result.status === 'ok' ? result.bytes.length : 0;
    if (size > this.maxCacheBytes / 4) return;
    this.cache.set(key, result);
    this.cachedBytes += size;
    for (const [oldest, entry] of this.cache) {
      if (this.cachedBytes <= this.maxCacheBytes) break;
      this.cache.delete(oldest);
      this.cachedBytes -= entry.status === 'ok' ? entry.bytes.length : 0;
    }
  }
}
