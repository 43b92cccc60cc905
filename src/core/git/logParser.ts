import type { Commit, FileChange, FileStatus } from '../model/commit.js';
import { DETAIL_FIELDS } from './logFormat.js';
import { parseMessage } from './message.js';

/** Files kept per commit; the rest are only counted, so a 20,000-file commit stays small. */
export const MAX_FILES_PER_COMMIT = 5000;

const NUL = 0;
const STATUSES = new Set<FileStatus>(['A', 'M', 'D', 'R', 'C', 'T']);
const NUMSTAT = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/;

/** A parsed commit plus the epoch seconds of both dates, for window checks and sorting. */
export interface ParsedCommit {
  commit: Commit;
  authorTime: number;
  committerTime: number;
}

type State =
  | { kind: 'header'; fields: string[] }
  | { kind: 'entries' }
  | { kind: 'rawPaths'; status: FileStatus; wanted: number; paths: string[] }
  | { kind: 'numstatPaths'; additions: number; deletions: number; binary: boolean; paths: string[] };

interface Pending {
  fields: string[];
  files: FileChange[];
  rawCount: number;
  numstatCount: number;
  additions: number;
  deletions: number;
}

/**
 * Incremental parser for `git log -z --raw --numstat` with DETAIL_FORMAT. Feed it stdout chunks; it emits each
 * commit when the next one starts (or at end). Raw and numstat entries come in the same order, so the n-th
 * numstat entry belongs to the n-th raw entry.
 */
export class LogParser {
  private carry: Buffer = Buffer.alloc(0);
  private state: State = { kind: 'entries' };
  private pending: Pending | undefined;

  constructor(private readonly emit: (parsed: ParsedCommit) => void) {}

  push(chunk: Buffer): void {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(NUL, start); end !== -1; end = data.indexOf(NUL, start)) {
      this.token(data.toString('utf8', start, end));
      start = end + 1;
    }
    this.carry = start < data.length ? Buffer.from(data.subarray(start)) : Buffer.alloc(0);
  }

  end(): void {
    if (this.carry.length > 0) this.token(this.carry.toString('utf8'));
    this.carry = Buffer.alloc(0);
    this.flush();
  }

  private token(token: string): void {
    const state = this.state;
    switch (state.kind) {
      case 'header':
        state.fields.push(token);
        if (state.fields.length === DETAIL_FIELDS.length) {
          this.pending = { fields: state.fields, files: [], rawCount: 0, numstatCount: 0, additions: 0, deletions: 0 };
          this.state = { kind: 'entries' };
        }
        return;
      case 'rawPaths':
        state.paths.push(token);
        if (state.paths.length === state.wanted) {
          this.addRaw(state.status, state.paths);
          this.state = { kind: 'entries' };
        }
        return;
      case 'numstatPaths':
        state.paths.push(token);
        if (state.paths.length === 2) {
          this.addNumstat(state.additions, state.deletions, state.binary);
          this.state = { kind: 'entries' };
        }
        return;
      case 'entries':
        this.entry(token.startsWith('\n') ? token.slice(1) : token);
    }
  }

  private entry(token: string): void {
    if (token === '') return;
    if (token.charCodeAt(0) === 1) {
      this.flush();
      this.state = { kind: 'header', fields: [token.slice(1)] };
      return;
    }
    if (token.startsWith(':')) {
      const meta = token.split(' ');
      const letter = (meta[meta.length - 1] ?? 'M').charAt(0) as FileStatus;
      const status: FileStatus = STATUSES.has(letter) ? letter : 'M';
      const wanted = status === 'R' || status === 'C' ? 2 : 1;
      this.state = { kind: 'rawPaths', status, wanted, paths: [] };
      return;
    }
    const numstat = NUMSTAT.exec(token);
    if (!numstat) return;
    const binary = numstat[1] === '-' || numstat[2] === '-';
    const additions = binary ? 0 : Number(numstat[1]);
    const deletions = binary ? 0 : Number(numstat[2]);
    if (numstat[3] === '') {
      this.state = { kind: 'numstatPaths', additions, deletions, binary, paths: [] };
    } else {
      this.addNumstat(additions, deletions, binary);
    }
  }

  private addRaw(status: FileStatus, paths: string[]): void {
    const pending = this.pending;
    if (!pending) return;
    pending.rawCount++;
    if (pending.files.length >= MAX_FILES_PER_COMMIT) return;
    const file: FileChange = paths.length === 2
      ? { path: paths[1], oldPath: paths[0], status, additions: 0, deletions: 0, binary: false }
      : { path: paths[0], status, additions: 0, deletions: 0, binary: false };
    pending.files.push(file);
  }

  private addNumstat(additions: number, deletions: number, binary: boolean): void {
    const pending = this.pending;
    if (!pending) return;
    const file = pending.files[pending.numstatCount++];
    pending.additions += additions;
    pending.deletions += deletions;
    if (file) {
      file.additions = additions;
      file.deletions = deletions;
      file.binary = binary;
    }
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    const field = (name: (typeof DETAIL_FIELDS)[number]): string => pending.fields[DETAIL_FIELDS.indexOf(name)] ?? '';
    const sha = field('sha');
    const message = parseMessage(field('message'));
    // Keys in the report's order (prNumber before files), so the JSON renderer prints the object as it is.
    const commit: Commit = {
      sha,
      shortSha: sha.slice(0, 7),
      parents: field('parents').split(' ').filter((p) => p !== ''),
      author: { name: field('authorName'), email: field('authorEmail'), date: field('authorDate') },
      committer: { name: field('committerName'), email: field('committerEmail'), date: field('committerDate') },
      subject: message.subject,
      body: message.body,
      trailers: message.trailers,
      ...(message.prNumber !== undefined ? { prNumber: message.prNumber } : {}),
      files: pending.files,
    };
    const fileCount = Math.max(pending.rawCount, pending.numstatCount);
    if (fileCount > pending.files.length) {
      commit.filesTruncated = true;
      commit.filesTotal = { files: fileCount, additions: pending.additions, deletions: pending.deletions };
    }
    this.emit({ commit, authorTime: Number(field('authorTime')), committerTime: Number(field('committerTime')) });
  }
}
