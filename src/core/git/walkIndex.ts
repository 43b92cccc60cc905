import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One walked commit: its chosen date (epoch seconds) and its SHA (hex). */
export interface WalkEntry {
  time: number;
  sha: string;
}

/**
 * The result of one full history walk, kept on disk so the next run walks only what is new.
 * `entries` is every commit reachable from `tip` that passed the walk's filters, newest first (stable: equal
 * dates keep walk order). Binary, not JSON: a 50k-commit history is 1.4 MB and loads without one JS object
 * per commit until a window is cut out of it.
 */
export interface WalkIndex {
  tip: string;
  /** Records of `8 + hashBytes` bytes: time as a float64 (big endian), then the raw hash. */
  records: Buffer;
  hashBytes: number;
}

const FORMAT_VERSION = 1;
const MAGIC = 'daily-digest walk index';

/** Everything the walk's answer depends on besides the tip. Another value is another file. */
export interface WalkIndexKey {
  gitDir: string;
  ref: string;
  dateField: string;
  filterArgs: string[];
  pathspecs: string[];
}

/**
 * The file for `key`. The name is a 64-bit FNV-1a hash of the key (node:crypto costs a few ms to load on every run);
 * the full key is also in the file's header and checked on load, so a collision only costs a walk.
 */
export function walkIndexFile(dir: string, key: WalkIndexKey): string {
  const text = JSON.stringify([FORMAT_VERSION, key.gitDir, key.ref, key.dateField, key.filterArgs, key.pathspecs]);
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return join(dir, `${hash.toString(16).padStart(16, '0')}.walk`);
}

/** The index in `file` for `key`, or undefined when absent, unreadable, corrupt or written for another key. */
export async function loadWalkIndex(file: string, key: WalkIndexKey): Promise<WalkIndex | undefined> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return undefined;
  }
  const newline = data.indexOf(0x0a);
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(data.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
    const { magic, version, tip, hashBytes, count, keyText } = header;
    if (magic !== MAGIC || version !== FORMAT_VERSION || keyText !== keyString(key)) return undefined;
    if (typeof tip !== 'string' || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(tip)) return undefined;
    if ((hashBytes !== 20 && hashBytes !== 32) || typeof count !== 'number') return undefined;
    const records = data.subarray(newline + 1);
    if (records.length !== count * (8 + hashBytes)) return undefined;
    return { tip, records, hashBytes };
  } catch {
    return undefined;
  }
}

/** Best effort and atomic (temp file + rename): a failed write only means the next run walks everything again. */
export async function saveWalkIndex(file: string, key: WalkIndexKey, index: WalkIndex): Promise<void> {
  const recordSize = 8 + index.hashBytes;
  const header = JSON.stringify({
    magic: MAGIC, version: FORMAT_VERSION, tip: index.tip, hashBytes: index.hashBytes,
    count: index.records.length / recordSize, keyText: keyString(key),
  });
  const temp = `${file}.${process.pid}-${Date.now().toString(36)}.tmp`;
  try {
    await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
    await writeFile(temp, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), index.records]), { mode: 0o600 });
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * Collects `<time> <hex sha>` lines straight into records (no object or string per commit: a 50k-commit walk
 * is parsed in a few milliseconds), for a whole-history walk that builds an index.
 */
export class RecordCollector {
  private times = new Float64Array(4096);
  private hashes: Buffer;
  private count = 0;
  private line = Buffer.alloc(160);
  private lineLength = 0;

  constructor(readonly hashBytes: number) {
    this.hashes = Buffer.alloc(4096 * hashBytes);
  }

  push(chunk: Buffer): void {
    let from = 0;
    for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, from)) {
      if (this.lineLength > 0) {
        this.append(chunk, from, newline);
        this.take(this.line, 0, this.lineLength);
        this.lineLength = 0;
      } else {
        this.take(chunk, from, newline);
      }
      from = newline + 1;
    }
    if (from < chunk.length) this.append(chunk, from, chunk.length);
  }

  /** Packs what was collected, newest first (stable: equal dates keep walk order). */
  end(): Buffer {
    if (this.lineLength > 0) this.take(this.line, 0, this.lineLength);
    this.lineLength = 0;
    const { times, hashes, count, hashBytes } = this;
    const recordSize = 8 + hashBytes;
    let sorted = true;
    for (let i = 1; i < count && sorted; i++) sorted = times[i - 1]! >= times[i]!;
    // A date-ordered walk is usually already newest first; only out-of-order histories pay for the sort.
    const order = sorted ? undefined : Array.from({ length: count }, (_, i) => i).sort((a, b) => times[b]! - times[a]! || a - b);
    const records = Buffer.alloc(count * recordSize);
    for (let to = 0; to < count; to++) {
      const from = order ? order[to]! : to;
      records.writeDoubleBE(times[from]!, to * recordSize);
      hashes.copy(records, to * recordSize + 8, from * hashBytes, (from + 1) * hashBytes);
    }
    return records;
  }

  private append(chunk: Buffer, start: number, end: number): void {
    const needed = this.lineLength + (end - start);
    if (needed > this.line.length) {
      const bigger = Buffer.alloc(needed * 2);
      this.line.copy(bigger, 0, 0, this.lineLength);
      this.line = bigger;
    }
    chunk.copy(this.line, this.lineLength, start, end);
    this.lineLength = needed;
  }

  /** One line: decimal seconds, a space, the hex hash. Anything else is skipped. */
  private take(bytes: Buffer, start: number, end: number): void {
    const { hashBytes } = this;
    const space = bytes.indexOf(0x20, start);
    if (space <= start || space >= end || end - space - 1 !== hashBytes * 2) return;
    let time = 0;
    for (let i = start; i < space; i++) {
      const digit = bytes[i]! - 0x30;
      if (digit < 0 || digit > 9) return;
      time = time * 10 + digit;
    }
    if (this.count === this.times.length) {
      const times = new Float64Array(this.count * 2);
      times.set(this.times);
      this.times = times;
      const hashes = Buffer.alloc(this.hashes.length * 2);
      this.hashes.copy(hashes);
      this.hashes = hashes;
    }
    const offset = this.count * hashBytes;
    for (let i = 0; i < hashBytes; i++) {
      const high = HEX[bytes[space + 1 + 2 * i]!]!;
      const low = HEX[bytes[space + 2 + 2 * i]!]!;
      if (high < 0 || low < 0) return;
      this.hashes[offset + i] = (high << 4) | low;
    }
    this.times[this.count++] = time;
  }
}

/** Lower-case hex digit values; -1 for anything else. */
const HEX = (() => {
  const table = new Int8Array(256).fill(-1);
  for (let i = 0; i < 10; i++) table[0x30 + i] = i;
  for (let i = 0; i < 6; i++) table[0x61 + i] = 10 + i;
  return table;
})();

/**
 * `fresh` (the records of the commits new since the index's tip, from a RecordCollector) merged into the index's
 * records, newest first; on equal dates the new commits come first (they are descendants or strangers of the old
 * tip, never ancestors). A new commit already present (git may list a few old ones again when dates are skewed) is
 * not duplicated.
 */
export function mergeRecords(index: WalkIndex, fresh: Buffer): Buffer {
  const recordSize = 8 + index.hashBytes;
  const old = index.records;
  const chunks: Buffer[] = [];
  let i = 0;
  let j = 0;
  while (i < fresh.length) {
    const time = fresh.readDoubleBE(i);
    const start = j;
    while (j < old.length && old.readDoubleBE(j) > time) j += recordSize;
    if (j > start) chunks.push(old.subarray(start, j));
    if (!containsAtTime(old, j, recordSize, time, fresh.subarray(i + 8, i + recordSize))) {
      chunks.push(fresh.subarray(i, i + recordSize));
    }
    i += recordSize;
  }
  chunks.push(old.subarray(j));
  return Buffer.concat(chunks);
}

/** Whether the records from `from` on that carry exactly `time` include `hash`. */
function containsAtTime(records: Buffer, from: number, recordSize: number, time: number, hash: Buffer): boolean {
  for (let k = from; k < records.length && records.readDoubleBE(k) === time; k += recordSize) {
    if (records.compare(hash, 0, hash.length, k + 8, k + recordSize) === 0) return true;
  }
  return false;
}

/** The entries with `startSeconds <= time < endSeconds`, newest first, found by binary search. */
export function entriesInWindow(index: WalkIndex, startSeconds: number, endSeconds: number): WalkEntry[] {
  const recordSize = 8 + index.hashBytes;
  const { records } = index;
  const count = records.length / recordSize;
  // Records are sorted by time descending: find the first record older than `end - 1`, …
  const firstAtOrBelow = (limit: number): number => {
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (records.readDoubleBE(middle * recordSize) > limit) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const from = firstAtOrBelow(endSeconds - 1);
  const entries: WalkEntry[] = [];
  for (let k = from; k < count; k++) {
    const offset = k * recordSize;
    const time = records.readDoubleBE(offset);
    if (time < startSeconds) break;
    entries.push({ time, sha: records.toString('hex', offset + 8, offset + recordSize) });
  }
  return entries;
}

function keyString(key: WalkIndexKey): string {
  return JSON.stringify([key.gitDir, key.ref, key.dateField, key.filterArgs, key.pathspecs]);
}
