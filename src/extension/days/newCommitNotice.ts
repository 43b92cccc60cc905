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
  /** The report on screen when the refs first moved since the last report was shown. */
  private baseline: Report | undefined;

  constructor(private readonly notices: Notices, private readonly host: NewCommitHost) {}

  /**
   * The refs moved while `shown` was on screen. The next report shown is compared with it, whichever generation
   * makes it: one already running when the refs moved may read the new commits, and the refresh the move asked for
   * then finds nothing new.
   */
  refsMoved(shown: Report | undefined): void {
    this.baseline ??= shown;
  }

  /** A report is shown: when the refs moved before it, the notice for what it brought (if `notify`). */
  shown(report: Report, notify: boolean): void {
    const baseline = this.baseline;
    this.baseline = undefined;
    if (baseline !== undefined && notify) void this.check(baseline, report);
  }

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
