import type { Commit, FileChange, FileStatus } from '../domain/commit.js';
import type { CapturedDiff, DiffStreamRequest } from './capturedDiff.js';
import { PatchStreamParser } from './patchParser.js';
import { DETAIL_FIELDS } from './logFormat.js';
import { buildParsedCommit } from './parsedCommit.js';
import type { ParsedCommit, PendingCommit } from './parsedCommit.js';

/** Files kept per commit; the rest are only counted, so a 20,000-file commit stays small. */
export const MAX_FILES_PER_COMMIT = 5000;

const NUL = 0;
const STATUSES = new Set<FileStatus>(['A', 'M', 'D', 'R', 'C', 'T']);

/**
 * What to keep of each commit's patch when the log prints patches (`--patch`): the sections its analysis will read
 * (the reads of a DiffStreamRequest), or undefined for none. Asked once per commit, when its files are known and
 * before its patch. Never asked for a commit with a rename or a copy, or with more files than are kept: under `-C`
 * their sections are not the `--no-renames` sections the analyzer's reads stand for (diffStream.ts).
 */
export type PatchReads = (commit: Commit) => DiffStreamRequest['reads'] | undefined;

/** Called with each commit, and with what was kept of its patch when PatchReads asked for something. */
export type EmitParsed = (parsed: ParsedCommit, captured?: CapturedDiff) => void;

interface OpenPatch {
  parsed: ParsedCommit;
  /** Its sections go to the parser's PatchStreamParser. */
  capturing: boolean;
}

/** Where a commit's patch ends: the next commit's `%x01` marker at a line start. */
const NEXT_COMMIT = Buffer.from('\n\x01');

/** A numstat count: digits (or `-` for a binary file), as git prints them. */
type Count = number | '-';

/**
 * Incremental parser for `git log -z --raw --numstat` with DETAIL_FORMAT. Feed it stdout chunks; it emits each
 * commit when the next one starts (or at end). Raw and numstat entries come in the same order, so the n-th
 * numstat entry belongs to the n-th raw entry.
 *
 * With `--patch` too (and patchReads), a commit's patch follows its numstat entries after an empty entry and runs
 * to the next `\n%x01` (a patch line never starts with %x01; -z leaves patches as they are). It is searched, not
 * tokenized, and handed to a PatchStreamParser only for the commits patchReads asks about.
 *
 * Entries are read from the bytes: only the header fields and the raw entries' paths become strings (the raw
 * entry's status is one byte, numstat counts are digits, and numstat repeats the raw entry's paths).
 */
export class LogParser {
  private carry: Buffer | undefined;
  private state: 'entries' | 'header' | 'rawPaths' | 'numstatPaths' = 'entries';
  private fields: string[] = [];
  private rawStatus: FileStatus = 'M';
  private rawWanted = 0;
  private rawPaths: string[] = [];
  private numstatSkipped = 0;
  private numstatAdditions = 0;
  private numstatDeletions = 0;
  private numstatBinary = false;
  private pending: PendingCommit | undefined;
  /** Inside a commit's patch: the commit (already built), and whether its wanted sections are being kept. */
  private patch: OpenPatch | undefined;
  /** Keeps the wanted sections of the open patch; what it hands over (at end()) is `captured`. */
  private readonly capture: PatchStreamParser | undefined;
  private captured: CapturedDiff | undefined;

  constructor(private readonly emit: EmitParsed, private readonly patchReads?: PatchReads) {
    if (patchReads) {
      this.capture = new PatchStreamParser([], (diff) => {
        this.captured = diff;
      });
    }
  }

  push(chunk: Buffer): void {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    let start = 0;
    while (start < data.length) {
      if (this.patch) {
        const boundary = data.indexOf(NEXT_COMMIT, start);
        if (boundary === -1) {
          // The boundary's newline may be the last byte: keep it for the next chunk.
          const keep = data[data.length - 1] === 0x0a ? data.length - 1 : data.length;
          this.patchBytes(data, start, keep);
          if (keep < data.length) this.carry = Buffer.from(data.subarray(keep));
          return;
        }
        this.patchBytes(data, start, boundary + 1);
        this.endPatch();
        start = boundary + 1;
        continue;
      }
      const end = data.indexOf(NUL, start);
      if (end === -1) break;
      this.token(data, start, end);
      start = end + 1;
    }
    if (start < data.length) this.carry = Buffer.from(data.subarray(start));
  }

  end(): void {
    const rest = this.carry;
    this.carry = undefined;
    if (rest && this.patch) this.patchBytes(rest, 0, rest.length);
    else if (rest) this.token(rest, 0, rest.length);
    if (this.patch) this.endPatch();
    else this.flush();
  }

  private patchBytes(data: Buffer, start: number, end: number): void {
    if (end > start && this.patch?.capturing) this.capture!.push(data.subarray(start, end));
  }

  /** The commit's patch starts: the commit is complete, and its wanted sections are captured from here on. */
  private beginPatch(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    const parsed = buildParsedCommit(pending);
    const kept = !pending.paired && !parsed.commit.filesTruncated;
    const reads = kept ? this.patchReads?.(parsed.commit) : undefined;
    const capturing = reads !== undefined && reads.length > 0;
    if (capturing) this.capture!.begin({ sha: parsed.commit.sha, reads });
    this.patch = { parsed, capturing };
  }

  private endPatch(): void {
    const patch = this.patch;
    this.patch = undefined;
    if (!patch) return;
    let captured: CapturedDiff | undefined;
    if (patch.capturing) {
      this.capture!.end();
      captured = this.captured;
      this.captured = undefined;
    }
    this.emit(patch.parsed, captured);
  }

  private token(data: Buffer, start: number, end: number): void {
    switch (this.state) {
      case 'header':
        this.fields.push(data.toString('utf8', start, end));
        if (this.fields.length === DETAIL_FIELDS.length) {
          this.pending = {
            fields: this.fields, files: [], rawCount: 0, numstatCount: 0, additions: 0, deletions: 0, paired: false,
          };
          this.state = 'entries';
        }
        return;
      case 'rawPaths':
        this.rawPaths.push(data.toString('utf8', start, end));
        if (this.rawPaths.length === this.rawWanted) {
          this.addRaw(this.rawStatus, this.rawPaths);
          this.state = 'entries';
        }
        return;
      case 'numstatPaths':
        // The old and new path of a rename: the raw entry has them already.
        if (++this.numstatSkipped === 2) {
          this.addNumstat(this.numstatAdditions, this.numstatDeletions, this.numstatBinary);
          this.state = 'entries';
        }
        return;
      case 'entries':
        // The first entry after a commit's message starts on a new line.
        this.entry(data, data[start] === 0x0a ? start + 1 : start, end);
    }
  }

  private entry(data: Buffer, start: number, end: number): void {
    if (start >= end) {
      // An empty entry after the file entries: the commit's patch follows (only with --patch).
      if (start === end && this.patchReads && this.pending && this.pending.rawCount + this.pending.numstatCount > 0) {
        this.beginPatch();
      }
      return;
    }
    const first = data[start];
    if (first === 0x01) {
      this.flush();
      this.fields = [data.toString('utf8', start + 1, end)];
      this.state = 'header';
      return;
    }
    if (first === 0x3a) {
      // `:<mode> <mode> <sha> <sha> <status>[score]`: the status letter starts the last field.
      let space = end - 1;
      while (space >= start && data[space] !== 0x20) space--;
      const letter = space >= start && space + 1 < end ? String.fromCharCode(data[space + 1]!) : ':';
      const status = STATUSES.has(letter as FileStatus) ? (letter as FileStatus) : 'M';
      this.rawStatus = status;
      this.rawWanted = status === 'R' || status === 'C' ? 2 : 1;
      this.rawPaths = [];
      this.state = 'rawPaths';
      return;
    }
    // `<added>\t<deleted>\t<path>`, or with an empty path when the old and new paths follow (rename, copy).
    const firstTab = data.indexOf(0x09, start);
    if (firstTab === -1 || firstTab >= end) return;
    const secondTab = data.indexOf(0x09, firstTab + 1);
    if (secondTab === -1 || secondTab >= end) return;
    const added = count(data, start, firstTab);
    const deleted = count(data, firstTab + 1, secondTab);
    if (added === undefined || deleted === undefined) return;
    const binary = added === '-' || deleted === '-';
    const additions = binary ? 0 : (added as number);
    const deletions = binary ? 0 : (deleted as number);
    if (secondTab + 1 === end) {
      this.numstatAdditions = additions;
      this.numstatDeletions = deletions;
      this.numstatBinary = binary;
      this.numstatSkipped = 0;
      this.state = 'numstatPaths';
    } else {
      this.addNumstat(additions, deletions, binary);
    }
  }

  private addRaw(status: FileStatus, paths: string[]): void {
    const pending = this.pending;
    if (!pending) return;
    pending.rawCount++;
    if (paths.length === 2) pending.paired = true;
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
    if (pending) this.emit(buildParsedCommit(pending));
  }

}

/** A numstat count in `data[start, end)`: `-`, or digits read as Number() reads them; undefined for anything else. */
function count(data: Buffer, start: number, end: number): Count | undefined {
  if (end - start === 1 && data[start] === 0x2d) return '-';
  if (end <= start) return undefined;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = data[i]! - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  // Up to 15 digits the sum is exact; longer numbers are left to Number() and its rounding.
  return end - start <= 15 ? value : Number(data.toString('latin1', start, end));
}
