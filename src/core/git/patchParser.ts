import type { CapturedDiff, CapturedSection, DiffStreamRequest, PathLookup } from './capturedDiff.js';
import { matchesAny, pathLookup } from './capturedDiff.js';
import { unquoteCPath } from './cQuotedPath.js';

const DIFF_HEADER = Buffer.from('diff --git ');
const DELETED = Buffer.from('deleted file mode ');
/** A partial line that might be a header is carried to the next chunk up to this size (paths are far shorter). */
const MAX_HEADER_LINE = 64 * 1024;

interface Read {
  paths: PathLookup;
  /** Bytes wanted: the budget plus one, to know whether the budget cut the diff. */
  want: number;
  /** Bytes of this read's sections seen so far. */
  seen: number;
}

interface OpenCommit {
  request: DiffStreamRequest;
  reads: Read[];
  diff: CapturedDiff;
}

interface OpenSection {
  section: CapturedSection;
  reads: Read[];
  need: number;
  parts: Buffer[];
  keptBytes: number;
  /** Kept bytes not yet in `parts`: `run` from runStart to runEnd (contiguous lines of one chunk make one part). */
  run: Buffer | undefined;
  runStart: number;
  runEnd: number;
}

/**
 * Incremental parser of `git log -p --format=%x00%H`: a NUL + SHA line starts a commit, `diff --git` a file.
 * Headers are read line by line; hunk content (and whole sections no read wants) is skipped to the next
 * `\ndiff --git ` or `\n\0` with a native search, because a content line always starts with ` `, `+`, `-` or `\\`.
 */
export class PatchStreamParser {
  private readonly pending = new Map<string, DiffStreamRequest>();
  private commit: OpenCommit | undefined;
  private section: OpenSection | undefined;
  private carry: Buffer | undefined;
  /** Inside hunk content (or a skipped section): everything up to the next boundary is content. */
  private skipping = false;

  constructor(requests: readonly DiffStreamRequest[], private readonly onDiff: (diff: CapturedDiff) => void) {
    for (const request of requests) this.pending.set(request.sha.toLowerCase(), request);
  }

  push(chunk: Buffer): void {
    let data = chunk;
    if (this.carry) {
      data = Buffer.concat([this.carry, chunk]);
      this.carry = undefined;
    }
    let pos = 0;
    while (pos < data.length) {
      if (this.skipping) {
        const boundary = nextBoundary(data, pos);
        if (boundary === -1) {
          // A boundary may straddle the chunks: its newline would be among the last bytes; carry them.
          const keep = Math.max(pos, data.length - DIFF_HEADER.length);
          this.content(data, pos, keep);
          if (keep < data.length) this.carry = Buffer.from(data.subarray(keep));
          return;
        }
        this.content(data, pos, boundary + 1);
        pos = boundary + 1;
        this.skipping = false;
        continue;
      }
      const newline = data.indexOf(0x0a, pos);
      if (newline === -1) {
        if (data.length - pos < MAX_HEADER_LINE) {
          this.carry = Buffer.from(data.subarray(pos));
        } else {
          // Not a header git would print (paths are far shorter): content up to the next boundary.
          this.skipping = true;
          this.content(data, pos, data.length);
        }
        return;
      }
      this.line(data, pos, newline + 1);
      pos = newline + 1;
    }
  }

  /**
   * Starts `request`'s commit without a `\0<sha>` line: what is pushed next is its patch, and end() hands it over.
   * The detailed read (logParser.ts) knows where each commit's patch starts and ends, and uses one parser for all.
   */
  begin(request: DiffStreamRequest): void {
    this.finishCommit();
    this.commit = openCommit(request);
  }

  end(): void {
    if (this.carry) {
      const rest = this.carry;
      this.carry = undefined;
      // git ends every line with a newline; an unterminated last line is kept as content.
      if (!this.skipping && rest[0] === 0x00) this.line(Buffer.concat([rest, Buffer.from('\n')]), 0, rest.length + 1);
      else this.content(rest, 0, rest.length);
    }
    this.finishCommit();
  }

  /** One whole line at a line start outside hunk content, `end` just after its newline. */
  private line(data: Buffer, start: number, end: number): void {
    const first = data[start];
    if (first === 0x00) {
      this.finishCommit();
      const sha = data.toString('latin1', start + 1, end - 1).trim().toLowerCase();
      const request = this.pending.get(sha);
      if (request) {
        this.pending.delete(sha);
        this.commit = openCommit(request);
      } else {
        this.skipping = true;
      }
      return;
    }
    if (!this.commit) return;
    if (first === 0x64 && startsWith(data, start, end, DIFF_HEADER)) {
      this.finishSection();
      this.openSection(data.subarray(start + DIFF_HEADER.length, end - 1));
      // A section no read wants is skipped whole.
      if (!this.section) this.skipping = true;
    } else if (first === 0x64 && this.section && startsWith(data, start, end, DELETED)) {
      this.section.section.deleted = true;
    } else if (first === 0x40 && this.section) {
      // The first hunk: from here on, content up to the next boundary.
      this.skipping = true;
    }
    this.content(data, start, end);
  }

  private openSection(header: Buffer): void {
    const commit = this.commit!;
    const parsed = headerPath(header);
    if (parsed === undefined) {
      commit.diff.unparsed = true;
      this.section = undefined;
      return;
    }
    const reads = commit.reads.filter((read) => matchesAny(parsed.path, read.paths));
    if (reads.length === 0) {
      this.section = undefined;
      return;
    }
    const need = Math.max(0, ...reads.map((read) => read.want - read.seen));
    this.section = {
      section: { path: parsed.path, size: 0, kept: Buffer.alloc(0), deleted: false, uncertain: parsed.uncertain },
      reads,
      need,
      parts: [],
      keptBytes: 0,
      run: undefined,
      runStart: 0,
      runEnd: 0,
    };
  }

  private content(data: Buffer, start: number, end: number): void {
    const open = this.section;
    if (!open || end <= start) return;
    open.section.size += end - start;
    const room = open.need - open.keptBytes;
    if (room <= 0) return;
    const take = Math.min(room, end - start);
    if (open.run === data && open.runEnd === start) {
      open.runEnd += take;
    } else {
      keepRun(open);
      open.run = data;
      open.runStart = start;
      open.runEnd = start + take;
    }
    open.keptBytes += take;
  }

  private finishSection(): void {
    const open = this.section;
    if (!open) return;
    this.section = undefined;
    keepRun(open);
    open.section.kept = open.parts.length === 1 ? open.parts[0]! : Buffer.concat(open.parts, open.keptBytes);
    for (const read of open.reads) read.seen += open.section.size;
    this.commit!.diff.sections.push(open.section);
  }

  private finishCommit(): void {
    this.skipping = false;
    if (!this.commit) return;
    this.finishSection();
    const { diff } = this.commit;
    this.commit = undefined;
    this.onDiff(diff);
  }
}

function openCommit(request: DiffStreamRequest): OpenCommit {
  const paths = new Set(request.reads.flatMap((read) => read.paths));
  return {
    request,
    reads: request.reads.map((read) => ({
      paths: pathLookup(read.paths),
      want: Math.max(0, Math.floor(read.maxBytes)) + 1,
      seen: 0,
    })),
    diff: { sha: request.sha, paths, sections: [], unparsed: false },
  };
}

/**
 * Moves a section's pending run of kept bytes into its parts. A view, not a copy: git's stdout chunks are never
 * reused, and a capture lives only until its commit is analyzed.
 */
function keepRun(open: OpenSection): void {
  if (open.run && open.runEnd > open.runStart) open.parts.push(open.run.subarray(open.runStart, open.runEnd));
  open.run = undefined;
}

const NEXT_FILE = Buffer.from('\ndiff --git ');
const NEXT_COMMIT = Buffer.from('\n\0');

/** The newline that ends the content before the next `diff --git` line or commit marker, or -1. */
function nextBoundary(data: Buffer, from: number): number {
  // The newline just before `from` (already consumed) counts too: then the line at `from` is the boundary.
  const start = Math.max(0, from - 1);
  const file = data.indexOf(NEXT_FILE, start);
  const commit = data.indexOf(NEXT_COMMIT, start);
  return file === -1 ? commit : commit === -1 ? file : Math.min(file, commit);
}

function startsWith(data: Buffer, start: number, end: number, prefix: Buffer): boolean {
  if (end - start < prefix.length) return false;
  // Byte by byte: the prefixes are a dozen bytes, shorter than the cost of a native compare call.
  for (let i = 0; i < prefix.length; i++) {
    if (data[start + i] !== prefix[i]) return false;
  }
  return true;
}

/**
 * The path of `a/<path> b/<path>` (both sides are the same without rename detection), C-quoted or not.
 * `uncertain` when the bytes are not valid UTF-8 (the log's file list would name it differently).
 */
export function headerPath(header: Buffer): { path: string; uncertain: boolean } | undefined {
  let side: Buffer | undefined;
  if (header[0] === 0x22) {
    const a = unquoteCPath(header, 0);
    if (!a || header[a.end] !== 0x20 || header[a.end + 1] !== 0x22) return undefined;
    const b = unquoteCPath(header, a.end + 1);
    if (!b || b.end !== header.length || !sameSides(a.bytes, b.bytes)) return undefined;
    side = b.bytes;
  } else {
    if ((header.length - 5) % 2 !== 0) return undefined;
    const length = (header.length - 5) / 2;
    const a = header.subarray(0, length + 2);
    const b = header.subarray(length + 3);
    if (header[length + 2] !== 0x20 || !sameSides(a, b)) return undefined;
    side = b;
  }
  if (side.length < 3 || side[0] !== 0x62 || side[1] !== 0x2f) return undefined;
  const bytes = side.subarray(2);
  const path = bytes.toString('utf8');
  // ASCII decodes to itself; anything else must survive a round trip through UTF-8.
  return { path, uncertain: !isAscii(bytes) && !Buffer.from(path, 'utf8').equals(bytes) };
}

/** Whether `a` is `b` with its leading `b` turned into `a` (`a/<path>` and `b/<path>`), compared in place. */
function sameSides(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) return false;
  if (a.length > 0 && a[0] !== (b[0] === 0x62 ? 0x61 : b[0])) return false;
  for (let i = 1; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function isAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) return false;
  }
  return true;
}
