// After the shown day refreshed by itself (its refs moved: a fetch, a pull), one notice for the new high-importance
// commits, in the report's language; its button shows them (one: its diff; several: selected in the Commits view).
import type { AnalyzedCommit, Report } from '../../core/domain/report.js';
import { printableLine, shorten } from '../../core/text.js';
import { treeWords } from '../i18n/treeWords.js';
import type { Notices } from '../notices.js';
import { newHighCommits } from './newCommits.js';

export interface NewCommitHost {
  reveal(repoPath: string, commit: AnalyzedCommit): Promise<void>;
  openCommit(repoPath: string, commit: AnalyzedCommit): Promise<void>;
}

export class NewCommitNotice {
  constructor(private readonly notices: Notices, private readonly host: NewCommitHost) {}

  /** Raises the notice when `after` has high-importance commits `before` lacked; resolves once it is answered. */
  async check(before: Report | undefined, after: Report): Promise<void> {
    const fresh = newHighCommits(before, after);
    const newest = fresh[0];
    if (newest === undefined) return;
    const words = treeWords(after.language);
    const subject = shorten(printableLine(newest.commit.subject), 80);
    const choice = await this.notices.notify('info', words.newHighCommits(fresh.length, subject), words.show);
    if (choice !== words.show) return;
    await this.host.reveal(newest.repo.path, newest.commit);
    if (fresh.length === 1) await this.host.openCommit(newest.repo.path, newest.commit);
  }
}
