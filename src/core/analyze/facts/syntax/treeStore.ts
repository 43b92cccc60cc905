import type { Tree } from '@vscode/tree-sitter-wasm';
import type { LanguageRow } from './languages.js';

/**
 * Syntax trees by blob id and path, shared by the two extractors of a run: the definitions reader parses a side and
 * leaves its tree here, the interface reader of the same commit reads the same tree, and the next commit of the
 * file finds its old side here (it was this commit's new side). The store owns its trees: it deletes them when they
 * are evicted (oldest first, bounded by the size of the texts they stand for) and at `clear()`, which the run
 * calls when it ends (WASM memory is not collected). A borrowed tree is never edited: its user copies it first.
 */
export interface StoredTree {
  tree: Tree;
  language: LanguageRow;
}

export class TreeStore {
  private readonly entries = new Map<string, StoredTree & { bytes: number }>();
  private bytes = 0;
  hits = 0;

  constructor(private readonly maxBytes = 4 * 1024 * 1024) {}

  static key(blobId: string, path: string): string {
    return `${blobId}\u0000${path}`;
  }

  get(key: string): StoredTree | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry;
  }

  /**
   * Takes `tree` into the store; false (the caller keeps it and deletes it) when it is larger than the whole store
   * or the key holds a tree already. Keeping a tree may evict older ones: a caller holds no other borrowed tree then.
   */
  keep(key: string, tree: Tree, language: LanguageRow, bytes: number): boolean {
    if (bytes > this.maxBytes || this.entries.has(key)) return false;
    this.entries.set(key, { tree, language, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes || oldest === key) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
      entry.tree.delete();
    }
    return true;
  }

  clear(): void {
    for (const entry of this.entries.values()) entry.tree.delete();
    this.entries.clear();
    this.bytes = 0;
  }
}
