// The triage state (commits marked reviewed), kept per repository in the extension's global storage, keyed by the
// repository's root: never in the repository, shared by the windows that show it, and still there after a reload.
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import type { Report, RepositoryReport } from '../../core/domain/report.js';
import type { TriageState } from '../panel/webviewBridge.js';
import { parseStoredReviewed, withReviewed, type StoredReviewed } from './reviewedSet.js';

const KEY_PREFIX = 'dailyDigest.reviewed:';

/** A commit to mark: the repository it is in and its full SHA. */
export interface MarkTarget {
  repo: Pick<RepositoryReport, 'path'>;
  commit: { sha: string };
}

export class TriageStore implements TriageState, vscode.Disposable {
  private readonly loaded = new Map<string, Set<string>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after marks changed (from the tree, a command or the report). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: vscode.Memento) {}

  private marks(repoPath: string): { key: string; set: Set<string>; list: () => string[] } {
    const key = `${KEY_PREFIX}${resolve(repoPath)}`;
    let set = this.loaded.get(key);
    if (set === undefined) {
      set = new Set(parseStoredReviewed(this.storage.get<unknown>(key)));
      this.loaded.set(key, set);
    }
    const current = set;
    return { key, set: current, list: () => [...current] };
  }

  isReviewed(repoPath: string, sha: string): boolean {
    return this.marks(repoPath).set.has(sha);
  }

  /** The full SHAs of the report's commits marked reviewed. */
  reviewed(report: Report): string[] {
    return report.repositories.flatMap((repo) => {
      const { set } = this.marks(repo.path);
      return repo.commits.filter((commit) => set.has(commit.sha)).map((commit) => commit.sha);
    });
  }

  /** Marks the commits reviewed (or not), repository by repository, and saves each repository's marks. */
  async setReviewed(targets: readonly MarkTarget[], reviewed: boolean): Promise<void> {
    const byRepo = new Map<string, string[]>();
    for (const { repo, commit } of targets) {
      const list = byRepo.get(repo.path) ?? [];
      list.push(commit.sha);
      byRepo.set(repo.path, list);
    }
    const saves: Thenable<void>[] = [];
    for (const [repoPath, shas] of byRepo) {
      const { key, list } = this.marks(repoPath);
      const next = withReviewed(list(), shas, reviewed);
      this.loaded.set(key, new Set(next));
      const stored: StoredReviewed = { version: 1, shas: next };
      saves.push(this.storage.update(key, next.length === 0 ? undefined : stored));
    }
    this.changed.fire();
    await Promise.all(saves);
  }

  /** Forgets what was read, so that the next look reads the storage again (another window may have marked). */
  reload(): void {
    this.loaded.clear();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
