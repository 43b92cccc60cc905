import type { SideFacts } from './syntax/extract.js';
import type { ParseNoteReason } from './types.js';

/**
 * What one blob at one path gave (its definitions and tests, or why it could not be read), kept for the commits
 * that follow: in a day's history the old side of a file is most often the new side of the commit before, so a run
 * that shares one cache parses each version of a file once. Bounded by the size of the texts it stands for.
 */
export interface SideOutcome {
  facts?: SideFacts;
  reason?: ParseNoteReason;
  language?: string;
}

export class SideFactsCache {
  private readonly entries = new Map<string, { outcome: SideOutcome; bytes: number }>();
  private bytes = 0;
  hits = 0;

  constructor(private readonly maxBytes = 16 * 1024 * 1024) {}

  static key(blobId: string, path: string): string {
    return `${blobId}\u0000${path}`;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): SideOutcome | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: the oldest is evicted first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry.outcome;
  }

  /** `bytes`: the size of the text the outcome came from (its definitions' text is about as large). */
  set(key: string, outcome: SideOutcome, bytes: number): void {
    if (bytes > this.maxBytes || outcome.reason === 'budget') return;
    const previous = this.entries.get(key);
    if (previous) {
      this.bytes -= previous.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { outcome, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}
