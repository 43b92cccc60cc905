import { createHash, randomBytes } from 'node:crypto';
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

export function walkIndexFile(dir: string, key: WalkIndexKey): string {
  const id = createHash('sha256')
    .update(JSON.stringify([FORMAT_VERSION, key.gitDir, key.ref, key.dateField, key.filterArgs, key.pathspecs]))
    .digest('hex');
  return join(dir, `${id.slice(0, 40)}.walk`);
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
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
    await writeFile(temp, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), index.records]), { mode: 0o600 });
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Entries in walk order, sorted newest first with a stable sort, packed into records. */
export function packEntries(entries: WalkEntry[], hashBytes: number): Buffer {
  const sorted = [...entries].sort((a, b) => b.time - a.time);
  const recordSize = 8 + hashBytes;
  const records = Buffer.alloc(sorted.length * recordSize);
  sorted.forEach((entry, i) => {
    records.writeDoubleBE(entry.time, i * recordSize);
    records.write(entry.sha, i * recordSize + 8, hashBytes, 'hex');
  });
  return records;
}

/**
 * `added` (commits new since the index's tip, in walk order) merged into the index's records, newest first; on
 * equal dates the added commits come first (they are descendants or strangers of the old tip, never ancestors).
 * An added commit already present (git may list a few old ones again when dates are skewed) is not duplicated.
 */
export function mergeEntries(index: WalkIndex, added: WalkEntry[]): Buffer {
  const recordSize = 8 + index.hashBytes;
  const fresh = packEntries(added, index.hashBytes);
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
