// LogParser reads raw and numstat entries from the bytes; the string-based parser it replaced is kept here as the
// reference, and both parse the same git output (renames, binary files, a merge, quoted and non-UTF-8 paths, a type
// change) cut into chunks of every size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DETAIL_FIELDS, detailArgs } from '../../src/core/git/logFormat.js';
import { LogParser, MAX_FILES_PER_COMMIT } from '../../src/core/git/logParser.js';
import type { ParsedCommit } from '../../src/core/git/parsedCommit.js';
import { parseMessage } from '../../src/core/git/message.js';
import type { Commit, FileChange, FileStatus } from '../../src/core/domain/commit.js';
import { diffStreamRepo } from '../support/diffStreamFixture.js';
import { isolatedGitEnv } from '../support/gitFixture.js';

function parseAll(output: Buffer, sizes: () => number, make: (emit: (parsed: ParsedCommit) => void) => { push(chunk: Buffer): void; end(): void }): ParsedCommit[] {
  const parsed: ParsedCommit[] = [];
  const parser = make((commit) => parsed.push(commit));
  for (let pos = 0; pos < output.length;) {
    const size = Math.max(1, sizes());
    parser.push(output.subarray(pos, pos + size));
    pos += size;
  }
  parser.end();
  return parsed;
}

test('LogParser parses git log -z --raw --numstat as the string-based parser did, whatever the chunks', (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  // A file name that is not UTF-8, a copy and a numstat line for a rename.
  writeFileSync(join(repo.dir, Buffer.from([0x61, 0xff, 0x2e, 0x74, 0x73]).toString('latin1')), 'x\n');
  repo.git(['add', '-A']);
  repo.commit('feat: odd name', { date: '2026-03-10T10:00:00Z' });
  const output = execFileSync('git', ['log', ...detailArgs(['--diff-merges=first-parent']), '-C', 'HEAD'], {
    cwd: repo.dir, env: isolatedGitEnv(), maxBuffer: 64 * 1024 * 1024,
  });
  const whole = parseAll(output, () => output.length, (emit) => new ReferenceLogParser(emit));
  assert.ok(whole.length > 5);
  assert.ok(whole.some((parsed) => parsed.commit.files.some((file) => file.status === 'R')), 'a rename');
  assert.ok(whole.some((parsed) => parsed.commit.files.some((file) => file.binary)), 'a binary file');
  let seed = 11;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (const sizes of [() => output.length, () => 1, () => 3, () => 1 + Math.floor(random() * 60), () => 1 + Math.floor(random() * 5000)]) {
    assert.deepEqual(parseAll(output, sizes, (emit) => new LogParser(emit)), whole);
  }
});

test('LogParser reads odd entries as the string-based parser did', () => {
  const header = (sha: string): string => `\x01${sha}\x00p1 p2\x00A\x00a@x\x002026-01-01T00:00:00Z\x001767225600\x00C\x00c@x\x002026-01-01T00:00:00Z\x001767225600\x00subject\n\nbody (#12)\n\x00`;
  const entries = [
    '\n:100644 100644 aaa bbb M\x00a.ts\x00', ':000000 100644 000 ccc A\x00b.ts\x00', ':100644 100644 aaa bbb R087\x00old.ts\x00new.ts\x00',
    ':100644 100644 aaa bbb X\x00weird.ts\x00', ':100644 100644 aaa bbb \x00trailing-space.ts\x00', ':nospaces\x00n.ts\x00',
    '1\t2\ta.ts\x00', '-\t-\tb.bin\x00', '3\t4\t\x00old.ts\x00new.ts\x00', '007\t0\tz.ts\x00', '12345678901234567890\t1\tbig.ts\x00',
    'x\t1\tbad.ts\x00', '1\t\tbad.ts\x00', '-5\t1\tbad.ts\x00', '1\t2\x00', '\x00', '\n\x00',
  ];
  const text = `${header('a'.repeat(40))}${entries.join('')}${header('b'.repeat(40))}${entries.slice(0, 3).join('')}`;
  const output = Buffer.from(text, 'utf8');
  const expected = parseAll(output, () => output.length, (emit) => new ReferenceLogParser(emit));
  assert.equal(expected.length, 2);
  for (const size of [1, 2, 7, output.length]) {
    assert.deepEqual(parseAll(output, () => size, (emit) => new LogParser(emit)), expected);
  }
});

// ---- The string-based parser, as it was (reference) ----

const NUL = 0;
const STATUSES = new Set<FileStatus>(['A', 'M', 'D', 'R', 'C', 'T']);
const NUMSTAT = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/;

/** A parsed commit plus the epoch seconds of both dates, for window checks and sorting. */
interface ParsedCommitRef {
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
class ReferenceLogParser {
  private carry: Buffer = Buffer.alloc(0);
  private state: State = { kind: 'entries' };
  private pending: Pending | undefined;

  constructor(private readonly emit: (parsed: ParsedCommitRef) => void) {}

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

/** parseMessage as it was before it read lines with indexOf (split into lines and joined back): the reference. */
function parseMessageBySplit(raw: string): { subject: string; body: string } {
  const text = raw.replace(/\r\n/g, '\n').trimEnd();
  const lines = text.split('\n');
  let index = 0;
  while (index < lines.length && lines[index]!.trim() === '') index++;
  const subjectLines: string[] = [];
  while (index < lines.length && lines[index]!.trim() !== '') subjectLines.push(lines[index++]!.trim());
  while (index < lines.length && lines[index]!.trim() === '') index++;
  return { subject: subjectLines.join(' '), body: lines.slice(index).join('\n') };
}

test('parseMessage splits subject and body as the line-splitting version did, on random messages', () => {
  const pieces = ['\n', '\n', '\r\n', '\r', ' ', '\t', '\u00a0', '\ufeff', 'a', 'fix: x', 'Key: v', '(#12)', 'BREAKING CHANGE: y',
    'Merge pull request #5', '  indented', '中文', '😀'];
  let seed = 3;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  for (let i = 0; i < 20_000; i++) {
    let raw = '';
    for (let j = random(14); j > 0; j--) raw += pieces[random(pieces.length)];
    const parsed = parseMessage(raw);
    const expected = parseMessageBySplit(raw);
    assert.deepEqual({ subject: parsed.subject, body: parsed.body }, expected, JSON.stringify(raw));
  }
});
